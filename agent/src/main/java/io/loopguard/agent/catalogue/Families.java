package io.loopguard.agent.catalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * The one list of blocking API families, explicit (as JaCoCo's {@code Filters} composes its filters): no class-path
 * scanning, no service loader. Adding a family is one class implementing {@link BlockingFamily} plus one line here.
 *
 * <p>Loaded on the agent's start-up thread (by the catalogue and the allow-list), never on the JVM's start-up path:
 * {@code premain} touches no family.
 */
public final class Families {
    /** Also named by the JDBC drivers' type-hierarchy matcher, whose sites it owns. */
    static final JdbcFamily JDBC = new JdbcFamily();
    /** The families whose calls the JVM times itself (JFR): their sites are interned as events arrive. */
    static final MonitorFamily MONITOR = new MonitorFamily();
    static final PinningFamily PINNING = new PinningFamily();
    static final StallFamily STALL = new StallFamily();

    private static final List<BlockingFamily> ALL = List.of(
            new SleepFamily(),
            new WaitFamily(),
            new LockFamily(),
            new FutureFamily(),
            new ParkFamily(),
            new FileFamily(),
            new SocketFamily(),
            new DnsFamily(),
            JDBC,
            new ProcessFamily(),
            MONITOR,
            PINNING,
            STALL,
            new ThreadLifecycleFamily(),
            new EventLoopFamily(),
            new FrameworkMachineryFamily(),
            new JvmMachineryFamily());

    private Families() {
    }

    public static List<BlockingFamily> all() {
        return ALL;
    }

    /** The built-in allow-list: every family's {@link BlockingFamily#allowDefaults} patterns, in list order. */
    public static List<String> allowDefaults() {
        List<String> patterns = new ArrayList<>();
        for (BlockingFamily family : ALL) {
            for (AllowDefault allowed : family.allowDefaults()) {
                patterns.add(allowed.pattern());
            }
        }
        return List.copyOf(patterns);
    }
}
