package io.loopguard.format.options;

/** A bad agent option: its message is the single {@code [loopguard]} line printed before start-up is aborted. */
public final class OptionException extends RuntimeException {
    /** What starts every line loopguard prints (the agent's stderr lines use it too). */
    public static final String PREFIX = "[loopguard] ";
    private static final long serialVersionUID = 1L;

    public OptionException(String message) {
        super(message.startsWith(PREFIX) ? message : PREFIX + message, null, false, false);
    }

    @Override
    public String toString() {
        return getMessage(); // the JVM prints the exception that aborts start-up; keep it to our one line
    }
}
