package io.loopguard.agent.stall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Where a stall's site starts in a sampled stack: the entry into the busy code, whatever frame the sample caught. */
class BusyCodeTest {

    private static final StackTraceElement[] HANDLER_AND_LOOP = {
            frame("com.acme.signup.SignupHandler", "hash", 45),
            frame("com.acme.signup.SignupHandler", "handle", 30),
            frame("com.acme.Routes$$Lambda$437/0x00007fe4643e32c8", "handle", -1),
            frame("com.acme.Routes", "route", 55),
            frame("io.vertx.core.impl.ContextImpl", "emit", 342),
            frame("io.netty.channel.nio.NioEventLoop", "run", 569),
            frame("java.lang.Thread", "run", 833)};

    @Test
    void aHashIsEnteredWhereTheHandlerCalledItWhicheverOfItsMethodsTheSampleCaught() {
        StackTraceElement[] inEncipher = stack(frame("org.mindrot.jbcrypt.BCrypt", "encipher", 505),
                frame("org.mindrot.jbcrypt.BCrypt", "key", 560), frame("org.mindrot.jbcrypt.BCrypt", "crypt_raw", 625),
                frame("org.mindrot.jbcrypt.BCrypt", "hashpw", 684));
        StackTraceElement[] inKey = stack(frame("org.mindrot.jbcrypt.BCrypt", "key", 560),
                frame("org.mindrot.jbcrypt.BCrypt", "crypt_raw", 624), frame("org.mindrot.jbcrypt.BCrypt", "hashpw", 684));
        StackTraceElement[] inHashpw = stack(frame("org.mindrot.jbcrypt.BCrypt", "hashpw", 684));

        assertThat(fromEntry(inEncipher)).isEqualTo(fromEntry(inKey)).isEqualTo(fromEntry(inHashpw))
                .startsWith(frame("org.mindrot.jbcrypt.BCrypt", "hashpw", 684),
                        frame("com.acme.signup.SignupHandler", "hash", 45));
    }

    @Test
    void jdkCodeOnTopIsAttributedToTheApplicationFrameThatCalledIt() {
        StackTraceElement[] inRegex = stack(frame("java.util.regex.Pattern$Curly", "match", 4338),
                frame("java.util.regex.Pattern$GroupHead", "match", 4803),
                frame("java.util.regex.Matcher", "match", 1755), frame("java.util.regex.Matcher", "matches", 712),
                frame("java.lang.String", "matches", 2837), frame("com.acme.signup.Validator", "isEmail", 12));
        StackTraceElement[] inString = stack(frame("java.lang.String", "charAt", 1512),
                frame("java.util.regex.Pattern$BmpCharProperty", "match", 3972),
                frame("java.util.regex.Matcher", "match", 1755), frame("java.util.regex.Matcher", "matches", 712),
                frame("java.lang.String", "matches", 2837), frame("com.acme.signup.Validator", "isEmail", 12));

        assertThat(fromEntry(inRegex)).isEqualTo(fromEntry(inString))
                .startsWith(frame("com.acme.signup.Validator", "isEmail", 12), HANDLER_AND_LOOP[0]);
    }

    @Test
    void theApplicationsOwnHotLoopIsEnteredAtTheLowestFrameOfItsClass() {
        StackTraceElement[] inHelper = stack(frame("com.acme.signup.Scorer", "score", 80),
                frame("com.acme.signup.Scorer$Rules", "apply", 20), frame("com.acme.signup.Scorer", "lambda$rank$0", 61),
                frame("com.acme.signup.Scorer", "rank", 60));
        StackTraceElement[] inLoop = stack(frame("com.acme.signup.Scorer", "rank", 60));

        assertThat(fromEntry(inHelper)).isEqualTo(fromEntry(inLoop))
                .startsWith(frame("com.acme.signup.Scorer", "rank", 60), HANDLER_AND_LOOP[0]);
    }

    @Test
    void aLambdasSpunClassEndsTheRunAtTheLambdasBody() {
        StackTraceElement[] frames = {frame("com.acme.Jobs", "spin", 105), frame("com.acme.Jobs", "lambda$start$2", 92),
                frame("com.acme.Jobs$$Lambda$126/0x00007faf3802ccb8", "run", -1), frame("com.acme.Jobs", "start", 40),
                frame("java.lang.Thread", "run", 833)};

        assertThat(BusyCode.entry(frames)).isEqualTo(1);
    }

    @Test
    void busyFrameworkCodeWithNoApplicationFrameStartsAtTheLibrarysFirstFrame() {
        StackTraceElement[] frames = {frame("io.netty.handler.ssl.SslHandler", "unwrap", 1300),
                frame("io.netty.handler.ssl.SslHandler", "decode", 1200),
                frame("io.netty.handler.codec.ByteToMessageDecoder", "callDecode", 500),
                frame("io.netty.channel.nio.NioEventLoop", "run", 569), frame("java.lang.Thread", "run", 833)};

        assertThat(BusyCode.entry(frames)).isEqualTo(1);
        StackTraceElement[] callingTheJdk = new StackTraceElement[frames.length + 1];
        callingTheJdk[0] = frame("java.nio.HeapByteBuffer", "get", 160);
        System.arraycopy(frames, 0, callingTheJdk, 1, frames.length);
        assertThat(BusyCode.entry(callingTheJdk)).as("the JDK's frames on top count as the library's").isEqualTo(2);
        StackTraceElement[] onlyJdk = {frame("java.lang.String", "hashCode", 2300), frame("java.util.HashMap", "hash", 338),
                frame("java.util.HashMap", "put", 610), frame("java.lang.Thread", "run", 833)};
        assertThat(BusyCode.entry(onlyJdk)).isZero();
        assertThat(BusyCode.entry(new StackTraceElement[0])).isZero();
    }

    @Test
    void nestedClassesCountWithTheirOuterClass() {
        assertThat(BusyCode.outerClass("java.util.regex.Pattern$Curly")).isEqualTo("java.util.regex.Pattern");
        assertThat(BusyCode.outerClass("com.acme.Routes")).isEqualTo("com.acme.Routes");
        assertThat(BusyCode.outerClass("Main$1")).isEqualTo("Main");
    }

    private static StackTraceElement[] fromEntry(StackTraceElement[] frames) {
        return Arrays.copyOfRange(frames, BusyCode.entry(frames), frames.length);
    }

    private static StackTraceElement[] stack(StackTraceElement... top) {
        StackTraceElement[] out = Arrays.copyOf(top, top.length + HANDLER_AND_LOOP.length);
        System.arraycopy(HANDLER_AND_LOOP, 0, out, top.length, HANDLER_AND_LOOP.length);
        return out;
    }

    private static StackTraceElement frame(String className, String method, int line) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        int dollar = simple.indexOf('$');
        String file = (dollar < 0 ? simple : simple.substring(0, dollar)) + ".java";
        return new StackTraceElement(className, method, file, line);
    }
}
