package io.loopguard.agent;

/** A bad agent option: its message is the single {@code [loopguard]} line printed before start-up is aborted. */
public final class OptionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OptionException(String message) {
        super(message.startsWith(Stderr.PREFIX) ? message : Stderr.PREFIX + message, null, false, false);
    }

    @Override
    public String toString() {
        return getMessage(); // the JVM prints the exception that aborts start-up; keep it to our one line
    }
}
