package io.loopguard.bench;

import io.loopguard.LoopGuard;

/**
 * What the {@code monitor} JFR stream costs the threads that are not loops: one registered (idle) loop thread, so the
 * agent's stream runs, then several unregistered threads contending on one {@code synchronized} counter. Prints the
 * stream's start (registration until {@code LoopGuard.recordedCallSites()} has caught up) and the contention phase's
 * wall time, both measured inside the process; {@code benchmarks/monitor.sh} compares runs without the agent, with
 * {@code jfr=false} and with the stream.
 *
 * <p>Arguments: threads (default 4), increments per thread (default 2,000,000).
 */
public final class MonitorContention {
    private static final Object LOCK = new Object();
    private static long counter;

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int increments = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;

        long registered = System.nanoTime();
        Thread loop = new Thread(() -> {
            LoopGuard.register(Thread.currentThread());
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // end of the benchmark
            }
        }, "bench-loop");
        loop.setDaemon(true);
        loop.start();
        while (!LoopGuard.isRegistered(loop) && LoopGuard.isActive()) {
            Thread.onSpinWait();
        }
        LoopGuard.recordedCallSites(); // waits until the stream runs (with the agent and jfr=true)
        long streamStart = System.nanoTime() - registered;

        Thread[] workers = new Thread[threads];
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                for (int i = 0; i < increments; i++) {
                    synchronized (LOCK) {
                        counter++;
                    }
                }
            }, "worker-" + t);
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long contention = System.nanoTime() - start;
        if (counter != (long) threads * increments) {
            throw new AssertionError("lost increments: " + counter);
        }
        System.out.println("stream-start-ms=" + streamStart / 1_000_000 + " contention-ms=" + contention / 1_000_000);
        loop.interrupt();
    }

    private MonitorContention() {
    }
}
