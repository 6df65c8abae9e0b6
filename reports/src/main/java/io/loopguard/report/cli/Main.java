package io.loopguard.report.cli;

import io.loopguard.format.TerminalText;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar loopguard-reports.jar report|check|baseline ...}. Exit codes: 0 clean, 1 rule violations (check),
 * 2 bad input or usage. Results (violation lines, report links) go to stdout; diagnostics to stderr through SLF4J.
 * Bad input is never a stack trace: every read error is one line naming the file and the position.
 */
public final class Main {

    static final int OK = 0;
    static final int VIOLATIONS = 1;
    static final int BAD_INPUT = 2;

    static final String USAGE = String.join("\n",
            "usage: java -jar loopguard-reports.jar COMMAND [OPTIONS] FILE|DIR...",
            "  FILE is a loopguard-<pid>.json data file or a .jfr flight recording of a JVM that ran the agent; DIR stands",
            "  for the loopguard-*.json and *.jfr files in it.",
            "commands:",
            "  report   [--out DIR] [--source-roots P:P] [--source-links TEMPLATE] FILE|DIR...",
            "           writes index.html, loopguard.json, loopguard.sarif and TEST-loopguard.xml",
            "  check    [--max-sites N] [--max-blocked DURATION] [--categories LIST] [--baseline FILE]",
            "           [--allow-dropped] [--out DIR] [--source-roots P:P] [--source-links TEMPLATE] FILE|DIR...",
            "           exit 0 when clean, 1 on violations, on an agent that failed to start, or on dropped calls",
            "           (incomplete data; --allow-dropped accepts it), 2 on bad input or an internal error;",
            "           DURATION: 0, 500us, 5ms, 1s",
            "  baseline --write FILE [--prune] FILE|DIR...",
            "           records today's call sites; --prune drops entries no longer seen",
            "--app-packages P:P: packages that are the application's code (their frames are the ones reports point at),",
            "           also where they look like a library's (e.g. org.apache.myteam); default: all but known libraries",
            "--source-links: how the HTML report links frames to source, with {path} (repository-relative),",
            "           {absolutePath} and {line}, e.g. vscode://file/{absolutePath}:{line} or",
            "           https://github.com/OWNER/REPO/blob/main/{path}#L{line}; default: files found under the source roots",
            "--out defaults to the first DIR given (or the directory of the first FILE): check and report",
            "write their report files there, beside the data files, unless --out says otherwise.");

    static {
        // Configure slf4j-simple before the first logger exists: stderr, no thread or logger names.
        System.setProperty("org.slf4j.simpleLogger.logFile",
                System.getProperty("org.slf4j.simpleLogger.logFile", "System.err"));
        System.setProperty("org.slf4j.simpleLogger.showThreadName",
                System.getProperty("org.slf4j.simpleLogger.showThreadName", "false"));
        System.setProperty("org.slf4j.simpleLogger.showLogName",
                System.getProperty("org.slf4j.simpleLogger.showLogName", "false"));
    }

    private static final Logger LOG = LoggerFactory.getLogger("loopguard");

    private Main() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.out);
        } catch (Throwable e) { // run() catches everything already; this is for a failure inside that handler
            System.err.println("[loopguard] internal error: " + e);
            code = BAD_INPUT;
        }
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command and returns its exit code; results are printed to {@code out}. */
    public static int run(String[] args, PrintStream out) {
        return run(args, out, System.getenv());
    }

    /** As {@link #run(String[], PrintStream)} in the given environment (GitHub Actions output of {@code check}). */
    public static int run(String[] args, PrintStream out, java.util.Map<String, String> environment) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.println(USAGE);
            return args.length == 0 ? BAD_INPUT : OK;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "report" -> new ReportCommand(LOG, out).run(rest);
                case "check" -> new CheckCommand(LOG, out, environment).run(rest);
                case "baseline" -> new BaselineCommand(LOG, out).run(rest);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            LOG.error(TerminalText.escape(e.getMessage()));
            System.err.println(USAGE);
            return BAD_INPUT;
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            LOG.error("cannot write the report: {}", TerminalText.escape(e.toString()));
            return BAD_INPUT;
        } catch (OutOfMemoryError e) {
            // Never exit 1 ("violations") and never a stack trace: one line, exit 2.
            LOG.error("internal error: out of memory ({}); give the JVM more heap, e.g. java -Xmx2g -jar "
                    + "loopguard-reports.jar ...", TerminalText.escape(String.valueOf(e.getMessage())));
            return BAD_INPUT;
        } catch (Throwable e) {
            LOG.error("internal error: {}", TerminalText.escape(e.toString()));
            return BAD_INPUT;
        }
    }
}
