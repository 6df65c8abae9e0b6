package io.loopguard.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallSiteIdTest {

    private static List<Frame> stack(int blockingLine, int jdkLine, int appLine) {
        return List.of(new Frame("java.lang.Thread", "sleep", "Thread.java", blockingLine),
                new Frame("java.util.concurrent.ThreadPoolExecutor", "runWorker", "X.java", jdkLine),
                new Frame("demo.Handler", "handle", "Handler.java", appLine));
    }

    @Test
    void isSixteenLowerCaseHexDigitsAndStable() {
        String id = CallSiteId.of("sleep", "java.lang.Thread.sleep", stack(1, 2, 3));
        assertThat(id).matches("[0-9a-f]{16}");
        // Pinned value: the id must never change between versions, or baselines and code scanning break.
        assertThat(id).isEqualTo(CallSiteId.of("sleep", "java.lang.Thread.sleep", stack(1, 2, 3)));
        assertThat(CallSiteId.of("jdbc", "java.sql.PreparedStatement.executeQuery", Samples.CONTRACT_STACK))
                .isEqualTo(PINNED_CONTRACT_ID);
    }

    static final String PINNED_CONTRACT_ID = "d208a591b81cc30a";

    @Test
    void ignoresLinesOfBlockingFrameAndJdkFrames() {
        String id = CallSiteId.of("sleep", "java.lang.Thread.sleep", stack(1, 2, 3));
        assertThat(CallSiteId.of("sleep", "java.lang.Thread.sleep", stack(100, 200, 3))).isEqualTo(id);
        List<Frame> driverFrame0 = List.of(new Frame("org.pg.Stmt", "executeQuery", "S.java", 9),
                new Frame("demo.H", "h", "H.java", 1));
        List<Frame> driverFrame0Moved = List.of(new Frame("org.pg.Stmt", "executeQuery", "S.java", 99),
                new Frame("demo.H", "h", "H.java", 1));
        assertThat(CallSiteId.of("jdbc", "m", driverFrame0)).isEqualTo(CallSiteId.of("jdbc", "m", driverFrame0Moved));
    }

    @Test
    void differsForAnotherApplicationLineOrAnyOtherField() {
        String id = CallSiteId.of("sleep", "java.lang.Thread.sleep", stack(1, 2, 3));
        assertThat(CallSiteId.of("sleep", "java.lang.Thread.sleep", stack(1, 2, 4))).isNotEqualTo(id);
        assertThat(CallSiteId.of("wait", "java.lang.Thread.sleep", stack(1, 2, 3))).isNotEqualTo(id);
        assertThat(CallSiteId.of("sleep", "java.lang.Thread.yield", stack(1, 2, 3))).isNotEqualTo(id);
        assertThat(CallSiteId.of("sleep", "java.lang.Thread.sleep", stack(1, 2, 3).subList(0, 2))).isNotEqualTo(id);
        assertThat(CallSiteId.of("ab", "c", List.of())).isNotEqualTo(CallSiteId.of("a", "bc", List.of()));
    }
}
