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
    private final Path file;
    private Recorder recorder;
    private RuntimeBridge runtime;
    private final long pid = ProcessHandle.current().pid();
    private Instant startedAt;
    private final String command = System.getProperty("sun.java.command", "");
    private final Set<String> registeredThreads = new LinkedHashSet<>();

    DataFileSink(Path directory) {
        this.file = directory.resolve("loopguard-" + pid + ".json");
    }

    synchronized void attach(Recorder recorder, RuntimeBridge runtime) {
        this.recorder = recorder;
        this.runtime = runtime;
    }

    Path file() {
        return file;
    }

    synchronized DataFile write() throws IOException {
        if (startedAt == null) { // read lazily: /proc is not worth reading during start-up
            startedAt = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        }
        if (runtime != null) {
            for (Thread thread : runtime.registeredThreads()) {
                registeredThreads.add(thread.getName());
            }
        }
        List<CallSite> sites = recorder == null ? List.of() : recorder.callSites();
        DataFile data = new DataFile(DataFile.FORMAT,
                new JvmInfo(pid, System.getProperty("java.version"), command, startedAt, Instant.now()),
                sites, recorder == null ? 0 : recorder.droppedCalls(), List.copyOf(registeredThreads));
        DataFileWriter.writeAtomically(data, file);
        return data;
    }
}
