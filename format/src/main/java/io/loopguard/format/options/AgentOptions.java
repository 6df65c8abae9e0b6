package io.loopguard.format.options;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.loopguard.format.Durations;

/**
 * The agent's options: parses the {@code -javaagent} argument with system-property and environment layering, and
 * renders an argument back (for build plugins), so the syntax lives in this one class (as JaCoCo's AgentOptions).
 *
 * <p>Syntax (contract): {@code key=value} pairs separated by {@code ,}; list values separated by {@code :}.
 * Precedence: agent argument, then {@code -Dloopguard.KEY}, then {@code LOOPGUARD_KEY}, then the default. An unknown
 * key in the agent argument or a malformed value anywhere is an {@link OptionException}: start-up must fail loudly,
 * a misconfigured CI gate must never pass silently. So is an unknown {@code loopguard.*} system property or
 * {@code LOOPGUARD_*} environment variable (a typo such as {@code LOOPGUARD_FLUSH_INTERVAL} would otherwise be
 * ignored), except the names in {@link #NOT_OPTIONS}, which other parts of loopguard use.
 *
 * <p>Runs on the JVM's start-up path: no regex, lambdas or {@code String.format} here.
 */
public final class AgentOptions {
    public enum Mode { RECORD, LOG, THROW }

    public enum Report { HTML, NONE }

    public static final List<String> KEYS = List.of("threads", "autodetect", "output", "mode", "threshold", "allow",
            "report", "enabled", "flushInterval", "maxSites", "jfr", "pinning", "profile", "newSitesPerSecond",
            "console", "appPackages", "stall", "deny");
    /**
     * {@code profile=production}: the defaults a production JVM needs, each overridden by the option given
     * explicitly (at any layer): {@code mode=record} (never throws into a production request), {@code report=none}
     * (no HTML at exit; the data file and JFR events are the output), {@code threshold=1ms} (a call shorter than that
     * costs a clock read and nothing else), {@code newSitesPerSecond=100} (a storm of never-seen stacks costs at most
     * that many stack resolutions per second; the rest are counted as dropped calls).
     */
    private static final Map<String, String> PRODUCTION = Map.of("mode", "record", "report", "none",
            "threshold", "1ms", "newSitesPerSecond", "100");
    /**
     * {@code loopguard.*} system properties and {@code LOOPGUARD_*} environment variables that are not agent options
     * but are used elsewhere, so a JVM running the agent may legitimately see them:
     * <ul>
     * <li>the Maven plugin's user properties ({@code -Dloopguard.skip} etc.): they are system properties of Maven's
     * own JVM, which runs the agent when it is given in {@code JAVA_TOOL_OPTIONS} or {@code MAVEN_OPTS};
     * <li>{@code loopguard.skip} is also read by the JUnit extension in the test JVM (a skipped test);
     * <li>the build's own test properties ({@code loopguard.agent.jar}, {@code loopguard.it.*},
     * {@code loopguard.updateGolden}), set in test JVMs that may fork agent JVMs;
     * <li>{@code LOOPGUARD_JAR}, the agent jar's path in {@code benchmarks/*.sh}, exported to the JVMs they start.
     * </ul>
     * The check's own {@code loopguard.check.*} properties are accepted as a family.
     */
    public static final List<String> NOT_OPTIONS = List.of("loopguard.skip", "loopguard.append", "loopguard.propertyName",
            "loopguard.reportDirectory", "loopguard.repositoryRoot", "loopguard.maxBlocked", "loopguard.categories",
            "loopguard.baseline", "loopguard.haltOnFailure", "loopguard.prune", "loopguard.mergeFile",
            "loopguard.allowDroppedCalls", "loopguard.sourceLinks",
            "loopguard.agent.jar", "loopguard.updateGolden", "LOOPGUARD_JAR");
    public static final List<String> NOT_OPTION_PREFIXES = List.of("loopguard.check.", "loopguard.it.");
    /** The longest duration that still fits in a {@code long} of nanoseconds, for the error message. */
    private static final String MAX_DURATION = "9223372036s (292 years)";

    private final Map<String, String> values;
    private final Map<String, String> sources;

    private AgentOptions(Map<String, String> values, Map<String, String> sources) {
        this.values = values;
        this.sources = sources;
    }

