package io.loopguard.agent.it.support;

import io.loopguard.format.CallSite;
import io.loopguard.format.DataFile;
import io.loopguard.format.DataFileException;
import io.loopguard.format.DataFileReader;
import io.loopguard.format.Frame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** What a finished (or killed) target JVM left behind: exit code, stdout, stderr, facts and the data file. */
public final class RunResult {
    /** Prefix of the lines a target prints on stderr to tell the test what it saw. */
    public static final String FACT_PREFIX = "[target] ";

    private final int exitCode;
    private final long pid;
    private final Path runDir;
    private final Path outDir;
    private final String stdout;
    private final String stderr;
    private final List<String> command;
    private final long wallMillis;
    private DataFile data;

    RunResult(int exitCode, long pid, Path runDir, Path outDir, String stdout, String stderr, List<String> command,
              long wallMillis) {
        this.exitCode = exitCode;
        this.pid = pid;
        this.runDir = runDir;
        this.outDir = outDir;
        this.stdout = stdout;
        this.stderr = stderr;
        this.command = command;
        this.wallMillis = wallMillis;
    }

    public int exitCode() {
        return exitCode;
    }

    public long pid() {
        return pid;
    }

    public Path runDir() {
        return runDir;
    }

    /** The {@code output} directory the harness chose ({@code <runDir>/out}), or the agent's default location. */
    public Path outDir() {
        return outDir != null ? outDir : runDir.resolve("loopguard");
    }

    public String stdout() {
        return stdout;
    }

    public String stderr() {
        return stderr;
    }

    public long wallMillis() {
        return wallMillis;
    }

    /** stderr lines that begin with {@code [loopguard]}. */
    public List<String> agentLines() {
        return stderr.lines().filter(l -> l.startsWith("[loopguard]")).collect(Collectors.toList());
    }

    /** {@code [target] key=value} lines from the target's stderr. */
    public Map<String, String> facts() {
        return parseFacts(stderr);
    }

    public String fact(String key) {
        String value = facts().get(key);
        if (value == null) {
            throw new AssertionError("target did not report '" + key + "'\n" + describe());
        }
        return value;
    }

    static Map<String, String> parseFacts(String text) {
        Map<String, String> facts = new LinkedHashMap<>();
        // indexOf, not startsWith: a JVM message ("Exception in thread ...") may interleave with a fact line
        text.lines().filter(l -> l.contains(FACT_PREFIX)).forEach(l -> {
            String kv = l.substring(l.indexOf(FACT_PREFIX) + FACT_PREFIX.length());
            int eq = kv.indexOf('=');
            if (eq > 0) {
                facts.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        });
        return facts;
    }

    public Path dataFile() {
        return dataFileIn(outDir());
    }

    public Path dataFileIn(Path dir) {
        return dir.resolve("loopguard-" + pid + ".json");
    }

    /** The parsed data file; fails with the run's stderr when it is missing or unreadable. */
    public DataFile data() {
        if (data == null) {
            data = readData(dataFile());
        }
        return data;
    }

    public DataFile readData(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("no data file " + file + "\n" + describe());
        }
        try {
            return DataFileReader.read(file);
        } catch (DataFileException | RuntimeException e) {
            throw new AssertionError("cannot read data file " + file + ": " + e + "\n" + describe(), e);
        }
    }

    public List<CallSite> sites() {
        return data().callSites();
    }

    /** The call sites whose stack has a frame of {@code owner} (or its nested classes) in {@code method}. */
    public List<CallSite> sitesIn(Class<?> owner, String method) {
        return sites().stream().filter(s -> hasFrame(s, owner, method)).collect(Collectors.toList());
    }

    public List<CallSite> sitesWhere(Predicate<CallSite> predicate) {
        return sites().stream().filter(predicate).collect(Collectors.toList());
    }

    /**
     * Whether the stack has a frame of {@code owner} or its nested classes in {@code method} itself or in a lambda
     * body declared in it ({@code lambda$method$N}).
     */
    public static boolean hasFrame(CallSite site, Class<?> owner, String method) {
        for (Frame f : site.stack()) {
            boolean ownerMatches = f.className().equals(owner.getName())
                    || f.className().startsWith(owner.getName() + "$");
            boolean methodMatches = f.methodName().equals(method)
                    || f.methodName().startsWith("lambda$" + method + "$");
            if (ownerMatches && methodMatches) {
                return true;
            }
        }
        return false;
    }

    /** A readable summary of the run for assertion messages. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("--- run ").append(runDir).append(" (exit ").append(exitCode).append(", pid ").append(pid)
                .append(", ").append(wallMillis).append(" ms)\n");
        sb.append("command: ").append(String.join(" ", command).replaceAll(" -cp \\S+", " -cp <class path>"))
                .append('\n');
        sb.append("stderr:\n").append(tail(stderr, 6000)).append('\n');
        if (!stdout.isEmpty()) {
            sb.append("stdout:\n").append(tail(stdout, 2000)).append('\n');
        }
        if (data != null) {
            sb.append("call sites:\n").append(describe(data.callSites()));
        } else if (Files.isRegularFile(dataFile())) {
            try {
                sb.append("call sites:\n").append(describe(DataFileReader.read(dataFile()).callSites()));
            } catch (DataFileException | RuntimeException e) {
                sb.append("data file unreadable: ").append(e).append('\n');
            }
        } else {
            sb.append("(no data file ").append(dataFile()).append(")\n");
        }
        return sb.toString();
    }

    public static String describe(List<CallSite> sites) {
        StringBuilder sb = new StringBuilder();
        for (CallSite s : sites) {
            sb.append("  ").append(s.category()).append(' ').append(s.blockingMethod())
                    .append(" detail=").append(s.detail()).append(" threads=").append(s.threads())
                    .append(" count=").append(s.count()).append(" min=").append(s.minNanos() / 1_000)
                    .append("us max=").append(s.maxNanos() / 1_000).append("us\n");
            s.stack().stream().limit(8).forEach(f -> sb.append("      at ").append(f.className()).append('.')
                    .append(f.methodName()).append('(').append(f.fileName()).append(':').append(f.lineNumber())
                    .append(")\n"));
        }
        return sb.toString();
    }

    private static String tail(String text, int max) {
        return text.length() <= max ? text : "…" + text.substring(text.length() - max);
    }
}
