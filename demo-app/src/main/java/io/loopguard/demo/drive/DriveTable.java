package io.loopguard.demo.drive;

import java.util.Locale;

/** Renders a {@link DriveResult} as the plain-text table {@code --drive} prints. */
public final class DriveTable {

    private static final String ROW = "%-10s %-22s %8s %6s %9s %9s %9s%n";

    private DriveTable() {
    }

    /** The table, then one line comparing the health endpoint's p99 across the phases. */
    public static String render(DriveResult result, String setup) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "loopguard demo drive: %s, %d client(s) per endpoint, %.1f s per phase%n%n",
                setup, result.concurrency(), result.phase().toMillis() / 1000.0));
        out.append(String.format(Locale.ROOT, ROW, "phase", "endpoint", "requests", "errors", "p50 ms", "p99 ms",
                "max ms"));
        for (PhaseResult phase : new PhaseResult[] {result.blocking(), result.rightWay()}) {
            for (EndpointResult row : phase.endpoints()) {
                appendRow(out, phase.name(), row);
            }
            appendRow(out, phase.name(), phase.health());
        }
        out.append(String.format(Locale.ROOT,
                "%n/health p99: %s ms next to the blocking endpoints, %s ms next to the right-way ones (%.0fx).%n",
                millis(result.blocking().health().p99Nanos()), millis(result.rightWay().health().p99Nanos()),
                result.healthP99Ratio()));
        return out.toString();
    }

    private static void appendRow(StringBuilder out, String phase, EndpointResult row) {
        out.append(String.format(Locale.ROOT, ROW, phase, row.path(), row.requests(), row.errors(),
                millis(row.p50Nanos()), millis(row.p99Nanos()), millis(row.maxNanos())));
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0);
    }
}
