package io.loopguard.demo.http;

import java.util.List;

/** The demo's URL space, shared by the server's routes and the driver. */
public final class Endpoints {

    /** One piece of work offered twice: done on the event loop, and done the right way. */
    public record Pair(String name, String blockingPath, String asyncPath) {
    }

    /** The victim: does nothing, so its latency is pure waiting for the event loop. */
    public static final String HEALTH = "/health";

    /** Every pair, in the order the table shows them. User endpoints take {@code ?id=N}. */
    public static final List<Pair> PAIRS = List.of(
            new Pair("user lookup (JDBC)", "/blocking/user", "/async/user"),
            new Pair("file read", "/blocking/file", "/async/file"),
            new Pair("delay", "/blocking/delay", "/async/delay"),
            new Pair("host lookup (DNS)", "/blocking/host", "/async/host"),
            new Pair("downstream call", "/blocking/downstream", "/async/downstream"),
            new Pair("password hash (CPU)", "/blocking/hash", "/async/hash"));

    private Endpoints() {
    }
}
