package io.loopguard.agent.catalogue;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * The SQL each prepared statement was created with, captured at the return of {@code Connection.prepareStatement}
 * on every thread (statements are often prepared off the loop and executed on it).
 *
 * <p>Keys are weak and compared by identity: a statement the application dropped is forgotten with it, and a
 * driver's or pool proxy's own {@code equals}/{@code hashCode} (which may do work, or throw) is never called.
 * Striped locks keep concurrent prepares from contending on one monitor.
 */
public final class SqlRegistry {
    private static final int STRIPES = 16;
    private final Stripe[] stripes = new Stripe[STRIPES];

    public SqlRegistry() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe();
        }
    }

    /** Target of the runtime's {@code sqlCapture} handle. */
    public void prepared(Object statement, String sql) {
        stripe(statement).put(statement, sql);
    }

    public String sqlOf(Object statement) {
        return statement == null ? null : stripe(statement).get(statement);
    }

    private Stripe stripe(Object statement) {
        return stripes[System.identityHashCode(statement) & (STRIPES - 1)];
    }

    private static final class Stripe {
        private final Map<Key, String> map = new HashMap<>();
        private final ReferenceQueue<Object> cleared = new ReferenceQueue<>();

        synchronized void put(Object statement, String sql) {
            for (Object stale; (stale = cleared.poll()) != null; ) {
                map.remove(stale);
            }
            map.put(new Key(statement, cleared), sql);
        }

        synchronized String get(Object statement) {
            return map.get(new Key(statement, null));
        }
    }

    /** A weak reference that hashes and compares by the identity of its referent. */
    private static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            Object referent = get();
            return other instanceof Key && referent != null && referent == ((Key) other).get();
        }
    }
}
