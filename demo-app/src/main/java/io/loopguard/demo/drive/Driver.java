package io.loopguard.demo.drive;

import io.loopguard.demo.db.Schema;
import io.loopguard.demo.http.Endpoints;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads the service in two phases of equal length: the {@code /blocking/*} endpoints with {@code /health} beside them,
 * then the {@code /async/*} endpoints with {@code /health} beside them. Each endpoint gets {@code concurrency}
 * closed-loop clients (send, wait for the answer, send again, at most one request per {@link #PACE_NANOS}) on plain
 * threads of this class, never on an event loop.
 */
public final class Driver implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int WARM_UP_REQUESTS = 10;
    /**
     * Each client sends at most one request per this interval. Unpaced clients on the fast right-way endpoints would
     * saturate the CPU (two cores here), and the health endpoint would then measure the machine, not the event loop.
     */
    private static final long PACE_NANOS = Duration.ofMillis(10).toNanos();
    /** How long past the phase end a client may take to finish its last request before the drive gives up on it. */
    private static final long STRAGGLER_MILLIS = REQUEST_TIMEOUT.toMillis() + 2_000;

    private final URI base;
    private final int concurrency;
    private final Duration phase;
    private final ExecutorService clientIo;
    private final HttpClient client;
    private final AtomicInteger nextId = new AtomicInteger();

    public Driver(URI base, int concurrency, Duration phase) {
        this.base = base;
        this.concurrency = concurrency;
        this.phase = phase;
        AtomicInteger counter = new AtomicInteger();
        this.clientIo = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "drive-http-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(REQUEST_TIMEOUT)
                .executor(clientIo)
                .build();
    }

    /** Warms up every endpoint (class loading, JIT), then runs both phases. */
    public DriveResult run() throws InterruptedException {
        List<String> all = new ArrayList<>();
        for (Endpoints.Pair pair : Endpoints.PAIRS) {
            all.add(pair.blockingPath());
            all.add(pair.asyncPath());
        }
        all.add(Endpoints.HEALTH);
        warmUp(all);
        PhaseResult blocking = runPhase("blocking", Endpoints.PAIRS.stream().map(Endpoints.Pair::blockingPath).toList());
        PhaseResult rightWay = runPhase("right way", Endpoints.PAIRS.stream().map(Endpoints.Pair::asyncPath).toList());
        return new DriveResult(blocking, rightWay, concurrency, phase);
    }

    private void warmUp(List<String> paths) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (String path : paths) {
            threads.add(start("drive-warm-up" + path.replace('/', '-'), () -> {
                Latencies ignored = new Latencies();
                for (int i = 0; i < WARM_UP_REQUESTS; i++) {
                    request(path, ignored);
                }
            }));
        }
        joinAll(threads, System.currentTimeMillis() + STRAGGLER_MILLIS);
    }

    private PhaseResult runPhase(String name, List<String> paths) throws InterruptedException {
        List<String> loaded = new ArrayList<>(paths);
        loaded.add(Endpoints.HEALTH);
        Map<String, List<Latencies>> perClient = new LinkedHashMap<>();
        List<Thread> threads = new ArrayList<>();
        long deadline = System.nanoTime() + phase.toNanos();
        for (String path : loaded) {
            List<Latencies> clients = new ArrayList<>();
            perClient.put(path, clients);
            for (int i = 0; i < concurrency; i++) {
                Latencies latencies = new Latencies();
                clients.add(latencies);
                threads.add(start("drive-client" + path.replace('/', '-') + "-" + i, () -> {
                    while (System.nanoTime() < deadline) {
                        long sent = System.nanoTime();
                        request(path, latencies);
                        pause(sent + PACE_NANOS - System.nanoTime());
                    }
                }));
            }
        }
        joinAll(threads, System.currentTimeMillis() + phase.toMillis() + STRAGGLER_MILLIS);
        List<EndpointResult> rows = new ArrayList<>();
        for (String path : paths) {
            rows.add(merge(path, perClient.get(path)));
        }
        return new PhaseResult(name, rows, merge(Endpoints.HEALTH, perClient.get(Endpoints.HEALTH)));
    }

    /** One request; its response time is recorded whatever the outcome, an error also as an error. */
    private void request(String path, Latencies latencies) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path + "?id=" + nextActiveId()))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            long elapsed = System.nanoTime() - start;
            if (response.statusCode() == 200) {
                latencies.add(elapsed);
            } else {
                latencies.addError(elapsed);
            }
        } catch (IOException e) {
            latencies.addError(System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            latencies.addError(System.nanoTime() - start);
        }
    }

    /** Cycles through the seeded users, skipping the inactive ones, so every lookup answers 200. */
    private int nextActiveId() {
        while (true) {
            int id = Math.floorMod(nextId.getAndIncrement(), Schema.USERS) + 1;
            if (Schema.isActive(id)) {
                return id;
            }
        }
    }

    private static void pause(long nanos) {
        if (nanos > 0) {
            try {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void joinAll(List<Thread> threads, long deadlineMillis) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(Math.max(1, deadlineMillis - System.currentTimeMillis()));
            if (thread.isAlive()) {
                thread.interrupt();
            }
        }
    }

    private static EndpointResult merge(String path, List<Latencies> clients) {
        Latencies all = new Latencies();
        // Every client thread has been joined; one abandoned after the deadline may miss its last request.
        clients.forEach(all::addAll);
        return EndpointResult.of(path, all);
    }

    /** Stops the client's I/O threads; the JDK 17 client has no close(), its idle connections die with the JVM. */
    @Override
    public void close() {
        clientIo.shutdownNow();
    }
}
