package io.loopguard.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exempts a test (or every test of a class) from {@link NoBlockingCalls}. The reason is mandatory and must not be
 * blank: an exemption is a decision a reviewer should be able to read.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AllowBlocking {

    /** Why blocking is acceptable here, e.g. {@code "exercises the legacy JDBC path, tracked in #123"}. */
    String reason();
}
