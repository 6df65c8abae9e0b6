package io.loopguard.agent.it.support;

import io.loopguard.format.DataFile;
import io.loopguard.format.DataFileException;
import io.loopguard.format.DataFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Launches a target program in a fresh JVM under the real agent jar:
 * {@code ${javaHome}/bin/java -javaagent:<jar>[=opts] -cp <cp> <TargetClass> args}.
 *
 * <p>Each run gets its own directory (working directory, {@code stdout.txt}, {@code stderr.txt}) and, unless the
 * test sets {@code output} itself, an {@code output=<runDir>/out} option pointing at a directory that does not exist
 * yet (the agent creates it).
 */
public final class AgentProcess {
    private final Class<?> target;
    private final List<String> args = new ArrayList<>();
    private final List<String> options = new ArrayList<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private boolean withAgent = true;
    private boolean defaultOutput = true;
    private String rawAgentArgument;
    private Duration timeout = Duration.ofSeconds(180); // only a hang waits this long; a loaded 2-core box is slow
    private String name;
    private String classPath;

    private AgentProcess(Class<?> target) {
        this.target = target;
        this.name = target.getSimpleName();
    }

    public static AgentProcess of(Class<?> target) {
        return new AgentProcess(target);
    }

    /** One {@code key=value} agent option (joined with {@code ,}). */
    public AgentProcess option(String keyValue) {
        options.add(keyValue);
        return this;
    }

    public AgentProcess options(String... keyValues) {
        options.addAll(Arrays.asList(keyValues));
        return this;
    }

    /** The agent argument verbatim, e.g. for malformed input; no default {@code output} is added. */
    public AgentProcess rawAgentArgument(String argument) {
        this.rawAgentArgument = argument;
        this.defaultOutput = false;
        return this;
    }

    /** Do not add {@code output=<runDir>/out}: the agent's own default ({@code loopguard} in the working dir) applies. */
    public AgentProcess noOutputOption() {
        this.defaultOutput = false;
        return this;
    }

    public AgentProcess withoutAgent() {
        this.withAgent = false;
        return this;
    }

    public AgentProcess jvmArg(String arg) {
        jvmArgs.add(arg);
        return this;
    }

    public AgentProcess verifyAll() {
        return jvmArg("-Xverify:all");
    }

    public AgentProcess env(String key, String value) {
        env.put(key, value);
        return this;
    }

    public AgentProcess args(String... targetArgs) {
        args.addAll(Arrays.asList(targetArgs));
        return this;
    }

    /** The target JVM's class path instead of {@link ItEnv#targetClassPath()}. */
    public AgentProcess classPath(String path) {
        this.classPath = path;
        return this;
    }

    public AgentProcess timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    public AgentProcess name(String runName) {
        this.name = runName;
        return this;
    }

    /** Starts the JVM and waits for it to exit (or kills it and fails after the timeout). */
    public RunResult run() {
        Running running = start();
        return running.awaitExit(timeout);
    }

