package io.loopguard.agent.install;

import java.lang.reflect.Modifier;

/**
 * Where JDK 17 and JDK 25 differ for loopguard, and where each difference is handled:
 * <ul>
 *   <li>{@code Thread.sleep(long)}, {@code Object.wait(long)}, {@code Thread.yield()} are native on 17, Java on 19+:
 *       decided here, by asking the running JDK (not by version number); on 17 the call-site rewrite
 *       ({@code NativeCallRewriter}) is switched on for application classes and for {@code java.lang.Thread}
 *       (whose {@code join} calls the native {@code wait}).</li>
 *   <li>The platform DNS resolver class and methods: {@code DnsFamily}.</li>
 *   <li>Socket implementation ({@code NioSocketImpl} on both; {@code PlainSocketImpl} gone): {@code SocketFamily}.</li>
 * </ul>
 */
final class JdkDifferences {
    private JdkDifferences() {
    }

    /** True on JDKs (17, 18) where the three methods are native and need the call-site rewrite. */
    static boolean blockingMethodsAreNative() {
        try {
            return Modifier.isNative(Thread.class.getDeclaredMethod("sleep", long.class).getModifiers())
                    || Modifier.isNative(Object.class.getDeclaredMethod("wait", long.class).getModifiers())
                    || Modifier.isNative(Thread.class.getDeclaredMethod("yield").getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
