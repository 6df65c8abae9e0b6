package io.loopguard.agent.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static no-argument method of a {@code *Target} as a validation scenario (JaCoCo-style: the expectation
 * sits next to the code). {@link ScenarioRunner} runs it on a registered thread {@code loop-<method>} and then, the
 * same code, on an unregistered thread {@code plain-<method>}; {@link ScenarioChecks} then asserts the data file:
 * <ul>
 *   <li>each {@link Expect} matches a call site on {@code loop-<method>} whose stack contains the method,</li>
 *   <li>with {@link #exclusive()}, no other call site has the method in its stack (nesting: one call, one site),</li>
 *   <li>no call site names {@code plain-<method>}.</li>
 * </ul>
 * A scenario without {@link Expect} expects nothing at all on the registered thread either.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Scenario {
    /** No call site with this method in its stack other than the expected ones. */
    boolean exclusive() default true;

    /** Also run the scenario on an unregistered thread and expect nothing from it. */
    boolean unregisteredToo() default true;
}
