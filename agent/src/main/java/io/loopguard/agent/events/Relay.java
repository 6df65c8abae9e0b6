package io.loopguard.agent.events;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Commits the events of calls the JVM timed itself (monitor, pinning) from a thread of the agent's own. They are
 * recorded on the agent's JFR stream thread, and JFR excludes a thread that consumes a stream from recording (so a
 * stream never reads its own output in a loop): an event committed there is silently dropped. Measured: a user's
 * recording held every woven call's event and none of the monitor ones until this relay.
 *
 * <p>Bounded: at most {@link #CAPACITY} events wait; beyond that they are not relayed (the data file still counts
 * the calls). The thread is a daemon, started on the first event.
 */
final class Relay implements Runnable {
    static final int CAPACITY = 10_000;
    private static final Relay INSTANCE = new Relay();

    private final BlockingQueue<Object[]> pending = new ArrayBlockingQueue<>(CAPACITY);
    private volatile Thread thread;

    static void offer(Object[] event) {
        INSTANCE.add(event);
    }

    private void add(Object[] event) {
        if (thread == null) {
            start();
        }
        pending.offer(event);
    }

    private synchronized void start() {
        if (thread == null) {
            Thread started = new Thread(this, "loopguard-jfr-events");
            started.setDaemon(true);
            started.start();
            thread = started;
        }
    }

    @Override
    public void run() {
        try {
            while (true) {
                Object[] e = pending.take();
                if (BlockingCallEvents.enabled()) {
                    BlockingCallEvents.commit((String) e[0], (String) e[1], (String) e[2], (String) e[3], (String) e[4],
                            (String) e[5], (Long) e[6], (Long) e[7]);
                }
            }
        } catch (InterruptedException | RuntimeException | LinkageError e) {
            // JVM exit, or JFR gone: the data file has the calls
        }
    }
}