    public static AgentOptions defaults() {
        UnaryOperator<String> none = new UnaryOperator<>() {
            @Override
            public String apply(String key) {
                return null;
            }
        };
        return parse(null, none, none);
    }

    /** Parses and validates every option; throws {@link OptionException} naming the key that is wrong. */
    public static AgentOptions parse(String argument, UnaryOperator<String> systemProperty, UnaryOperator<String> environment) {
        Map<String, String> given = splitArgument(argument);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (String key : KEYS) {
            String value = given.get(key);
            String source = "agent argument";
            if (value == null && (value = systemProperty.apply("loopguard." + key)) != null) {
                source = "-Dloopguard." + key;
            }
            if (value == null && (value = environment.apply(environmentName(key))) != null) {
                source = environmentName(key);
            }
            if (value != null) {
                validate(key, value.trim(), source);
                values.put(key, value.trim());
                sources.put(key, source);
            }
        }
        return new AgentOptions(values, sources);
    }

    /**
     * {@link #parse(String, UnaryOperator, UnaryOperator)}, and also rejects every {@code loopguard.*} name among
     * {@code systemPropertyNames} and {@code LOOPGUARD_*} name among {@code environmentNames} that is not an option
     * (nor one of {@link #NOT_OPTIONS}), suggesting the option it was probably meant to be.
     */
    public static AgentOptions parse(String argument, UnaryOperator<String> systemProperty, UnaryOperator<String> environment,
                                     Iterable<?> systemPropertyNames, Iterable<String> environmentNames) {
        for (Object name : systemPropertyNames) {
            if (name instanceof String && ((String) name).startsWith("loopguard.")) {
                rejectUnknown((String) name, false);
            }
        }
        for (String name : environmentNames) {
            if (name.startsWith("LOOPGUARD_")) {
                rejectUnknown(name, true);
            }
        }
        return parse(argument, systemProperty, environment);
    }

    private static void rejectUnknown(String name, boolean environment) {
        if (NOT_OPTIONS.contains(name)) {
            return;
        }
        for (String prefix : NOT_OPTION_PREFIXES) {
            if (name.startsWith(prefix)) {
                return;
            }
        }
        String given = name.substring(environment ? "LOOPGUARD_".length() : "loopguard.".length());
        for (String key : KEYS) {
            if (environment ? environmentName(key).equals(name) : key.equals(given)) {
                return;
            }
        }
        String close = closest(given);
        String where = environment ? "environment variable " + name : "system property -D" + name;
        String suggestion = close == null ? ""
                : "did you mean " + (environment ? environmentName(close) : "-Dloopguard." + close) + "? ";
        throw new OptionException("unknown option '" + given + "' in " + where + " (" + suggestion + "known options: "
                + String.join(", ", KEYS) + ")");
    }

