package io.loopguard.report.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UriTextTest {

    @Test
    void ordinaryPathsAreUnchangedAndTheRestIsPercentEncoded() {
        assertThat(UriText.path("src/main/java/demo/A.java")).isEqualTo("src/main/java/demo/A.java");
        assertThat(UriText.path("demo/Outer$Inner.java")).isEqualTo("demo/Outer$Inner.java");
        assertThat(UriText.path("my dir/<A>.java")).isEqualTo("my%20dir/%3CA%3E.java");
        assertThat(UriText.path("100%/\u00e9t\u00e9.java")).isEqualTo("100%25/%C3%A9t%C3%A9.java");
        assertThat(UriText.path("a\"b#c?d")).isEqualTo("a%22b%23c%3Fd");
    }
}
