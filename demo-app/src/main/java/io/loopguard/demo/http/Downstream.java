package io.loopguard.demo.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a slow remote service with a future-returning client: each call completes on one of its own threads
 * after {@link #LATENCY_MILLIS}.
 */
public final class Downstream implements AutoCloseable {

    static final long LATENCY_MILLIS = 20;

    private final ExecutorService threads;

    public Downstream(int threadCount) {
        AtomicInteger counter = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(threadCount, task -> {
            Thread thread = new Thread(task, "downstream-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Asks the downstream service for a quote; the future completes on a downstream thread. */
    CompletableFuture<String> quote(int id) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(LATENCY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("downstream interrupted", e);
            }
            return "quote-" + id;
        }, threads);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
