package io.loopguard.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.loopguard.agent.record.AllowList;

/**
 * The agent's options: parses the {@code -javaagent} argument with system-property and environment layering, and
 * renders an argument back (for build plugins), so the syntax lives in this one class (as JaCoCo's AgentOptions).
 *
 * <p>Syntax (contract): {@code key=value} pairs separated by {@code ,}; list values separated by {@code :}.
 * Precedence: agent argument, then {@code -Dloopguard.KEY}, then {@code LOOPGUARD_KEY}, then the default. An unknown
 * key in the agent argument or a malformed value anywhere is an {@link OptionException}: start-up must fail loudly,
 * a misconfigured CI gate must never pass silently. Unknown {@code loopguard.*} system properties are not errors:
 * build tools forward their own {@code loopguard.*} properties (e.g. {@code loopguard.skip}) to forked JVMs.
 */
public final class AgentOptions {
    public enum Mode { RECORD, LOG, THROW }

    public enum Report { HTML, NONE }

    public static final List<String> KEYS = List.of("threads", "autodetect", "output", "mode", "threshold", "allow",
            "report", "enabled", "flushInterval", "maxSites", "jfr", "pinning");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ns|us|µs|ms|s|m)?");

    private final Map<String, String> values;

    private AgentOptions(Map<String, String> values) {
        this.values = values;
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
            }
        }
        return new AgentOptions(values);
    }

    /** {@code flushInterval} → {@code LOOPGUARD_FLUSHINTERVAL}: upper case, {@code .} and {@code -} → {@code _}. */
    public static String environmentName(String key) {
        return "LOOPGUARD_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
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
        return Mode.valueOf(values.getOrDefault("mode", "record").toUpperCase(Locale.ROOT));
    }

    public long thresholdNanos() {
        return nanos(values.getOrDefault("threshold", "0"));
    }

    public List<String> allow() {
        return list("allow");
    }

    public Report report() {
        return Report.valueOf(values.getOrDefault("report", "html").toUpperCase(Locale.ROOT));
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

    /** {@code pinning=all}: every virtual thread's pins count (a Loom server's carrier pool is its event loop). */
    public boolean pinningEverywhere() {
        return values.getOrDefault("pinning", "registered").equals("all");
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
                throw new OptionException("unknown option '" + key + "' (known options: " + String.join(", ", KEYS) + ")");
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
        String expected = switch (key) {
            case "pinning" -> value.equals("registered") || value.equals("all") ? null : "registered or all";
            case "autodetect", "enabled", "jfr" -> value.equals("true") || value.equals("false") ? null : "true or false";
            case "mode" -> List.of("record", "log", "throw").contains(value) ? null : "record, log or throw";
            case "report" -> value.equals("html") || value.equals("none") ? null : "html or none";
            case "threshold" -> DURATION.matcher(value).matches() && (value.equals("0") || !value.chars().allMatch(Character::isDigit))
                    ? null : "a duration like 0, 500us, 5ms or 1s";
            case "flushInterval" -> DURATION.matcher(value).matches() && !value.chars().allMatch(Character::isDigit)
                    && nanos(value) >= 10_000_000L ? null : "a duration of at least 10ms, like 500ms or 5s";
            case "maxSites" -> value.matches("\\d{1,9}") && Integer.parseInt(value) > 0 ? null : "a positive number";
            case "output" -> value.isEmpty() ? "a directory" : null;
            case "threads" -> splitList(value).stream().anyMatch(String::isEmpty) ? "thread-name globs separated by ':'" : null;
            case "allow" -> allowProblem(value);
            default -> null;
        };
        if (expected != null) {
            throw new OptionException("invalid value '" + value + "' for option '" + key + "' (" + source + "): expected " + expected);
        }
    }

    private static List<String> splitList(String value) {
        return value.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(value.split(":", -1)));
    }

    private static String allowProblem(String value) {
        for (String pattern : splitList(value)) {
            String problem = pattern.isEmpty() ? "frame patterns separated by ':'" : AllowList.problem(pattern.trim());
            if (problem != null) {
                return problem + " (in '" + pattern + "')";
            }
        }
        return null;
    }

    static long nanos(String duration) {
        Matcher m = DURATION.matcher(duration);
        if (!m.matches()) {
            throw new IllegalArgumentException(duration);
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ns" : m.group(2);
        return switch (unit) {
            case "ns" -> amount;
            case "us", "µs" -> amount * 1_000L;
            case "ms" -> amount * 1_000_000L;
            case "s" -> amount * 1_000_000_000L;
            default -> amount * 60_000_000_000L;
        };
    }
}
