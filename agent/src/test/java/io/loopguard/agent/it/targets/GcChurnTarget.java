package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.vertx.core.Vertx;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Allocation churn with a small heap (run with {@code -Xmx64m}): a worker thread, not a loop, allocates for three
 * seconds while keeping a large live set, so the JVM collects many times (young and old), while a real Vert.x loop has
 * nothing to do but a 5 ms timer. The loop is idle or briefly busy throughout: no stall, however the pauses fall.
 */
public final class GcChurnTarget {
    private static volatile long sink;

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx();
        long[] ticks = new long[1];
        vertx.setPeriodic(5, id -> ticks[0] += new byte[256].length);
        Thread.sleep(300);
        long collectionsBefore = collections();
        Thread churn = new Thread(GcChurnTarget::churn, "churn");
        churn.start();
        churn.join();
        fact("collections", collections() - collectionsBefore);
        Thread.sleep(300);
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        fact("ticks", ticks[0] / 256);
        fact("done", "true");
        System.exit(0);
    }

    /** Three seconds of allocation: a live set of about half the heap, replaced piece by piece. */
    private static void churn() {
        List<byte[]> live = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            live.add(new byte[100_000]);
        }
        long end = System.nanoTime() + 3_000_000_000L;
        long n = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                byte[] garbage = new byte[1 + (int) (n++ % 4096)];
                sink += garbage.length;
            }
            live.set((int) (n % live.size()), new byte[100_000]);
        }
    }

    private static long collections() {
        long sum = 0;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, bean.getCollectionCount());
        }
        return sum;
    }

    private GcChurnTarget() {
    }
}
