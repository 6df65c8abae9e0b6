package io.loopguard.report.cli;

import io.loopguard.report.ReportFiles;
import io.loopguard.report.check.Checker;
import io.loopguard.report.check.Rules;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;

/** {@code report [--out DIR] [--source-roots P:P] [--source-links TEMPLATE] FILE|DIR...}. */
final class ReportCommand {

    private final Logger log;
    private final PrintStream out;

    ReportCommand(Logger log, PrintStream out) {
        this.log = log;
        this.out = out;
    }

    int run(List<String> args) throws UsageException, IOException {
        Arguments a = Arguments.parse(args, Set.of("out", "source-roots", "source-links", "app-packages"), Set.of());
        Inputs.applicationPackages(a.get("app-packages"));
        List<Path> inputs = a.requireInputs();
        Inputs.Loaded loaded = Inputs.load(inputs, log);
        if (loaded == null) {
            return Main.BAD_INPUT;
        }
        Path outDir = Inputs.outDir(a.get("out"), inputs);
        // Without check options the report judges by the defaults (no blocking call site at all).
        Path html = ReportFiles.writeAll(loaded.report(), Checker.check(loaded.report(), Rules.strict(), null),
                Inputs.sources(a.get("source-roots"), a.get("source-links")), ReportFiles.toolVersion(), outDir,
                log::warn);
        out.println(loaded.report().callSites().size() + " blocking call sites on event-loop threads. "
                + "See the report at: " + html.toAbsolutePath().toUri());
        return loaded.clean() ? Main.OK : Main.BAD_INPUT;
    }
}
