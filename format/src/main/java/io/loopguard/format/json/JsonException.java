package io.loopguard.format.json;

/**
 * Text that is not JSON (or nests too deep): what is wrong and where. The data-file and baseline readers turn it into
 * their own error with the same words, so a user sees one message shape whatever was wrong with a file.
 */
public final class JsonException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final String problem;
    private final int line;
    private final int column;

    /** A problem at a 1-based line and column of {@code sourceName}. */
    public JsonException(String sourceName, String problem, int line, int column) {
        super(sourceName + ": " + problem + " at line " + line + ", column " + column);
        this.sourceName = sourceName;
        this.problem = problem;
        this.line = line;
        this.column = column;
    }

    /** The file (or other source) that was parsed. */
    public String sourceName() {
        return sourceName;
    }

    /** What is wrong, without source name and position. */
    public String problem() {
        return problem;
    }

    /** 1-based line of the problem. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem. */
    public int column() {
        return column;
    }
}
