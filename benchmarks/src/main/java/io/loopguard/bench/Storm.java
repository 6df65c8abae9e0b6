package io.loopguard.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.loopguard.LoopGuard;
import io.loopguard.format.CallSite;
import io.loopguard.format.DataFile;
import io.loopguard.format.DataFileReader;

/**
 * The storm: {@code CALLS} recorded calls from {@code THREADS} registered threads over {@code SITES} distinct call
 * sites ({@link CallSites} with three digits). Prints one line {@code storm elapsedMs=… heapAfterGc=…}; the agent
 * writes its data file at exit, which {@code check DIR} then reads: the sum of counts, the sites, the dropped calls,
 * and apart from them the stalls (each storm thread is one busy stretch that never goes idle: a stall by definition).
 *
 * <p>{@code java [-javaagent:…] -cp benchmarks.jar io.loopguard.bench.Storm [CALLS [THREADS]]} or
 * {@code … Storm check OUTPUT_DIR}
 */
public final class Storm {
    private Storm() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("check")) {
            check(Path.of(args[1]));
            return;
        }
        long calls = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        long before = heapAfterGc();
        long perThread = calls / threads;
        Thread[] workers = new Thread[threads];
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            long start = t * 7L; // each thread starts at a different site
            workers[t] = new Thread(() -> {
                LoopGuard.register(Thread.currentThread());
                for (long i = 0; i < perThread; i++) {
                    CallSites.at((int) ((start + i) % 1000), 3, 0);
                }
            }, "bench-loop-" + t);
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long elapsed = System.nanoTime() - t0;
        long after = heapAfterGc();
        System.out.println("storm calls=" + perThread * threads + " threads=" + threads + " elapsedMs=" + elapsed / 1_000_000
                + " heapBeforeBytes=" + before + " heapAfterGcBytes=" + after + " agent=" + LoopGuard.isActive());
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void check(Path dir) throws Exception {
        long count = 0;
        long dropped = 0;
        long stalls = 0;
        int sites = 0;
        int files = 0;
        try (var list = Files.list(dir)) {
            for (Path file : (Iterable<Path>) list.filter(p -> p.getFileName().toString().matches("loopguard-\\d+\\.json"))::iterator) {
                DataFile data = DataFileReader.read(file);
                files++;
                dropped += data.droppedCalls();
                List<CallSite> callSites = data.callSites();
                for (CallSite site : callSites) {
                    if (site.category().equals("stall")) {
                        stalls += site.count(); // each storm thread is one busy stretch that never goes idle
                        continue;
                    }
                    count += site.count();
                    sites++;
                }
            }
        }
        System.out.println("check files=" + files + " sites=" + sites + " count=" + count + " dropped=" + dropped
                + " stalls=" + stalls);
    }
}
