package io.loopguard.report.cli;

import io.loopguard.format.DataFileException;
import io.loopguard.format.TerminalText;
import io.loopguard.report.model.InputFiles;
import io.loopguard.report.model.LoadResult;
import io.loopguard.report.model.MergedReport;
import io.loopguard.report.model.Merger;
import io.loopguard.report.model.SourcePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;

/** Loading inputs with the console messages every command shares. */
final class Inputs {

    private Inputs() {
    }

    /** The merged report, or {@code null} when no input was readable; every unreadable input is logged. */
    static Loaded load(List<Path> inputs, Logger log) {
        LoadResult result = InputFiles.load(inputs);
        for (DataFileException failure : result.failures()) {
            log.error(TerminalText.escape(failure.getMessage()));
        }
        if (!result.clean() && !result.files().isEmpty()) {
            log.warn("skipped {} of {} inputs ({}); the report uses the other {}", result.failures().size(),
                    result.failures().size() + result.files().size(),
                    TerminalText.escape(String.join(", ",
                            result.failures().stream().map(DataFileException::sourceName).toList())),
                    result.files().size());
        }
        if (result.files().isEmpty()) {
            log.error("no readable loopguard data file in {}", TerminalText.escape(inputs.toString()));
            return null;
        }
        return new Loaded(Merger.merge(result), result.clean());
    }

    /** A merged report and whether every input was readable. */
    record Loaded(MergedReport report, boolean clean) {
    }

    /** {@code --out}, else the first directory input, else the first file's directory. */
    static Path outDir(String option, List<Path> inputs) {
        if (option != null) {
            return Path.of(option);
        }
        Path first = inputs.get(0);
        if (Files.isDirectory(first)) {
            return first;
        }
        Path parent = first.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    /**
     * {@code --app-packages com.acme:org.example}: frames of these packages are the application's, also where the
     * library list names them (which frame a report points at, what SARIF's code flows show).
     */
    static void applicationPackages(String option) throws UsageException {
        if (option == null) {
            return;
        }
        List<String> packages = Arrays.stream(option.split(":")).map(String::trim).filter(p -> !p.isEmpty()).toList();
        if (packages.isEmpty() || packages.stream().anyMatch(p -> !p.matches("[\\p{L}\\p{N}_$]+(\\.[\\p{L}\\p{N}_$]+)*"))) {
            throw new UsageException("--app-packages: expected package names separated by ':', got '" + option + "'");
        }
        io.loopguard.format.Frame.applicationPackages(packages);
    }

    /**
     * {@code --source-roots a:b}, relative to the working directory (the repository root in CI), and
     * {@code --source-links TEMPLATE} for the HTML report ({@code {path}}, {@code {absolutePath}}, {@code {line}}).
     */
    static SourcePaths sources(String option, String linkTemplate) {
        List<Path> roots = option == null || option.isBlank() ? List.of()
                : Arrays.stream(option.split("[:" + java.io.File.pathSeparator + "]"))
                .filter(s -> !s.isBlank()).map(Path::of).toList();
        return new SourcePaths(roots, Path.of(""), linkTemplate);
    }
}
