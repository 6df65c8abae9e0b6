package io.loopguard.agent.install;

import java.util.EnumSet;

import io.loopguard.agent.weave.NativeCalls;
import io.loopguard.agent.weave.NativeMethod;

/**
 * Where JDK 17 and JDK 25 differ for loopguard, and where each difference is handled:
 * <ul>
 *   <li>Blocking methods that are native on some JDKs ({@link NativeMethod}): {@code Thread.sleep(long)},
 *       {@code Object.wait(long)}, {@code Thread.yield()} are native on 17 and 18, Java from 19;
 *       {@code RandomAccessFile.length()}, {@code setLength(long)} and {@code FileDescriptor.sync()} are native up to
 *       21, Java from 22. Decided here, method by method, by asking the running JDK (not by version number), as the
 *       {@link NativeCalls} strategy that every transformer is given (the call-site rewrite of the methods that are
 *       native, for application classes and {@code java.lang.Thread}, or nothing). Where a method is Java, its
 *       family's advice reaches it and the same call is caught there instead.</li>
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
        EnumSet<NativeMethod> natives = EnumSet.noneOf(NativeMethod.class);
        for (NativeMethod method : NativeMethod.values()) {
            if (method.isNativeHere()) {
                natives.add(method);
            }
        }
        return natives.isEmpty() ? new NativeCalls.None() : new NativeCalls.Rewrite(natives);
    }
}
