package io.loopguard.agent.output;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.loopguard.agent.install.RuntimeBridge;
import io.loopguard.agent.record.Recorder;
import io.loopguard.format.CallSite;
import io.loopguard.format.DataFile;
import io.loopguard.format.DataFileWriter;
import io.loopguard.format.JvmInfo;

/**
 * Writes {@code OUTPUT/loopguard-<pid>.json}, atomically (temp file and rename: a reader, or a process killed in the
 * middle, only ever sees a complete file). Called by the agent's thread and the shutdown hook, never concurrently.
 */
final class DataFileSink {
    private final Path directory;
    private Path file;
    private Recorder recorder;
    private RuntimeBridge runtime;
    private long pid;
    /** When the agent started, a few milliseconds after the JVM (no ProcessHandle, see currentPid). */
    private final long startedAtMillis = System.currentTimeMillis();
    private final String command = System.getProperty("sun.java.command", "");
    private final Set<String> registeredThreads = new LinkedHashSet<>();
    private final long maxSites;
    /** Why the agent failed to start, once it did: written into every later data file. */
    private volatile String agentError;

    DataFileSink(Path directory, long maxSites) {
        this.directory = directory; // the file name needs the pid, looked up lazily: see pid()
        this.maxSites = maxSites;
    }

    void agentError(String error) {
        this.agentError = error;
    }

    String agentError() {
        return agentError;
    }

    /**
     * This JVM's pid. {@code ProcessHandle.current()} initialises {@code ProcessHandleImpl}, whose static
     * initialiser bootstraps lambdas on JDK 17 (tens of milliseconds); on Linux {@code /proc/self} names the pid for
     * the price of one {@code readlink}, so neither start-up nor a short JVM's exit pays for it.
     */
    private static long currentPid() {
        try {
            return Long.parseLong(java.nio.file.Files.readSymbolicLink(Path.of("/proc/self")).toString());
        } catch (Exception | LinkageError e) {
            return ProcessHandle.current().pid();
        }
    }

    synchronized void attach(Recorder recorder, RuntimeBridge runtime) {
        this.recorder = recorder;
        this.runtime = runtime;
    }

    synchronized Path file() {
        if (file == null) {
            pid = currentPid();
            file = directory.resolve("loopguard-" + pid + ".json");
        }
        return file;
    }

    private long pidOf() {
        file();
        return pid;
    }

    synchronized DataFile write() throws IOException {
        if (runtime != null) {
            for (Thread thread : runtime.registeredThreads()) {
                registeredThreads.add(thread.getName());
            }
        }
        List<CallSite> sites = recorder == null ? List.of() : recorder.callSites();
        DataFile data = new DataFile(DataFile.FORMAT,
                new JvmInfo(pidOf(), System.getProperty("java.version"), command, Instant.ofEpochMilli(startedAtMillis), Instant.now()),
                sites, recorder == null ? 0 : recorder.droppedCalls(), List.copyOf(registeredThreads), maxSites,
                agentError);
        DataFileWriter.writeAtomically(data, file());
        return data;
    }
}
