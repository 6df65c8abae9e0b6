package io.loopguard.report.model;

import io.loopguard.format.DataFile;
import io.loopguard.format.DataFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The data files found for a set of inputs: those that were read, and one error per input that was not.
 *
 * @param files    the readable files with their content
 * @param failures why each other input was skipped (message names file and position)
 */
public record LoadResult(List<Loaded> files, List<DataFileException> failures) {

    public LoadResult {
        files = List.copyOf(files);
        failures = List.copyOf(failures);
    }

    /** A readable data file. */
    public record Loaded(Path path, DataFile file) {
    }

    /** True when every input was readable. */
    public boolean clean() {
        return failures.isEmpty();
    }
}
