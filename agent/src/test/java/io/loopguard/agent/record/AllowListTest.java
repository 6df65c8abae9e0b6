package io.loopguard.agent.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.loopguard.format.Category;
import io.loopguard.format.Frame;

class AllowListTest {
    private static List<Frame> stack(String... frames) {
        return java.util.Arrays.stream(frames).map(f -> new Frame(f.substring(0, f.indexOf('#')), f.substring(f.indexOf('#') + 1), null, 1)).toList();
    }

    @Test
    void matchesMethodClassNestedClassAndPackageForms() {
        AllowList allow = new AllowList(List.of("com.acme.Boot#init", "com.acme.Config", "org.legacy.*"));
        assertThat(allow.allows(stack("java.io.FileInputStream#read", "com.acme.Boot#init"))).isTrue();
        assertThat(allow.allows(stack("java.io.FileInputStream#read", "com.acme.Boot#run"))).isFalse();
        assertThat(allow.allows(stack("java.io.FileInputStream#read", "com.acme.Config$Loader#load"))).isTrue();
        assertThat(allow.allows(stack("java.io.FileInputStream#read", "com.acme.ConfigX#load"))).isFalse();
        assertThat(allow.allows(stack("java.io.FileInputStream#read", "org.legacy.deep.Dao#find"))).isTrue();
    }

    @Test
    void defaultsCoverClassInitialisationAndTheLoopsOwnMachinery() {
        AllowList allow = new AllowList(List.of());
        assertThat(allow.allows(stack("java.io.FileInputStream#read", "io.netty.util.NetUtil#<clinit>"))).isTrue();
        assertThat(allow.allows(stack("java.util.concurrent.LinkedBlockingQueue#take", "java.util.concurrent.ThreadPoolExecutor#getTask"))).isTrue();
        assertThat(allow.allows(stack("java.lang.Thread#sleep", "com.acme.Handler#handle"))).isFalse();
    }

    @Test
    void jfrRegisteringAnEventClassIsAllowedEvenAsAPinButAClassInitializerAloneIsNot() {
        AllowList allow = new AllowList(List.of());
        List<Frame> registering = stack("jdk.jfr.internal.MetadataRepository#register",
                "jdk.jfr.FlightRecorder#register", "io.netty.buffer.AllocateBufferEvent#<clinit>",
                "io.netty.buffer.AdaptivePoolingAllocator$AdaptiveByteBuf#init");
        assertThat(allow.allows(registering, Category.PINNING)).isTrue();
        assertThat(allow.allows(registering, Category.MONITOR)).isTrue();
        assertThat(allow.allows(stack("java.io.FileInputStream#read", "io.netty.util.NetUtil#<clinit>"),
                Category.PINNING)).as("a pin inside a class initializer is a pin").isFalse();
    }

    @Test
    void frameworkAllowancesNameTheInnermostMatchAndAreNotSilentDefaults() {
        AllowList allow = new AllowList(List.of());
        List<Frame> handshake = stack("java.io.FileInputStream#read", "sun.security.ssl.SSLEngineImpl#unwrap",
                "io.netty.handler.ssl.SslHandler#handshake", "io.netty.channel.nio.NioEventLoop#run");
        assertThat(allow.allows(handshake)).as("recorded, not dropped").isFalse();
        assertThat(allow.frameworkAllowance(handshake, Category.FILE))
                .isEqualTo("netty: sun.security.ssl.SSLEngineImpl#unwrap");
        assertThat(allow.frameworkAllowance(handshake, Category.PINNING)).as("a pin is a pin").isNull();
        assertThat(allow.frameworkAllowance(handshake, Category.STALL)).as("CPU, not a blocking call").isNull();
        assertThat(allow.frameworkAllowance(stack("java.lang.Thread#sleep", "com.acme.Handler#handle"), Category.SLEEP))
                .isNull();
        assertThat(allow.allows(stack("java.util.concurrent.CountDownLatch#await", "io.netty.util.HashedWheelTimer#start",
                "com.acme.Handler#handle"))).as("Netty's machinery is a silent default").isTrue();
    }

    @Test
    void denyDisallowsInsideAnAllowedMethodAndTheInnermostMarkerDecides() {
        AllowList allow = new AllowList(List.of("com.acme.Outer#run"));
        allow.deny(List.of("com.acme.Outer#callback"));
        assertThat(allow.allows(stack("java.lang.Thread#sleep", "com.acme.Outer#run"))).isTrue();
        assertThat(allow.allows(stack("java.lang.Thread#sleep", "com.acme.App#onEvent", "com.acme.Outer#callback",
                "com.acme.Outer#run"))).as("denied inside the allowed method").isFalse();
        assertThat(allow.allows(stack("java.lang.Thread#sleep", "com.acme.Outer#run", "com.acme.Outer#callback",
                "com.acme.Outer#run"))).as("allowed again inside the denied callback").isTrue();
        assertThat(allow.allows(stack("java.io.FileInputStream#read", "io.netty.util.NetUtil#<clinit>",
                "com.acme.Outer#callback"))).as("a default inside the deny still allows").isTrue();
        allow.deny(List.of("com.acme.Handler#onTls"));
        List<Frame> handshake = stack("java.io.FileInputStream#read", "com.acme.Handler#onTls",
                "io.netty.handler.ssl.SslHandler#handshake");
        assertThat(allow.frameworkAllowance(handshake, Category.FILE)).as("deny beats a framework allowance").isNull();
    }
}