    /** Starts the JVM and returns at once, for tests that kill it. */
    public Running start() {
        Path runDir = ItEnv.newRunDir(name);
        Path outDir = runDir.resolve("out");
        List<String> command = new ArrayList<>();
        command.add(ItEnv.javaHome().resolve("bin").resolve("java").toString());
        if (withAgent) {
            String argument = rawAgentArgument;
            if (argument == null) {
                List<String> all = new ArrayList<>(options);
                if (defaultOutput && options.stream().noneMatch(o -> o.startsWith("output="))) {
                    all.add("output=" + outDir);
                }
                argument = String.join(",", all);
            }
            command.add("-javaagent:" + ItEnv.agentJar() + (argument.isEmpty() ? "" : "=" + argument));
        }
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classPath != null ? classPath : ItEnv.targetClassPath());
        command.add(target.getName());
        command.addAll(args);

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(runDir.toFile())
                .redirectOutput(runDir.resolve("stdout.txt").toFile())
                .redirectError(runDir.resolve("stderr.txt").toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("LOOPGUARD_") || k.equals("JAVA_TOOL_OPTIONS")
                || k.equals("JDK_JAVA_OPTIONS") || k.equals("_JAVA_OPTIONS"));
        environment.putAll(env);
        try {
            Files.writeString(runDir.resolve("command.txt"), String.join(" ", command) + "\nenv: " + env + "\n");
            Process process = builder.start();
            return new Running(process, runDir, withAgent && defaultOutput && rawAgentArgument == null
                    && options.stream().noneMatch(o -> o.startsWith("output=")) ? outDir : null, command);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command, e);
        }
    }

    /** A target JVM that is still running. */
    public static final class Running {
        private final Process process;
        private final Path runDir;
        private final Path outDir;
        private final List<String> command;
        private final long startNanos = System.nanoTime();

        Running(Process process, Path runDir, Path outDir, List<String> command) {
            this.process = process;
            this.runDir = runDir;
            this.outDir = outDir;
            this.command = command;
        }

        public long pid() {
            return process.pid();
        }

        public Path runDir() {
            return runDir;
        }

        /** Waits until the target's stderr has a {@code [target] key=...} fact, or fails after {@code limit}. */
        public void awaitFact(String key, Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                if (RunResult.parseFacts(read(runDir.resolve("stderr.txt"))).containsKey(key)) {
                    return;
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("target never reported '" + key + "' within " + limit + "; stderr:\n"
                    + read(runDir.resolve("stderr.txt")));
        }

        /** Nanoseconds since the JVM was started (the agent starts after this point). */
        public long elapsedNanos() {
            return System.nanoTime() - startNanos;
        }

        /**
         * Polls the data file the running JVM flushes (in the default output directory) until it parses and satisfies
         * {@code done}, and returns it; fails after {@code limit} or when the JVM exits. Periodic flushes are written
         * atomically, so any file seen is complete. Waiting on the file, not on a fixed sleep, keeps tests that check
         * flushes independent of how slow a loaded machine is.
         */
        public DataFile awaitData(Predicate<DataFile> done, Duration limit) throws InterruptedException {
            Path file = outDir.resolve("loopguard-" + process.pid() + ".json");
            long deadline = System.nanoTime() + limit.toNanos();
            String last = "no data file yet";
            while (System.nanoTime() - deadline < 0 && process.isAlive()) {
                if (Files.isRegularFile(file)) {
                    try {
                        DataFile data = DataFileReader.read(file);
                        if (done.test(data)) {
                            return data;
                        }
                        last = data.callSites().size() + " call sites: " + RunResult.describe(data.callSites());
                    } catch (DataFileException | RuntimeException e) {
                        last = "unreadable: " + e;
                    }
                }
                Thread.sleep(20);
            }
            throw new AssertionError("the data file " + file + " did not reach the expected state within " + limit
                    + " (alive: " + process.isAlive() + "); last seen: " + last + "\nstderr:\n"
                    + read(runDir.resolve("stderr.txt")));
        }

        /** SIGKILL, as a crash would: no shutdown hook runs. */
        public RunResult kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            return result();
        }

        public RunResult awaitExit(Duration limit) {
            try {
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(30, TimeUnit.SECONDS);
                    throw new AssertionError("target did not exit within " + limit + ": " + String.join(" ", command)
                            + "\nstderr:\n" + read(runDir.resolve("stderr.txt")));
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            return result();
        }

        private RunResult result() {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            return new RunResult(process.exitValue(), process.pid(), runDir, outDir,
                    read(runDir.resolve("stdout.txt")), read(runDir.resolve("stderr.txt")), command, millis);
        }
    }

    static String read(Path file) {
        try {
            return Files.exists(file)
                    ? new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "<unreadable " + file + ": " + e + ">";
        }
    }
}
