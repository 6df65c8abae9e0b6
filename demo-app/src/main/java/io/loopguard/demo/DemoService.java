package io.loopguard.demo;

import io.loopguard.demo.db.ConnectionPool;
import io.loopguard.demo.db.Database;
import io.loopguard.demo.db.Schema;
import io.loopguard.demo.http.Downstream;
import io.loopguard.demo.http.Routes;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running demo: database, Vert.x, HTTP servers. Everything is started and stopped from the calling thread, never
 * from an event loop, so the only blocking calls loopguard sees on the loops are the ones the {@code /blocking/*}
 * handlers make on purpose.
 */
public final class DemoService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoService.class);
    private static final int DB_WORKERS = 4;
    /** As many as the machine has cores (two here): a hash is pure CPU. */
    private static final int HASH_WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final long TIMEOUT_SECONDS = 20;

    /** What to release, last started first. */
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private String databaseDescription;
    private URI baseUri;
    private int eventLoops;

    private DemoService() {
    }

    /** Starts everything; on failure, releases what was already started. */
    public static DemoService start(DemoOptions options) throws Exception {
        DemoService service = new DemoService();
        try {
            service.startAll(options);
            return service;
        } catch (Exception | Error e) {
            service.close();
            throw e;
        }
    }

    private void startAll(DemoOptions options) throws Exception {
        long started = System.nanoTime();
        Database database = options.jdbcUrl() == null
                ? Database.embedded()
                : Database.external(options.jdbcUrl(), options.dbUser(), options.dbPassword(), null);
        resources.push(database);
        databaseDescription = database.description();
        try (Connection connection = database.connect()) {
            Schema.apply(connection);
        }
        Connection loopConnection = database.connect();
        resources.push(loopConnection);
        ConnectionPool pool = ConnectionPool.open(database, DB_WORKERS);
        resources.push(pool);
        Path file = writeMotd();
        Downstream downstream = new Downstream(4);
        resources.push(downstream);

        eventLoops = options.eventLoops();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        resources.push(() -> vertx.close().toCompletionStage().toCompletableFuture()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        WorkerExecutor dbWorkers = vertx.createSharedWorkerExecutor("demo-db-worker", DB_WORKERS);
        WorkerExecutor hashWorkers = vertx.createSharedWorkerExecutor("demo-hash-worker", HASH_WORKERS);
        Routes routes = new Routes(vertx, loopConnection, pool, dbWorkers, file, options.lookupHost(), downstream,
                hashWorkers);

        int port = options.effectivePort() == 0 ? freePort(options.host()) : options.effectivePort();
        // One server per event loop: a server created off Vert.x gets the next loop, and Vert.x spreads the
        // connections of servers sharing a port across them.
        // No h2c: Vert.x would otherwise route each connection's first request through its HTTP/1-or-h2c sniffing
        // handlers, a deeper stack than the following requests, and loopguard (whose call site is the whole stack)
        // would report every blocking handler twice.
        HttpServerOptions serverOptions = new HttpServerOptions().setHttp2ClearTextEnabled(false);
        for (int i = 0; i < eventLoops; i++) {
            vertx.createHttpServer(serverOptions)
                    .requestHandler(routes)
                    .exceptionHandler(ignored -> {
                        // A client that drops its connection is normal under load; logging it would block the loop.
                    })
                    .listen(port, options.host())
                    .toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        baseUri = URI.create("http://" + uriHost(options.host()) + ":" + port);
        LOG.info("demo listening on {} with {} event loop(s), {}, started in {} ms", baseUri, eventLoops,
                databaseDescription, (System.nanoTime() - started) / 1_000_000);
    }

    /** The file both file endpoints read, in a fresh temporary directory removed at close. */
    private Path writeMotd() throws IOException {
        Path directory = Files.createTempDirectory("loopguard-demo-");
        Path file = directory.resolve("motd.txt");
        Files.writeString(file, "Never block the event loop.\n");
        resources.push(() -> {
            Files.deleteIfExists(file);
            Files.deleteIfExists(directory);
        });
        return file;
    }

    /** A port free right now; all servers then bind it, which {@code listen(0)} cannot promise for several servers. */
    private static int freePort(String host) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        }
    }

    private static String uriHost(String host) {
        if (host.equals("0.0.0.0")) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Where the service answers, e.g. {@code http://127.0.0.1:8080}. */
    public URI baseUri() {
        return baseUri;
    }

    public String databaseDescription() {
        return databaseDescription;
    }

    public int eventLoops() {
        return eventLoops;
    }

    /** Stops the HTTP servers and Vert.x first, then the database; keeps going when one step fails. */
    @Override
    public void close() {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("shutdown step failed: {}", e.toString());
            }
        }
    }
}
