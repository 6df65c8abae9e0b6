package io.loopguard.demo;

import java.time.Duration;
import java.util.List;

/**
 * The demo's command line. Options take their value as the next argument or after {@code =}.
 *
 * @param drive        run the load driver, print the table and exit (otherwise serve until interrupted)
 * @param host         address the HTTP server binds to
 * @param port         HTTP port; 0 picks a free one
 * @param jdbcUrl      a PostgreSQL JDBC URL, or {@code null} for the embedded PostgreSQL
 * @param dbUser       user for {@code jdbcUrl}, or {@code null}
 * @param dbPassword   password for {@code jdbcUrl}, or {@code null}
 * @param eventLoops   Vert.x event-loop threads; deliberately few, so head-of-line blocking shows
 * @param concurrency  concurrent clients per endpoint while driving
 * @param phase        how long each drive phase lasts
 * @param lookupHost   the name the host-lookup endpoints resolve; it must resolve offline
 * @param help         print usage and exit
 */
public record DemoOptions(boolean drive, String host, int port, String jdbcUrl, String dbUser, String dbPassword,
                          int eventLoops, int concurrency, Duration phase, String lookupHost, boolean help) {

    static final String USAGE = String.join(System.lineSeparator(), List.of(
            "usage: java -jar loopguard-demo-app.jar [--drive] [options]",
            "",
            "Serves endpoints in pairs, /blocking/* (work on the event loop) and /async/* (the right way), plus",
            "/health. With --drive it loads them in two phases, prints a latency table on stdout and exits.",
            "",
            "  --drive                 drive the service, print the table, exit",
            "  --host ADDRESS          bind address (default 127.0.0.1)",
            "  --port N                HTTP port (default 8080; with --drive a free port)",
            "  --jdbc-url URL          use this PostgreSQL instead of the embedded one",
            "  --db-user USER          user for --jdbc-url",
            "  --db-password PASSWORD  password for --jdbc-url",
            "  --event-loops N         Vert.x event loops (default 1)",
            "  --concurrency N         drive: concurrent clients per endpoint (default 2)",
            "  --phase-seconds S       drive: seconds per phase (default 5, may be fractional)",
            "  --lookup-host NAME      name the host endpoints resolve (default localhost)",
            "  --help                  this text"));

    /** Parses {@code args}; throws {@link IllegalArgumentException} naming the offending option. */
    public static DemoOptions parse(String... args) {
        Builder builder = new Builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (name.equals("--drive") || name.equals("--help") || name.equals("-h")) {
                if (eq >= 0) {
                    throw new IllegalArgumentException(name + " takes no value");
                }
                builder.flag(name);
                continue;
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            builder.option(name, value);
        }
        return builder.build();
    }

    /** The port to listen on: the given one, else 8080 when serving and a free one when driving. */
    public int effectivePort() {
        return port >= 0 ? port : drive ? 0 : 8080;
    }

    private static final class Builder {
        private boolean drive;
        private boolean help;
        private String host = "127.0.0.1";
        private int port = -1;
        private String jdbcUrl;
        private String dbUser;
        private String dbPassword;
        private int eventLoops = 1;
        private int concurrency = 2;
        private Duration phase = Duration.ofSeconds(5);
        private String lookupHost = "localhost";

        void flag(String name) {
            if (name.equals("--drive")) {
                drive = true;
            } else {
                help = true;
            }
        }

        void option(String name, String value) {
            switch (name) {
                case "--host" -> host = value;
                case "--port" -> port = integer(name, value, 0, 65535);
                case "--jdbc-url" -> jdbcUrl = value;
                case "--db-user" -> dbUser = value;
                case "--db-password" -> dbPassword = value;
                case "--event-loops" -> eventLoops = integer(name, value, 1, 64);
                case "--concurrency" -> concurrency = integer(name, value, 1, 64);
                case "--phase-seconds" -> phase = seconds(name, value);
                case "--lookup-host" -> lookupHost = value;
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }

        DemoOptions build() {
            if (jdbcUrl == null && (dbUser != null || dbPassword != null)) {
                throw new IllegalArgumentException("--db-user and --db-password need --jdbc-url");
            }
            if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("--jdbc-url must be a PostgreSQL URL (jdbc:postgresql:...)");
            }
            return new DemoOptions(drive, host, port, jdbcUrl, dbUser, dbPassword, eventLoops, concurrency, phase,
                    lookupHost, help);
        }

        private static int integer(String name, String value, int min, int max) {
            try {
                int n = Integer.parseInt(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // Reported below with the allowed range.
            }
            throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max
                    + ", not '" + value + "'");
        }

        private static Duration seconds(String name, String value) {
            try {
                double seconds = Double.parseDouble(value);
                if (seconds > 0 && seconds <= 600) {
                    return Duration.ofMillis(Math.round(seconds * 1000));
                }
            } catch (NumberFormatException ignored) {
                // Reported below.
            }
            throw new IllegalArgumentException(name + " must be a number of seconds in (0, 600], not '" + value + "'");
        }
    }
}
