package io.loopguard.agent.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StackCaptureTest {
    @Test
    void keysTellApartMethodsThatBlockAtTheSameLine() {
        StackTraceElement[] a = {new StackTraceElement("java.lang.Thread", "sleep", null, -2), new StackTraceElement("x.Y", "a", "Y.java", 5)};
        StackTraceElement[] b = {new StackTraceElement("java.lang.Thread", "sleep", null, -2), new StackTraceElement("x.Y", "b", "Y.java", 5)};
        assertThat(StackCapture.key(1, a)).isNotEqualTo(StackCapture.key(1, b));
        assertThat(StackCapture.key(1, a)).isEqualTo(StackCapture.key(1, a.clone()));
    }

    @Test
    void aSampleTakenInsideTheAgentStartsAtTheInstrumentedMethodBelowIt() {
        StackTraceElement[] sampled = {
            new StackTraceElement("java.lang.Throwable", "fillInStackTrace", null, -2),
            new StackTraceElement("java.lang.Throwable", "<init>", null, 256),
            new StackTraceElement("java.lang.$LoopGuard$LoopThread", "exit", null, 215),
            new StackTraceElement("java.util.concurrent.ConcurrentHashMap", "get", null, 9),
            new StackTraceElement("io.loopguard.agent.record.Recorder", "record", null, 80),
            new StackTraceElement("java.lang.$LoopGuard", "exit", null, 98),
            new StackTraceElement("java.util.concurrent.locks.LockSupport", "park", null, 342),
            new StackTraceElement("app.Handler", "handle", "Handler.java", 12)};
        StackTraceElement[] stack = StackCapture.belowAgent(sampled);
        assertThat(stack).extracting(StackTraceElement::getMethodName).containsExactly("park", "handle");
    }

    @Test
    void aSampleOutsideTheAgentIsKeptWhole() {
        StackTraceElement[] sampled = {
            new StackTraceElement("app.Hog", "spin", "Hog.java", 3),
            new StackTraceElement("app.Handler", "handle", "Handler.java", 12)};
        assertThat(StackCapture.belowAgent(sampled)).containsExactly(sampled);
        assertThat(StackCapture.belowAgent(new StackTraceElement[] {
            new StackTraceElement("java.lang.$LoopGuard", "exit", null, 98)})).isEmpty();
    }
}
