package io.loopguard.agent.install;

import java.lang.reflect.Modifier;

import io.loopguard.agent.weave.NativeCalls;

/**
 * Where JDK 17 and JDK 25 differ for loopguard, and where each difference is handled:
 * <ul>
 *   <li>{@code Thread.sleep(long)}, {@code Object.wait(long)}, {@code Thread.yield()} are native on 17, Java on 19+:
 *       decided here, by asking the running JDK (not by version number), as the {@link NativeCalls} strategy that
 *       every transformer is given (the call-site rewrite for application classes and {@code java.lang.Thread}, or
 *       nothing).</li>
 *   <li>The platform DNS resolver class and methods: {@code DnsFamily}.</li>
 *   <li>Socket implementation ({@code NioSocketImpl} on both; {@code PlainSocketImpl} gone): {@code SocketFamily}.</li>
 *   <li>How executors start threads ({@code start(ThreadContainer)} from 21): {@code ThreadLifecycleFamily}.</li>
 * </ul>
 */
final class JdkDifferences {
    private JdkDifferences() {
    }

    /** How this JDK's native blocking methods are caught; decided once, in {@code premain}. */
    static NativeCalls nativeCalls() {
        return blockingMethodsAreNative() ? new NativeCalls.Rewrite() : new NativeCalls.None();
    }

    /** True on JDKs (17, 18) where the three methods are native and need the call-site rewrite. */
    private static boolean blockingMethodsAreNative() {
        try {
            return Modifier.isNative(Thread.class.getDeclaredMethod("sleep", long.class).getModifiers())
                    || Modifier.isNative(Object.class.getDeclaredMethod("wait", long.class).getModifiers())
                    || Modifier.isNative(Thread.class.getDeclaredMethod("yield").getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
