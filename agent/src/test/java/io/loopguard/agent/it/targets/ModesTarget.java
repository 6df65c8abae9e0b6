package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.loopguard.BlockingCallError;
import io.loopguard.LoopGuard;
import io.loopguard.agent.it.support.TargetIO;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/** {@code log}: repeated and new call sites; {@code throw}: what BlockingCallError does and does not break. */
public final class ModesTarget {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("log")) {
            fact("failure", TargetIO.runOn("log-loop", true, () -> {
                for (int i = 0; i < 3; i++) {
                    repeatedSleep();
                }
                otherSleep();
            }));
        } else {
            throwMode();
        }
        fact("done", "true");
    }

    static void repeatedSleep() throws InterruptedException {
        Thread.sleep(5);
    }

    static void otherSleep() throws InterruptedException {
        Thread.sleep(5);
    }

    // ---------------------------------------------------------------- mode=throw

    static void throwMode() throws Exception {
        // a 20 s sleep on the loop fails at once (long, so that "thrown before sleeping" is unmistakable under load)
        long[] elapsed = new long[1];
        Throwable sleep = TargetIO.runOn("throw-sleep", true, () -> {
            long t0 = System.nanoTime();
            try {
                Thread.sleep(20_000);
            } finally {
                elapsed[0] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            }
        });
        fact("sleep.error", name(sleep));
        fact("sleep.elapsedMs", elapsed[0]);

        // a file write never creates the file
        Path viaFiles = Paths.get("written-by-files.txt").toAbsolutePath();
        Path viaStream = Paths.get("written-by-stream.txt").toAbsolutePath();
        fact("files.error", name(TargetIO.runOn("throw-files", true, () -> Files.writeString(viaFiles, "x"))));
        fact("files.exists", Files.exists(viaFiles));
        fact("stream.error", name(TargetIO.runOn("throw-stream", true, () -> {
            try (FileOutputStream out = new FileOutputStream(viaStream.toFile())) {
                out.write(1);
            }
        })));
        fact("stream.exists", Files.exists(viaStream));

        // an unregistered thread is not affected
        fact("plain.error", name(TargetIO.runOn("plain-sleep", false, () -> Thread.sleep(20))));

        lockStaysHealthy();
        executorStaysHealthy();
    }

    static void lockStaysHealthy() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        CountDownLatch rejectedDone = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            lock.lock();
            try {
                rejectedDone.await(); // held until throw-lock is done: its lock() is contended however late it runs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock();
            }
        }, "lock-holder");
        holder.start();
        while (!lock.isLocked()) {
            Thread.onSpinWait();
        }
        boolean[] heldAfter = new boolean[1];
        Throwable rejected = TargetIO.runOn("throw-lock", true, () -> {
            try {
                lock.lock();
                lock.unlock();
            } finally {
                heldAfter[0] = lock.isHeldByCurrentThread();
            }
        });
        rejectedDone.countDown();
        fact("lock.error", name(rejected));
        fact("lock.heldByRejectedThread", heldAfter[0]);
        holder.join();
        boolean[] acquired = new boolean[1];
        Throwable other = TargetIO.runOn("lock-other", false, () -> {
            acquired[0] = lock.tryLock(30, TimeUnit.SECONDS);
            lock.unlock();
        });
        fact("lock.otherError", name(other));
        fact("lock.otherAcquired", acquired[0]);
        fact("lock.queueLength", lock.getQueueLength());
        fact("lock.isLocked", lock.isLocked());
    }

    static void executorStaysHealthy() throws Exception {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(() -> {
                        LoopGuard.register(Thread.currentThread()); // the worker is a registered loop
                        r.run();
                    }, "loop-executor-" + n.incrementAndGet());
                    return t;
                });
        Future<?> blocked = executor.submit(() -> {
            Thread.sleep(500);
            return "slept";
        });
        try {
            fact("exec.first", blocked.get(60, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            fact("exec.first", name(e.getCause()));
        }
        fact("exec.second", executor.submit(() -> "ok").get(60, TimeUnit.SECONDS));
        Thread.sleep(300); // the worker idles in its queue: the executor's own wait must not throw
        fact("exec.afterIdle", executor.submit(() -> "ok").get(60, TimeUnit.SECONDS));
        fact("exec.threadsCreated", n.get());
        fact("exec.completed", executor.getCompletedTaskCount());
        executor.shutdown();
        fact("exec.terminated", executor.awaitTermination(60, TimeUnit.SECONDS));
    }

    static String name(Throwable t) {
        if (t == null) {
            return "none";
        }
        return t instanceof BlockingCallError ? "BlockingCallError" : t.getClass().getName() + ": " + t.getMessage();
    }

    private ModesTarget() {
    }
}
