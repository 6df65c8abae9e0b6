package io.loopguard.format.options;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The frame-pattern syntax the {@code allow} option accepts (moved here with the option parsing). */
class FramePatternsTest {

    @Test
    void explainsMalformedPatterns() {
        assertThat(FramePatterns.problem("com.acme.Boot#init")).isNull();
        assertThat(FramePatterns.problem("org.legacy.*")).isNull();
        assertThat(FramePatterns.problem("*#<clinit>")).isNull();
        assertThat(FramePatterns.problem("com.acme.Boot#")).isNotNull();
        assertThat(FramePatterns.problem("com acme")).isNotNull();
        assertThat(FramePatterns.problem("a#b#c")).isNotNull();
    }
}
