package io.loopguard.agent.output;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.loopguard.agent.install.RuntimeBridge;
import io.loopguard.agent.looptime.LoopTimes;
import io.loopguard.agent.record.Recorder;
import io.loopguard.agent.util.EpochClock;
import io.loopguard.format.CallSite;
import io.loopguard.format.DataFile;
import io.loopguard.format.DataFileWriter;
import io.loopguard.format.JvmInfo;
import io.loopguard.format.LoopTime;

/**
 * Writes {@code OUTPUT/loopguard-<pid>.json}, atomically (temp file and rename: a reader, or a process killed in the
 * middle, only ever sees a complete file). Called by the agent's thread and the shutdown hook, never concurrently.
 */
final class DataFileSink {
    /** Bound on the thread names kept for {@code registeredThreads} (the runtime keeps at most as many). */
    static final int MAX_THREAD_NAMES = 1000;
    private final Path directory;
    private Path file;
    private Recorder recorder;
    private RuntimeBridge runtime;
    private long pid;
    /** When the agent started, a few milliseconds after the JVM (no ProcessHandle, see currentPid). */
    private final long startedAtMillis = EpochClock.nowMillis();
    private final String command = System.getProperty("sun.java.command", "");
    private final Set<String> registeredThreads = new LinkedHashSet<>();
    private final long maxSites;
    private volatile LoopTimes loopTimes;
    /** Why the agent failed to start, once it did: written into every later data file. */
    private volatile String agentError;

    DataFileSink(Path directory, long maxSites) {
        this.directory = directory; // the file name needs the pid, looked up lazily: see pid()
        this.maxSites = maxSites;
    }

    void loopTimes(LoopTimes loopTimes) {
        this.loopTimes = loopTimes;
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

    /** Beyond the bound, a name is left out (the runtime counts the registrations it could not list). */
    private void addRegistered(String name) {
        if (registeredThreads.size() < MAX_THREAD_NAMES) {
            registeredThreads.add(name);
        }
    }

    /**
     * Deletes the temporary files ({@code .loopguard-<pid>.json.<writer pid>.<nanos>.tmp}, {@code .index.html.…})
     * that a JVM killed in the middle of a write left in the output directory. Only those of writers that are no
     * longer running: a live JVM's temporary is about to be renamed into place. Runs once on the agent's flush
     * thread, off the start-up path (it lists the directory). Returns how many were deleted.
     */
    int deleteStaleTemporaries() {
        int deleted = 0;
        long self = pidOf();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                long writer = temporaryWriter(entry.getFileName().toString());
                if (writer > 0 && writer != self && !running(writer) && Files.deleteIfExists(entry)) {
                    deleted++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing to clean up, or not now: never worth a line
        }
        return deleted;
    }

    /** The writer pid of an {@code AtomicFile} temporary of a loopguard file, or -1 for any other name. */
    static long temporaryWriter(String name) {
        if (!name.endsWith(".tmp") || !(name.startsWith(".loopguard") || name.startsWith(".index.html."))) {
            return -1;
        }
        String stem = name.substring(0, name.length() - ".tmp".length());
        int nanosDot = stem.lastIndexOf('.');
        int pidDot = nanosDot <= 0 ? -1 : stem.lastIndexOf('.', nanosDot - 1);
        if (pidDot <= 0 || !number(stem.substring(nanosDot + 1)) || !number(stem.substring(pidDot + 1, nanosDot))) {
            return -1;
        }
        String pid = stem.substring(pidDot + 1, nanosDot);
        return pid.length() > 18 || pid.startsWith("-") ? -1 : Long.parseLong(pid);
    }

    private static boolean number(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        if (text.length() == start) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether process {@code pid} runs (on Linux from {@code /proc}; elsewhere from {@code ProcessHandle}). */
    private static boolean running(long pid) {
        Path proc = Path.of("/proc");
        if (Files.isDirectory(proc.resolve("self"))) {
            return Files.exists(proc.resolve(Long.toString(pid)));
        }
        return ProcessHandle.of(pid).isPresent();
    }

    private long pidOf() {
        file();
        return pid;
    }

    synchronized DataFile write() throws IOException {
        List<String> threadNames = List.of();
        if (runtime != null) {
            // every name ever registered (a loop that ended still counts), then the current names of live loops
            // (one may have been renamed since); bounded like the runtime's list
            for (String name : runtime.registeredThreadNames()) {
                addRegistered(name);
            }
            for (Thread thread : runtime.registeredThreads()) {
                addRegistered(thread.getName());
            }
            threadNames = new ArrayList<>(registeredThreads);
            long more = runtime.unlistedRegistrations();
            if (more > 0) {
                threadNames.add("(" + more + " more registered thread" + (more == 1 ? "" : "s") + " not listed)");
            }
        }
        List<CallSite> sites = recorder == null ? List.of() : recorder.callSites();
        LoopTimes loops = loopTimes;
        DataFile data = new DataFile(DataFile.FORMAT,
                new JvmInfo(pidOf(), System.getProperty("java.version"), command, Instant.ofEpochMilli(startedAtMillis),
                        Instant.ofEpochMilli(EpochClock.nowMillis())),
                sites, recorder == null ? 0 : recorder.droppedCalls(), threadNames, maxSites, agentError,
                loops == null || recorder == null ? List.<LoopTime>of() : loops.snapshot(recorder.threadTimes()));
        DataFileWriter.writeAtomically(data, file());
        return data;
    }
}
