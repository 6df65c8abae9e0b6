package io.loopguard.agent.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One call site a {@link Scenario} must produce on its registered thread. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Expect.List.class)
public @interface Expect {
    /** The contract's category, e.g. {@code sleep}. */
    String category();

    /** The public API the scenario called, e.g. {@code java.lang.Thread.sleep}. */
    String method();

    /** Real blocking time of the call: {@code minNanos} must be at least this (minus 2 % clock slack). */
    long minMillis() default 0;

    /** Exact {@code detail}; {@code ${key}} is replaced by the target's fact {@code key} (e.g. a temp file path). */
    String detail() default "\u0000";

    /** Strings {@code detail} must contain. */
    String[] detailContains() default {};

    /** Strings {@code detail} must not contain (e.g. SQL literals). */
    String[] detailExcludes() default {};

    /** Exact {@code count}, or -1 for any. */
    long count() default -1;

    /** Container of repeated {@link Expect}s. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        Expect[] value();
    }
}
