package io.loopguard.agent.catalogue;

import java.lang.invoke.MethodHandle;

/**
 * The SQL a prepared statement was created with, for the detail of a JDBC call: asked of the runtime, which keeps it
 * per registered thread, captured at the return of {@code Connection.prepareStatement} (the runtime's
 * {@code LoopThread#prepared} says why there and not in a JVM-wide map here).
 *
 * <p>What follows for users: the SQL is known for a statement the same event-loop thread prepared shortly before
 * (among its last eight), the usual prepare-then-execute in one handler. A statement prepared on another thread, or
 * long before, is reported without its SQL (the stack still names the code). Never the driver's {@code toString()},
 * which shows bound values.
 */
public final class SqlRegistry {
    private final MethodHandle preparedSql;

    /** @param preparedSql {@code (Object statement) String}, answered for the current thread */
    public SqlRegistry(MethodHandle preparedSql) {
        this.preparedSql = preparedSql;
    }

    /** The SQL the current thread prepared {@code statement} with, or null. Never throws. */
    public String sqlOf(Object statement) {
        if (statement == null || preparedSql == null) {
            return null;
        }
        try {
            return (String) preparedSql.invokeExact(statement);
        } catch (Throwable e) {
            return null;
        }
    }
}
