package io.loopguard.report.cli;

import io.loopguard.format.DataFileException;
import io.loopguard.format.TerminalText;
import io.loopguard.report.check.Baseline;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;

/** {@code baseline --write FILE [--prune] FILE|DIR...}. */
final class BaselineCommand {

    private final Logger log;
    private final PrintStream out;

    BaselineCommand(Logger log, PrintStream out) {
        this.log = log;
        this.out = out;
    }

    int run(List<String> args) throws UsageException, IOException {
        Arguments a = Arguments.parse(args, Set.of("write"), Set.of("prune"));
        if (a.get("write") == null) {
            throw new UsageException("baseline needs --write FILE");
        }
        List<Path> inputs = a.requireInputs();
        Path file = Path.of(a.get("write"));
        Inputs.Loaded loaded = Inputs.load(inputs, log);
        if (loaded == null || !loaded.clean()) {
            // A baseline from partial input would forget (or, with --prune, drop) real call sites.
            log.error("baseline not written: not every input was readable");
            return Main.BAD_INPUT;
        }
        Baseline previous = Baseline.of(List.of());
        if (Files.exists(file)) {
            try {
                previous = Baseline.read(file);
            } catch (DataFileException e) {
                log.error(TerminalText.escape(e.getMessage()));
                return Main.BAD_INPUT;
            }
        }
        var sites = loaded.report().callSites();
        List<Baseline.Entry> fixed = previous.fixedIn(sites);
        Baseline updated = previous.updatedWith(sites, a.flag("prune"));
        int added = updated.entries().size() - previous.entries().size() + (a.flag("prune") ? fixed.size() : 0);
        try {
            updated.write(file);
        } catch (IOException | java.io.UncheckedIOException e) {
            log.error("cannot write the baseline file {}: {}", TerminalText.escape(file.toString()),
                    TerminalText.escape(reason(e, file)));
            return Main.BAD_INPUT;
        }
        out.println("Baseline " + file + ": " + updated.entries().size() + " entries (" + added + " new, "
                + fixed.size() + " fixed since the previous baseline" + (a.flag("prune") ? ", pruned" : "") + ").");
        for (Baseline.Entry entry : fixed) {
            out.println(TerminalText.escape("fixed: " + entry.category() + " " + entry.blockingMethod() + " at "
                    + entry.at() + (a.flag("prune") ? " (removed)" : " (kept; --prune removes it)")));
        }
        return Main.OK;
    }

    /**
     * Why writing {@code target} failed, in words: {@code NoSuchFileException: /proc/.loopguard-baseline-1.tmp}
     * names a temporary file the user never asked for.
     */
    static String reason(Exception e, Path target) {
        Throwable cause = e instanceof java.io.UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (!(cause instanceof java.nio.file.FileSystemException fs)) {
            return cause.toString();
        }
        String why = cause instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : cause instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                : cause instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way"
                : fs.getReason() != null ? fs.getReason() : cause.getClass().getSimpleName();
        String file = fs.getFile();
        Path absolute = target.toAbsolutePath();
        if (file == null || Path.of(file).toAbsolutePath().equals(absolute)) {
            return why;
        }
        Path dir = Path.of(file).toAbsolutePath().getParent();
        if (dir != null && dir.equals(absolute.getParent())) {
            return "cannot create a file in " + dir + " (" + why + ")";
        }
        return why + " (" + file + ")";
    }
}
