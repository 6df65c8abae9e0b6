package io.loopguard.agent.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlobTest {
    @Test
    void starMatchesAnyRunAndQuestionMarkOneCharacter() {
        assertThat(new Glob("vert.x-eventloop-thread-*").matches("vert.x-eventloop-thread-12")).isTrue();
        assertThat(new Glob("loop-?").matches("loop-1")).isTrue();
        assertThat(new Glob("loop-?").matches("loop-12")).isFalse();
        assertThat(new Glob("*").matches("")).isTrue();
        assertThat(new Glob("a*b*c").matches("a--b--c")).isTrue();
        assertThat(new Glob("a*b*c").matches("a--c--b")).isFalse();
        assertThat(new Glob("main").matches("main")).isTrue();
        assertThat(new Glob("main").matches("Main")).isFalse();
        assertThat(new Glob("x").matches(null)).isFalse();
    }
}