    /** The option {@code given} is probably a misspelling of (case, separators, up to two typos), or null. */
    static String closest(String given) {
        String wanted = squash(given);
        String best = null;
        int bestDistance = 3;
        for (String key : KEYS) {
            int distance = distance(wanted, squash(key));
            if (distance < bestDistance) {
                best = key;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= Math.min(2, squash(best).length() / 3) ? best : null;
    }

    /** Lower case without {@code _ . -}: {@code FLUSH_INTERVAL} and {@code flushInterval} are the same word. */
    private static String squash(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '_' && c != '.' && c != '-') {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * Makes sure {@code output} is a writable directory (creating it if missing), so a path that can never hold the
     * data file stops start-up like any other bad option instead of losing the data at every flush. Two file-system
     * calls when the directory exists (stat, access); {@code java.io.File}, whose classes the JVM has loaded anyway.
     */
    public void checkOutput() {
        File dir = output().toFile();
        String problem = null;
        if (!dir.isDirectory()) {
            if (dir.exists()) {
                problem = dir + " exists and is not a directory";
            } else if (!dir.mkdirs() && !dir.isDirectory()) {
                problem = "cannot create the directory " + dir;
            }
        }
        if (problem == null && !dir.canWrite()) {
            problem = "the directory " + dir + " is not writable";
        }
        if (problem != null) {
            String source = sources.get("output");
            throw new OptionException("invalid value '" + values.getOrDefault("output", "loopguard") + "' for option 'output'"
                    + (source == null ? " (default)" : " (" + source + ")") + ": " + problem);
        }
    }

    /** {@code flushInterval} → {@code LOOPGUARD_FLUSHINTERVAL}: upper case, {@code .} and {@code -} → {@code _}. */
    public static String environmentName(String key) {
        return "LOOPGUARD_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** A builder of options for tools that start agent JVMs (the Maven plugin): typed setters, one syntax. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets options one by one and renders the {@code -javaagent} argument, validated exactly as the agent will
     * validate it, so a bad value fails in the build tool with the agent's own message, not later in a forked JVM.
     * A null (or blank) value leaves the option at its default.
     */
    public static final class Builder {
        private final Map<String, String> given = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder threads(List<String> globs) {
            return list("threads", globs);
        }

        public Builder autodetect(Boolean value) {
            return set("autodetect", value);
        }

        public Builder output(Path directory) {
            return set("output", directory == null ? null : directory.toAbsolutePath().normalize());
        }

        public Builder mode(String value) {
            return set("mode", value);
        }

        public Builder threshold(String duration) {
            return set("threshold", duration);
        }

        public Builder stall(String duration) {
            return set("stall", duration);
        }

        public Builder allow(List<String> framePatterns) {
            return list("allow", framePatterns);
        }

        public Builder deny(List<String> framePatterns) {
            return list("deny", framePatterns);
        }

        public Builder appPackages(List<String> packages) {
            return list("appPackages", packages);
        }

        public Builder report(String value) {
            return set("report", value);
        }

        public Builder enabled(Boolean value) {
            return set("enabled", value);
        }

        public Builder flushInterval(String duration) {
            return set("flushInterval", duration);
        }

        public Builder maxSites(Integer value) {
            return set("maxSites", value);
        }

        public Builder jfr(Boolean value) {
            return set("jfr", value);
        }

        public Builder console(String value) {
            return set("console", value);
        }

        public Builder pinning(String value) {
            return set("pinning", value);
        }

        public Builder profile(String value) {
            return set("profile", value);
        }

        public Builder newSitesPerSecond(Integer value) {
            return set("newSitesPerSecond", value);
        }

        private Builder list(String key, List<String> items) {
            return set(key, items == null || items.isEmpty() ? null : String.join(":", items));
        }

        private Builder set(String key, Object value) {
            String text = value == null ? null : value.toString().trim();
            if (text == null || text.isEmpty()) {
                given.remove(key);
            } else {
                given.put(key, text);
            }
            return this;
        }

        /**
         * The validated options.
         *
         * @throws OptionException naming the option, as the agent would at start-up; also for a value with a
         *                         {@code ,} (it separates options in the agent argument)
         */
        public AgentOptions build() {
            StringBuilder argument = new StringBuilder();
            for (Map.Entry<String, String> option : given.entrySet()) {
                if (option.getValue().indexOf(',') >= 0) {
                    throw new OptionException("option " + option.getKey() + " cannot contain ',' (it separates agent "
                            + "options): '" + option.getValue() + "'; give it to the JVM as -Dloopguard."
                            + option.getKey() + " or " + environmentName(option.getKey()) + " instead");
                }
                argument.append(argument.length() == 0 ? "" : ",").append(option.getKey()).append('=')
                        .append(option.getValue());
            }
            UnaryOperator<String> none = new UnaryOperator<>() {
                @Override
                public String apply(String key) {
                    return null;
                }
            };
            return parse(argument.toString(), none, none);
        }
    }

    /** The {@code -javaagent} argument for these options (only the ones set explicitly). */
    public String toAgentArgument() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> option : values.entrySet()) {
            out.append(out.length() == 0 ? "" : ",").append(option.getKey()).append('=').append(option.getValue());
        }
        return out.toString();
    }

    public List<String> threads() {
        return list("threads");
    }

    public boolean autodetect() {
        return bool("autodetect", true);
    }

    public Path output() {
        return Path.of(values.getOrDefault("output", "loopguard")).toAbsolutePath().normalize();
    }

    public Mode mode() {
        return Mode.valueOf(value("mode", "record").toUpperCase(Locale.ROOT));
    }

    public long thresholdNanos() {
        return nanos(value("threshold", "0"));
    }

    public List<String> allow() {
        return list("allow");
    }

    /**
     * {@code deny}: frame patterns (the {@code allow} syntax) inside which a call is not allowed again, although an
     * {@code allow} entry, a default or a framework allowance matches further out on its stack (BlockHound's
     * {@code disallowBlockingCallsInside}): the innermost matching frame decides.
     */
    public List<String> deny() {
        return list("deny");
    }

    /** Package prefixes that are the application's even where the library list names them ({@code Frame}). */
    public List<String> appPackages() {
        return list("appPackages");
    }

    /**
     * The stall limit: a registered thread busy this long with no recorded blocking call is a {@code stall} (100 ms
     * by default: about what a user notices as lag, ten times a typical loop iteration's budget); 0 turns it off.
     */
    public long stallNanos() {
        return nanos(values.getOrDefault("stall", "100ms"));
    }

    public Report report() {
        return Report.valueOf(value("report", "html").toUpperCase(Locale.ROOT));
    }

    public boolean enabled() {
        return bool("enabled", true);
    }

    public long flushIntervalNanos() {
        return nanos(values.getOrDefault("flushInterval", "5s"));
    }

    /** Whether contended monitors and pinned virtual threads are read from an in-process JFR stream. */
    public boolean jfr() {
        return bool("jfr", true);
    }

    /**
     * {@code console=allow} (default): writes to {@code System.out}/{@code System.err} on a loop are allowed, as
     * BlockHound's users expect; {@code console=report} records them (detail {@code stdout}/{@code stderr}).
     */
    public boolean consoleAllowed() {
        return values.getOrDefault("console", "allow").equals("allow");
    }

    /** {@code pinning=all}: every virtual thread's pins count (a Loom server's carrier pool is its event loop). */
    public boolean pinningEverywhere() {
        return values.getOrDefault("pinning", "registered").equals("all");
    }

    /** {@code profile=production} (see {@link #PRODUCTION}); otherwise {@code default}. */
    public boolean production() {
        return values.getOrDefault("profile", "default").equals("production");
    }

    /**
     * At most this many new call sites' stacks are resolved per second; calls of further new sites in that second
     * are counted as dropped. 0 (the default profile's) is no bound.
     */
    public int newSitesPerSecond() {
        return Integer.parseInt(value("newSitesPerSecond", "0"));
    }

    /** The value given, else the profile's default, else {@code fallback}. */
    private String value(String key, String fallback) {
        String given = values.get(key);
        if (given != null) {
            return given;
        }
        String profiled = production() ? PRODUCTION.get(key) : null;
        return profiled != null ? profiled : fallback;
    }

    public int maxSites() {
        return Integer.parseInt(values.getOrDefault("maxSites", "10000"));
    }

    private List<String> list(String key) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String item : value.split(":")) {
            if (!item.trim().isEmpty()) {
                out.add(item.trim());
            }
        }
        return List.copyOf(out);
    }

