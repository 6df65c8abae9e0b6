package io.loopguard.agent.record;

import java.util.Arrays;

/**
 * The tests running in this JVM, as the test framework's listener reports them ({@code loopguard-junit}'s
 * {@code LoopGuardTestListener} through {@code LoopGuard.testStarted/testFinished}): every recorded call is attributed
 * to the tests running when it ended.
 *
 * <ul>
 *   <li>Parallel execution: a call is attributed to every test running at that moment (the agent cannot know which of
 *       them handed the work to the loop), so each name is a "during", not a "caused by".</li>
 *   <li>Work a test leaves running: a call made after a test finished and before the next one started is attributed
 *       to the test that finished last, as {@code "<name> (after it finished)"}; once another test starts, its calls
 *       are attributed to that test.</li>
 * </ul>
 * The state is an immutable array swapped on start and finish (tests start and finish rarely, calls are recorded
 * often): a recording thread reads one volatile field and allocates nothing.
 */
public final class RunningTests {
    static final String AFTER = " (after it finished)";
    private static final String[] NONE = new String[0];

    private volatile String[] running = NONE;
    private volatile String[] afterLast = NONE;

    /** A test started; {@code name} is {@code Class#method()} or the framework's display name. */
    public synchronized void started(String name) {
        if (name == null) {
            return;
        }
        String[] grown = Arrays.copyOf(running, running.length + 1);
        grown[running.length] = name;
        running = grown;
        afterLast = NONE;
    }

    /** A test finished (passed, failed, aborted or skipped after it started). */
    public synchronized void finished(String name) {
        String[] now = running;
        for (int i = 0; i < now.length; i++) {
            if (now[i].equals(name)) {
                String[] shrunk = new String[now.length - 1];
                System.arraycopy(now, 0, shrunk, 0, i);
                System.arraycopy(now, i + 1, shrunk, i, now.length - i - 1);
                running = shrunk;
                if (shrunk.length == 0) {
                    afterLast = new String[] {name + AFTER};
                }
                return;
            }
        }
    }

    /** Target of the runtime's test handle: {@code (String name, boolean started) void}. */
    public void event(String name, boolean started) {
        if (started) {
            started(name);
        } else {
            finished(name);
        }
    }

    /** The names a call recorded now is attributed to; empty when no test listener ran. Never modify it. */
    String[] current() {
        String[] now = running;
        return now.length > 0 ? now : afterLast;
    }
}
