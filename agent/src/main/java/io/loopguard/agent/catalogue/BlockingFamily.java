package io.loopguard.agent.catalogue;

import java.util.List;

import io.loopguard.format.Category;
import io.loopguard.format.Frame;

/**
 * One blocking API family — everything loopguard knows about it, in one class: what to weave, how to describe a
 * call's context, whether a call would block right now, which of its calls are JDK machinery, and which frames are
 * allowed by default. The families are listed in {@link Families}; adding one is one class plus one line there.
 *
 * <p>When each part runs, and so what it may cost:
 * <ul>
 *   <li>{@link #declare} and {@link #allowDefaults}: once, on the agent's start-up thread (never on the JVM's
 *       start-up path). No lambdas, no {@code String.format}, no regex: plain lists of names.</li>
 *   <li>{@link #describe} and {@link #isMachinery}: once per new call site, on the recording thread, under the
 *       runtime's call-depth guard (whatever they do is not recorded).</li>
 *   <li>{@link #wouldBlock}: before every call of a {@code CONDITIONAL} site in {@code mode=throw}, so it must be a
 *       few field reads. The family is found through the {@link Site} of the call (resolved when the site was
 *       interned), never searched.</li>
 * </ul>
 * None of this runs inside {@code java.base}: the bootstrap runtime only sees the site int and its flags
 * ({@code SiteFlags}), so a family never has to be bootstrap-visible.
 */
public interface BlockingFamily {
    /** The contract category its calls are reported under; null for a family that only hooks or only allows. */
    Category category();

    /** Declares the methods to weave (timed calls and plain hooks), on {@code rules}. */
    void declare(Rules rules);

    /**
     * The JVM's and frameworks' own machinery around this family that is never a blocking call of the application.
     * Each is one entry of the built-in allow-list; those that name an exact method are also woven as allowed
     * scopes (cheaper: nothing inside them is recorded, no stack is walked).
     */
    default List<AllowDefault> allowDefaults() {
        return List.of();
    }

    /**
     * The contract's {@code detail} for the object a call handed to the runtime (its {@code ContextSource}), or null.
     * Only public JDK API; may throw (the caller turns any failure into "no detail").
     *
     * @param context never null
     * @param sql     what {@code Connection.prepareStatement} was given, per statement (only JDBC reads it)
     */
    default String describe(Object context, SqlRegistry sql) throws Exception {
        return null;
    }

    /**
     * {@link #describe} for a family whose recorder is handed the detail itself, as text (JFR's monitor and pin
     * fields, the watchdog's busiest frame).
     */
    static String givenDetail(Object context) {
        return context instanceof String ? (String) context : null;
    }

    /**
     * For {@code mode=throw}: would this call block right now? Asked only for sites declared {@code CONDITIONAL}
     * (a lock, future, queue or join counts only if it waits), before the call starts, because the error may only
     * be thrown at the public API, never from a park inside the JDK's lock internals (that corrupts their state,
     * BlockHound issue #38). A target the family does not know is let through (false): recorded if it waits.
     */
    default boolean wouldBlock(Site site, Object target) {
        return false;
    }

    /**
     * Whether this recorded call is JDK machinery rather than a call of the application (decided once per call
     * site, from its stack; {@code stack[0]} is the blocking method). Such sites are kept but never reported.
     */
    default boolean isMachinery(Site site, List<Frame> stack) {
        return false;
    }
}
