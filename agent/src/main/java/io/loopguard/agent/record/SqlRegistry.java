package io.loopguard.agent.record;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * The SQL each prepared statement was created with, captured at the return of {@code Connection.prepareStatement}
 * on every thread (statements are often prepared off the loop and executed on it). Weak keys: a statement the
 * application dropped is forgotten with it. Striped locks keep concurrent prepares from contending on one monitor.
 */
public final class SqlRegistry {
    private static final int STRIPES = 16;
    @SuppressWarnings("unchecked")
    private final Map<Object, String>[] stripes = new Map[STRIPES];

    public SqlRegistry() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new WeakHashMap<>();
        }
    }

    /** Target of the runtime's {@code sqlCapture} handle. */
    public void prepared(Object statement, String sql) {
        Map<Object, String> stripe = stripe(statement);
        synchronized (stripe) {
            stripe.put(statement, sql);
        }
    }

    public String sqlOf(Object statement) {
        Map<Object, String> stripe = stripe(statement);
        synchronized (stripe) {
            return stripe.get(statement);
        }
    }

    private Map<Object, String> stripe(Object statement) {
        return stripes[System.identityHashCode(statement) & (STRIPES - 1)];
    }
}
