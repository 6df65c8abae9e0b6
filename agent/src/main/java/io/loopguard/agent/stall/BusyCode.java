package io.loopguard.agent.stall;

import io.loopguard.format.Frame;

/**
 * Where a stall's call site starts in a sampled stack: at the entry into the busy code, not at the frame the sample
 * happened to catch. The top of a busy stack moves from sample to sample (bcrypt's {@code key} calls
 * {@code encipher} thousands of times; a regex runs through a dozen node classes), so a site keyed by the sampled top
 * would split one hash in one handler into several call sites, and a baseline or a CI gate would see a "new" stall
 * from run to run. The entry depends only on the code's structure:
 * <ol>
 *   <li>JDK and known-library frames on top of the application's are the code the application called (a regex, a
 *   JSON encoder): the application frame that called them is where the busy code starts;</li>
 *   <li>from there, the frames of the same class right below it (nested classes counted with their outer class; a
 *   lambda's spun class ends the run) are one piece of busy code: its entry is the lowest of them, whose line is the
 *   call into the rest.</li>
 * </ol>
 * A stack without any application frame (busy framework code) takes rule 1 with the library's first frame below the
 * JDK's (or, all JDK, its top frame). What the samples caught above the entry is kept apart, as the stall's busiest
 * frame.
 */
final class BusyCode {
    private BusyCode() {
    }

    /** The index of the busy code's entry in {@code frames} (0 when {@code frames} is empty). */
    static int entry(StackTraceElement[] frames) {
        int start = firstApplicationFrame(frames);
        if (start == frames.length) {
            start = firstFrameOutsideTheJdk(frames);
            if (start == frames.length) {
                return 0;
            }
        }
        String type = outerClass(frames[start].getClassName());
        int entry = start;
        while (entry + 1 < frames.length && !isLambdaClass(frames[entry + 1].getClassName())
                && outerClass(frames[entry + 1].getClassName()).equals(type)) {
            entry++;
        }
        return entry;
    }

    private static int firstApplicationFrame(StackTraceElement[] frames) {
        int i = 0;
        while (i < frames.length && !Frame.isApplicationClass(frames[i].getClassName())) {
            i++;
        }
        return i;
    }

    private static int firstFrameOutsideTheJdk(StackTraceElement[] frames) {
        int i = 0;
        while (i < frames.length && Frame.isJdkClass(frames[i].getClassName())) {
            i++;
        }
        return i;
    }

    /**
     * A lambda's class ({@code a.B$$Lambda$437/0x…}): a trampoline the JVM spins at run time into the lambda's body, a
     * {@code lambda$…} method of {@code a.B}. It shows in a sampled stack on JDK 17 (JDK 25 leaves it out), but it
     * is no code of the application's and its name changes from run to run, so the busy code is never entered there.
     */
    private static boolean isLambdaClass(String className) {
        return className.contains("$$Lambda");
    }

    /** The top-level class a frame's class belongs to: {@code a.B} for {@code a.B$Inner} and {@code a.B$1}. */
    static String outerClass(String className) {
        int dollar = className.indexOf('$', className.lastIndexOf('.') + 1);
        return dollar < 0 ? className : className.substring(0, dollar);
    }
}
