package io.loopguard.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails a test during which a new blocking call site (or another call of a known one) was recorded on an event-loop
 * thread. On a class, it applies to every test in it (and in its {@code @Nested} classes). Needs the loopguard agent
 * in the test JVM; without it the test fails and says how to attach it. Exempt a test with {@link AllowBlocking}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(LoopGuardExtension.class)
public @interface NoBlockingCalls {
}
