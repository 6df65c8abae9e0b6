package io.loopguard.agent.catalogue;

/**
 * A family whose calls the JVM times itself and reports through JFR ({@code io.loopguard.agent.jfr.JfrSource}):
 * nothing to weave (a monitor entry or a pin is no method call the agent could wrap), and the detail is written by the
 * JFR reader from the event's own fields.
 */
abstract class JfrFamily implements BlockingFamily {
    @Override
    public final void declare(Rules rules) {
        // nothing to weave: the JVM times these calls itself
    }

    @Override
    public final String describe(Object context, SqlRegistry sql) {
        return BlockingFamily.givenDetail(context);
    }
}
