package io.loopguard.report.model;

import io.loopguard.format.DataFileException;
import io.loopguard.format.DataFileReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns command-line style inputs (files and directories) into read data files. A directory stands for the
 * {@code loopguard-*.json} files directly inside it, the agent's naming, in name order so reports are deterministic.
 * A bad file never stops the others from being read: it becomes an entry of {@link LoadResult#failures()}.
 */
public final class InputFiles {

    /** The glob of the agent's per-JVM data files. */
    public static final String DATA_FILE_GLOB = "loopguard-*.json";

    private InputFiles() {
    }

    /** Reads every input; inputs that are missing, unreadable or invalid are reported, not thrown. */
    public static LoadResult load(List<Path> inputs) {
        List<LoadResult.Loaded> files = new ArrayList<>();
        List<DataFileException> failures = new ArrayList<>();
        for (Path input : inputs) {
            List<Path> paths;
            if (Files.isDirectory(input)) {
                try {
                    paths = dataFilesIn(input);
                } catch (IOException e) {
                    failures.add(new DataFileException(input.toString(), "cannot list directory: " + e, null));
                    continue;
                }
                if (paths.isEmpty()) {
                    failures.add(new DataFileException(input.toString(),
                            "no " + DATA_FILE_GLOB + " files in this directory", null));
                }
            } else {
                paths = List.of(input);
            }
            for (Path path : paths) {
                try {
                    files.add(new LoadResult.Loaded(path, DataFileReader.read(path)));
                } catch (DataFileException e) {
                    failures.add(e);
                }
            }
        }
        return new LoadResult(files, failures);
    }

    /** The {@code loopguard-*.json} regular files directly in {@code dir}, sorted by name. */
    public static List<Path> dataFilesIn(Path dir) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, DATA_FILE_GLOB)) {
            for (Path path : stream) {
                if (Files.isRegularFile(path)) {
                    paths.add(path);
                }
            }
        }
        paths.sort(null);
        return paths;
    }
}
