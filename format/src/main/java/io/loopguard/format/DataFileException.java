package io.loopguard.format;

import io.loopguard.format.json.JsonException;

/**
 * A data file that cannot be read: missing, not UTF-8, not JSON, truncated, of another format, or lacking a required
 * field. The message always names the file and where the problem is, so that tools can print it as is, without a
 * stack trace: {@code <file>: <what is wrong> at line L, column C}.
 */
public final class DataFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final String problem;
    private final int line;
    private final int column;

    /** A problem at a known position (1-based line and column). */
    public DataFileException(String sourceName, String problem, int line, int column) {
        super(sourceName + ": " + problem + " at line " + line + ", column " + column);
        this.sourceName = sourceName;
        this.problem = problem;
        this.line = line;
        this.column = column;
    }

    /** Text of the file that is not JSON: the parser's words and position. */
    public DataFileException(JsonException notJson) {
        this(notJson.sourceName(), notJson.problem(), notJson.line(), notJson.column());
    }

    /** A problem without a position (e.g. the file cannot be opened); {@code cause} may be {@code null}. */
    public DataFileException(String sourceName, String problem, Throwable cause) {
        super(sourceName + ": " + problem, cause);
        this.sourceName = sourceName;
        this.problem = problem;
        this.line = 0;
        this.column = 0;
    }

    /** The file (or other source) that was read. */
    public String sourceName() {
        return sourceName;
    }

    /** What is wrong, without file name and position. */
    public String problem() {
        return problem;
    }

    /** 1-based line of the problem, 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem, 0 when unknown. */
    public int column() {
        return column;
    }
}
