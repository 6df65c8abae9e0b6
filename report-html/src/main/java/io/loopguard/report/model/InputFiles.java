package io.loopguard.report.model;

import io.loopguard.format.DataFile;
import io.loopguard.format.DataFileException;
import io.loopguard.format.DataFileReader;
import io.loopguard.format.Uninterruptibly;
import io.loopguard.format.jfr.RecordingReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns command-line style inputs (files and directories) into read data files. A directory stands for the
 * {@code loopguard-*.json} files and the {@code *.jfr} flight recordings directly inside it, in name order so reports
 * are deterministic; a recording's {@code io.loopguard.BlockingCall} events are read as its JVM's data file
 * ({@link RecordingReader}).
 * A bad file never stops the others from being read: it becomes an entry of {@link LoadResult#failures()}.
 */
public final class InputFiles {

    /** The glob of the agent's per-JVM data files. */
    public static final String DATA_FILE_GLOB = "loopguard-*.json";
    private static final String PREFIX = "loopguard-";
    private static final String SUFFIX = ".json";

    private InputFiles() {
    }

    /**
     * Reads every input; inputs that are missing, unreadable or invalid are reported, not thrown. Several files are
     * parsed on two threads (the order of the result does not depend on it); a single file, the agent's case at
     * exit, on the caller's thread only.
     */
    public static LoadResult load(List<Path> inputs) {
        List<Object> slots = new ArrayList<>(); // per file, in input order: its Path, then its DataFile or failure
        for (Path input : inputs) {
            if (!Files.isDirectory(input) && Files.isSymbolicLink(input) && !Files.exists(input)) {
                slots.add(new DataFileException(input.toString(), danglingLink(input), null));
                continue;
            }
            if (Files.isDirectory(input)) {
                List<Path> paths;
                try {
                    paths = inputFilesIn(input);
                } catch (IOException e) {
                    slots.add(new DataFileException(input.toString(), "cannot list directory: " + e, null));
                    continue;
                }
                if (paths.isEmpty()) {
                    slots.add(new DataFileException(input.toString(),
                            "no " + DATA_FILE_GLOB + " or *" + RecordingReader.SUFFIX + " files in this directory", null));
                }
                for (Path path : paths) {
                    slots.add(Files.isSymbolicLink(path) && !Files.exists(path)
                            ? new DataFileException(path.toString(), danglingLink(path), null) : path);
                }
            } else {
                slots.add(input);
            }
        }
        Object[] read = new Object[slots.size()];
        Reader reader = new Reader(slots, read);
        Thread helper = null;
        if (slots.size() > 1) {
            helper = new Thread(reader, "loopguard-reader");
            helper.setDaemon(true);
            helper.start();
        }
        reader.run();
        if (helper != null) {
            Uninterruptibly.join(helper);
        }
        List<LoadResult.Loaded> files = new ArrayList<>();
        List<DataFileException> failures = new ArrayList<>();
        for (int i = 0; i < read.length; i++) {
            Object slot = slots.get(i);
            Object result = slot instanceof Path ? read[i] : slot;
            if (result instanceof DataFile data) {
                files.add(new LoadResult.Loaded((Path) slot, data));
            } else if (result instanceof DataFileException failure) {
                failures.add(failure);
            } else if (result instanceof Error error) {
                throw error;
            } else {
                throw (RuntimeException) result;
            }
        }
        return new LoadResult(files, failures);
    }

    /** Why a symbolic link that leads nowhere cannot be read: a loop, or a missing target. */
    private static String danglingLink(Path link) {
        try {
            link.toRealPath();
            return "cannot follow the symbolic link";
        } catch (java.nio.file.FileSystemException e) {
            String reason = e.getReason();
            if (reason != null && reason.toLowerCase(java.util.Locale.ROOT).contains("levels of symbolic links")) {
                return "symbolic link loop (" + reason + ")";
            }
            String target;
            try {
                target = String.valueOf(Files.readSymbolicLink(link));
            } catch (IOException | RuntimeException unreadable) {
                target = "?";
            }
            return "dangling symbolic link to " + target + (reason == null ? "" : " (" + reason + ")");
        } catch (IOException | RuntimeException e) {
            return "cannot follow the symbolic link: " + e;
        }
    }

    /** Reads the paths among {@code slots} into {@code results}; run by several threads, each takes the next one. */
    private static final class Reader implements Runnable {
        private final List<Object> slots;
        private final Object[] results;
        private final AtomicInteger next = new AtomicInteger();

        Reader(List<Object> slots, Object[] results) {
            this.slots = slots;
            this.results = results;
        }

        @Override
        public void run() {
            for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
                if (slots.get(i) instanceof Path path) {
                    Object result;
                    try {
                        result = RecordingReader.isRecording(path) ? RecordingReader.read(path)
                                : DataFileReader.read(path);
                    } catch (DataFileException e) {
                        result = e;
                    } catch (RuntimeException | Error e) { // e.g. OutOfMemoryError: rethrown by the caller
                        result = e;
                    }
                    results[i] = result; // Thread.join publishes the helper's writes to the caller
                }
            }
        }
    }

    /**
     * The {@code loopguard-*.json} regular files (and symbolic links, even dangling or looping ones: reading them
     * reports what is wrong) directly in {@code dir}, sorted by name. Matched by prefix and
     * suffix, not with a glob: a glob compiles to a regular expression, and this runs in the user's JVM at exit.
     */
    public static List<Path> dataFilesIn(Path dir) throws IOException {
        List<Path> paths = new ArrayList<>();
        if (dir.getFileSystem() == FileSystems.getDefault()) {
            // java.io.File.list: a directory stream's iterator uses a lambda inside the JDK from JDK 21 on.
            String[] names = dir.toFile().list();
            if (names == null) {
                throw new IOException(Files.isDirectory(dir) ? "cannot list " + dir : "not a directory: " + dir);
            }
            for (String name : names) {
                Path path = dir.resolve(name);
                if (isDataFileName(name) && (Files.isRegularFile(path) || Files.isSymbolicLink(path))) {
                    paths.add(path); // a dangling or looping link is read, so its real error is reported
                }
            }
        } else {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                for (Path path : stream) {
                    if (isDataFileName(path.getFileName().toString())
                            && (Files.isRegularFile(path) || Files.isSymbolicLink(path))) {
                        paths.add(path);
                    }
                }
            }
        }
        paths.sort(null);
        return paths;
    }

    /**
     * What a directory given to the reports stands for: its data files ({@link #dataFilesIn}) and its flight
     * recordings ({@code *.jfr}), each group in name order. Not used by the agent's own report at exit, which reads
     * data files only (a recording in its output directory may still be being written).
     */
    public static List<Path> inputFilesIn(Path dir) throws IOException {
        List<Path> paths = dataFilesIn(dir);
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            List<Path> recordings = new ArrayList<>();
            for (Path path : stream) {
                if (RecordingReader.isRecording(path) && (Files.isRegularFile(path) || Files.isSymbolicLink(path))) {
                    recordings.add(path);
                }
            }
            recordings.sort(null);
            paths.addAll(recordings);
        }
        return paths;
    }

    /** True for names that {@link #DATA_FILE_GLOB} matches. */
    static boolean isDataFileName(String name) {
        return name.length() >= PREFIX.length() + SUFFIX.length() && name.startsWith(PREFIX)
                && name.endsWith(SUFFIX);
    }
}
