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
        // Pinned value: the id must not change between versions, or code scanning and test history break. (It changed
        // once, when library frames were taken out of it; baselines key on ofEveryFrame and were not affected.)
        assertThat(id).isEqualTo(CallSiteId.of("sleep", "java.lang.Thread.sleep", stack(1, 2, 3)));
        assertThat(CallSiteId.of("jdbc", "java.sql.PreparedStatement.executeQuery", Samples.CONTRACT_STACK))
                .isEqualTo(PINNED_CONTRACT_ID);
    }

    static final String PINNED_CONTRACT_ID = "2ab3240e9b3ce06a";

    /**
     * A lambda's class is named by the JVM at run time (spin number, address): two runs of the same code must give
     * the same id, on JDK 17 and from JDK 21 on. Other names are taken as they are.
     */
    @Test
    void aLambdasClassCountsWithoutItsSpinNumberAndAddress() {
        List<Frame> jdk17 = List.of(new Frame("java.lang.Thread", "sleep", "Thread.java", -2),
                new Frame("demo.Routes$$Lambda$437/0x00007fe4643e32c8", "handle", null, -1),
                new Frame("demo.Routes", "lambda$start$0", "Routes.java", 19));
        List<Frame> nextRun = List.of(jdk17.get(0), new Frame("demo.Routes$$Lambda$512/0x0000000801c4a000", "handle", null, -1),
                jdk17.get(2));
        List<Frame> otherClass = List.of(jdk17.get(0), new Frame("demo.Other$$Lambda$437/0x00007fe4643e32c8", "handle",
                null, -1), jdk17.get(2));

        assertThat(CallSiteId.of("sleep", "java.lang.Thread.sleep", nextRun))
                .isEqualTo(CallSiteId.of("sleep", "java.lang.Thread.sleep", jdk17))
                .isNotEqualTo(CallSiteId.of("sleep", "java.lang.Thread.sleep", otherClass));
        assertThat(CallSiteId.ofEveryFrame("sleep", "java.lang.Thread.sleep", nextRun))
                .isEqualTo(CallSiteId.ofEveryFrame("sleep", "java.lang.Thread.sleep", jdk17));
        assertThat(CallSiteId.stableName("demo.Routes$$Lambda$437/0x00007fe4643e32c8.handle"))
                .isEqualTo("demo.Routes$$Lambda.handle");
        assertThat(CallSiteId.stableName("demo.Routes$$Lambda/0x000001f2a1b2c3d8")).isEqualTo("demo.Routes$$Lambda");
        assertThat(CallSiteId.stableName("demo.Routes$Inner$1")).isEqualTo("demo.Routes$Inner$1");
    }

    /** A stall's stack is a sample of busy code: its lines depend on the moment, so they are not part of the id. */
    @Test
    void aStallsIdIgnoresLinesButNotMethods() {
        List<Frame> sample = List.of(new Frame("org.mindrot.jbcrypt.BCrypt", "key", "BCrypt.java", 560),
                new Frame("org.mindrot.jbcrypt.BCrypt", "crypt_raw", "BCrypt.java", 624),
                new Frame("demo.Hash", "hash", "Hash.java", 45));
        List<Frame> later = List.of(new Frame("org.mindrot.jbcrypt.BCrypt", "key", "BCrypt.java", 561),
                new Frame("org.mindrot.jbcrypt.BCrypt", "crypt_raw", "BCrypt.java", 625),
                new Frame("demo.Hash", "hash", "Hash.java", 45));
        List<Frame> otherMethod = List.of(new Frame("org.mindrot.jbcrypt.BCrypt", "key", "BCrypt.java", 560),
                new Frame("org.mindrot.jbcrypt.BCrypt", "crypt_raw", "BCrypt.java", 624),
                new Frame("demo.Hash", "verify", "Hash.java", 45));
        String id = CallSiteId.of("stall", "org.mindrot.jbcrypt.BCrypt.key", sample);
        assertThat(CallSiteId.of("stall", "org.mindrot.jbcrypt.BCrypt.key", later)).isEqualTo(id);
        assertThat(CallSiteId.of("stall", "org.mindrot.jbcrypt.BCrypt.key", otherMethod)).isNotEqualTo(id);
        assertThat(CallSiteId.of("sleep", "org.mindrot.jbcrypt.BCrypt.key", later))
                .isNotEqualTo(CallSiteId.of("sleep", "org.mindrot.jbcrypt.BCrypt.key", sample));
    }

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

    /** Issue 14: a library upgrade moves lines and reshapes the library's own path: the id stays. */
    @Test
    void libraryFramesDoNotCountSoALibraryUpgradeKeepsTheId() {
        List<Frame> netty115 = List.of(new Frame("java.lang.Thread", "sleep", "Thread.java", 1),
                new Frame("demo.Handler", "handle", "Handler.java", 42),
                new Frame("io.netty.channel.AbstractChannelHandlerContext", "invokeChannelRead", "A.java", 444),
                new Frame("io.netty.channel.nio.NioEventLoop", "run", "NioEventLoop.java", 569));
        List<Frame> netty119 = List.of(new Frame("java.lang.Thread", "sleep", "Thread.java", 1),
                new Frame("demo.Handler", "handle", "Handler.java", 42),
                new Frame("io.netty.channel.AbstractChannelHandlerContext", "invokeChannelRead", "A.java", 448),
                new Frame("io.netty.channel.DefaultChannelPipeline$HeadContext", "channelRead", "D.java", 1410),
                new Frame("io.netty.channel.nio.NioEventLoop", "run", "NioEventLoop.java", 582));
        String id = CallSiteId.of("sleep", "java.lang.Thread.sleep", netty115);
        assertThat(CallSiteId.of("sleep", "java.lang.Thread.sleep", netty119)).isEqualTo(id);
        List<Frame> otherLine = List.of(netty115.get(0), new Frame("demo.Handler", "handle", "Handler.java", 43),
                netty115.get(2), netty115.get(3));
        assertThat(CallSiteId.of("sleep", "java.lang.Thread.sleep", otherLine)).isNotEqualTo(id);
    }

    @Test
    void aStackWithoutApplicationFramesKeepsTheFirstVersionsFingerprint() {
        List<Frame> library = List.of(new Frame("java.lang.Thread", "sleep", "Thread.java", 1),
                new Frame("io.netty.util.HashedWheelTimer", "start", "H.java", 10));
        assertThat(CallSiteId.of("sleep", "java.lang.Thread.sleep", library))
                .isEqualTo(CallSiteId.ofEveryFrame("sleep", "java.lang.Thread.sleep", library));
    }
}
