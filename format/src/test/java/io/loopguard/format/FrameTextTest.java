package io.loopguard.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrameTextTest {

    @Test
    void framesSurviveTheTextExactly() {
        List<Frame> frames = List.of(new Frame("java.lang.Thread", "sleep", "Thread.java", -2),
                new Frame("demo.Handler$1", "lambda$handle$0", null, 42),
                new Frame("demo.Weird", "<init>", "Weird (copy).kt", 7));
        String text = FrameText.format(frames);
        assertThat(text).startsWith("java.lang.Thread.sleep(Thread.java:-2)\ndemo.Handler$1.lambda$handle$0(:42)\n");
        assertThat(FrameText.parse(text)).isEqualTo(frames);
    }

    @Test
    void emptyAndNullAreNoFrames() {
        assertThat(FrameText.parse("")).isEmpty();
        assertThat(FrameText.parse(null)).isEmpty();
    }

    @Test
    void aLineThatIsNotAFrameIsNamed() {
        assertThatThrownBy(() -> FrameText.parse("a.b(F.java:1)\nnonsense\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a stack frame: nonsense");
        assertThatThrownBy(() -> FrameText.parse("a.b(F.java:x)")).hasMessage("not a stack frame: a.b(F.java:x)");
    }
}
