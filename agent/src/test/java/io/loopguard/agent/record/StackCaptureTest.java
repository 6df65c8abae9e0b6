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
}