    private boolean bool(String key, boolean fallback) {
        String value = values.get(key);
        return value == null ? fallback : Boolean.parseBoolean(value);
    }

    private static Map<String, String> splitArgument(String argument) {
        Map<String, String> given = new LinkedHashMap<>();
        if (argument == null || argument.isBlank()) {
            return given;
        }
        for (String pair : argument.split(",", -1)) {
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).trim();
            if (key.isEmpty()) {
                throw new OptionException("empty option name in '" + pair + "': expected key=value, e.g. mode=log");
            }
            if (!KEYS.contains(key)) {
                String close = closest(key);
                throw new OptionException("unknown option '" + key + "' (" + (close == null ? "" : "did you mean '" + close + "'? ")
                        + "known options: " + String.join(", ", KEYS) + ")");
            }
            if (eq < 0) {
                throw new OptionException("option '" + key + "' has no value: expected " + key + "=VALUE");
            }
            if (given.put(key, pair.substring(eq + 1)) != null) {
                throw new OptionException("option '" + key + "' is given twice");
            }
        }
        return given;
    }

    private static void validate(String key, String value, String source) {
        String problem = switch (key) {
            case "pinning" -> value.equals("registered") || value.equals("all") ? null : "expected registered or all";
            case "console" -> value.equals("allow") || value.equals("report") ? null : "expected allow or report";
            case "autodetect", "enabled", "jfr" -> value.equals("true") || value.equals("false") ? null : "expected true or false";
            case "mode" -> value.equals("record") || value.equals("log") || value.equals("throw") ? null
                    : "expected record, log or throw";
            case "report" -> value.equals("html") || value.equals("none") ? null : "expected html or none";
            case "threshold" -> durationProblem(value, 0L, "a duration like 0, 500us, 5ms or 1s");
            case "stall" -> stallProblem(value);
            case "flushInterval" -> durationProblem(value, 10_000_000L, "a duration of at least 10ms, like 500ms or 5s");
            case "maxSites" -> maxSitesProblem(value);
            case "newSitesPerSecond" -> value.equals("0") ? null : maxSitesProblem(value) == null ? null
                    : "expected a number of new call sites per second, 0 for no bound";
            case "profile" -> value.equals("default") || value.equals("production") ? null
                    : "expected default or production";
            case "output" -> value.isEmpty() ? "expected a directory" : null;
            case "threads" -> hasEmptyItem(value) ? "expected thread-name globs separated by ':'" : null;
            case "allow", "deny" -> allowProblem(value);
            case "appPackages" -> packagesProblem(value);
            default -> null;
        };
        if (problem != null) {
            throw new OptionException("invalid value '" + value + "' for option '" + key + "' (" + source + "): " + problem);
        }
    }

    /**
     * Null if {@code value} is a duration (the one grammar of {@link Durations}: {@code 0}, {@code 500us},
     * {@code 1.5ms}, {@code 1s}, ...) of at least {@code min} nanoseconds that fits in a {@code long} of nanoseconds.
     */
    private static String durationProblem(String value, long min, String expected) {
        long nanos;
        try {
            nanos = Durations.parseNanos(value);
        } catch (IllegalArgumentException e) {
            return e.getMessage().contains("too long") ? "expected " + expected + ", at most " + MAX_DURATION
                    : "expected " + expected;
        }
        return nanos < min ? "expected " + expected : null;
    }

    /** 0 (off) or at least 10ms: below that a loop iteration's ordinary work and the sampling itself would be noise. */
    private static String stallProblem(String value) {
        String expected = "0 (off) or a duration of at least 10ms, like 100ms or 1s";
        String problem = durationProblem(value, 0L, expected);
        if (problem != null) {
            return problem;
        }
        long nanos = Durations.parseNanos(value);
        return nanos == 0L || nanos >= 10_000_000L ? null : "expected " + expected;
    }

    private static String maxSitesProblem(String value) {
        int n = digits(value);
        if (n == 0 || n != value.length()) {
            return "expected a positive number";
        }
        if (n > 9) {
            return "expected a positive number up to 999999999";
        }
        return Integer.parseInt(value) > 0 ? null : "expected a positive number";
    }

    /** How many ASCII digits {@code text} starts with. */
    private static int digits(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static boolean hasEmptyItem(String value) {
        for (String item : splitList(value)) {
            if (item.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> splitList(String value) {
        return value.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(value.split(":", -1)));
    }

    /** Null if {@code value} is a ':'-separated list of package names ({@code com.acme:org.example.app}). */
    private static String packagesProblem(String value) {
        for (String item : value.split(":", -1)) {
            if (item.isEmpty() || item.startsWith(".") || item.contains("..") || item.contains("*")) {
                return "expected package names separated by ':', e.g. com.acme:org.example.app";
            }
            for (int i = 0; i < item.length(); i++) {
                char c = item.charAt(i);
                if (c != '.' && c != '$' && c != '_' && !Character.isLetterOrDigit(c)) {
                    return "expected package names separated by ':', e.g. com.acme:org.example.app";
                }
            }
        }
        return null;
    }

    private static String allowProblem(String value) {
        for (String pattern : splitList(value)) {
            // FramePatterns.problem says "expected ..." itself
            String problem = pattern.isEmpty() ? "expected frame patterns separated by ':'" : FramePatterns.problem(pattern.trim());
            if (problem != null) {
                return problem + " (in '" + pattern + "')";
            }
        }
        return null;
    }

    private static long nanos(String duration) {
        return Durations.parseNanos(duration);
    }
}
