package io.loopguard.report.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.format.CallSite;
import io.loopguard.format.Frame;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackFramesTest {

    private static CallSite site(String category, Frame... stack) {
        return new CallSite("id", category, stack[0].className() + "." + stack[0].methodName(), null, List.of("l"), 1,
                1, 1, 1, Instant.EPOCH, Instant.EPOCH, List.of(stack));
    }

    private static final Frame KEY = new Frame("org.mindrot.jbcrypt.BCrypt", "key", "BCrypt.java", 560);
    private static final Frame HASHPW = new Frame("org.mindrot.jbcrypt.BCrypt", "hashpw", "BCrypt.java", 684);
    private static final Frame HANDLER = new Frame("demo.http.HashEndpoints", "hash", "HashEndpoints.java", 45);
    private static final Frame ROUTES = new Frame("demo.http.Routes", "handle", "Routes.java", 55);
    private static final Frame LOOP = new Frame("io.netty.channel.nio.NioEventLoop", "run", "NioEventLoop.java", 569);

    @Test
    void aStallInAnUnlistedLibraryPointsAtTheHandlerThatCalledIt() {
        assertThat(StackFrames.primaryFrameIndex(site("stall", KEY, HASHPW, HANDLER, ROUTES, LOOP))).isEqualTo(2);
    }

    @Test
    void aStallInTheApplicationsOwnLoopPointsAtThatLoop() {
        Frame spin = new Frame("demo.http.Prices", "recompute", "Prices.java", 88);
        Frame caller = new Frame("demo.http.Prices", "handle", "Prices.java", 20);
        assertThat(StackFrames.primaryFrameIndex(site("stall", spin, caller, LOOP))).isEqualTo(0);
    }

    @Test
    void aBlockingCallKeepsItsFirstApplicationFrame() {
        Frame sleep = new Frame("java.lang.Thread", "sleep", "Thread.java", -2);
        assertThat(StackFrames.primaryFrameIndex(site("sleep", sleep, KEY, HANDLER, LOOP))).isEqualTo(1);
    }
}
