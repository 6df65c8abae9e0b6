package io.loopguard.agent.weave;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whether a contended monitor's wait happened inside a woven blocking method, from the monitor's stack. */
class WovenMethodsTest {

    private static final StackTraceElement HANDLER = new StackTraceElement("demo.Handler", "handle", "Handler.java", 9);

    @Test
    void aWovenMethodBelowTheContendedEntryEnclosesIt() {
        WovenMethods woven = new WovenMethods();
        woven.add("org/postgresql/jdbc/PgPreparedStatement", "executeQuery", false);

        assertThat(woven.enclose(frames(frame("org.postgresql.core.v3.QueryExecutorImpl", "execute"),
                frame("org.postgresql.jdbc.PgPreparedStatement", "executeQuery"), HANDLER))).isTrue();
        assertThat(woven.enclose(frames(frame("org.postgresql.core.v3.QueryExecutorImpl", "execute"), HANDLER)))
                .isFalse();
        assertThat(woven.enclose(new StackTraceElement[0])).isFalse();
    }

    /**
     * On top: a {@code synchronized} block inside a woven method waits inside the call; a {@code synchronized} woven
     * method waits for its monitor before its hooks run, outside the call.
     */
    @Test
    void onTopOnlyAnUnsynchronizedWovenMethodEnclosesTheWait() {
        WovenMethods woven = new WovenMethods();
        woven.add("java/lang/ProcessImpl", "waitFor", true);
        woven.add("acme/LockingDriver", "connect", false);

        assertThat(woven.enclose(frames(frame("java.lang.ProcessImpl", "waitFor"), HANDLER))).isFalse();
        assertThat(woven.enclose(frames(frame("acme.LockingDriver", "connect"), HANDLER))).isTrue();
    }

    private static StackTraceElement[] frames(StackTraceElement... frames) {
        return frames;
    }

    private static StackTraceElement frame(String className, String method) {
        return new StackTraceElement(className, method, null, -1);
    }
}
