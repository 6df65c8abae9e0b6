package io.loopguard.agent.jfr;

import java.util.Arrays;

/**
 * A pinned virtual thread's JFR stack starts inside the JDK's own parking of the virtual thread
 * ({@code VirtualThread.parkOnCarrierThread}, {@code jdk.internal.*}); the contract's {@code stack[0]} is the blocking
 * API the application called ({@code Thread.sleep}, {@code LockSupport.park}, ...), so those frames are dropped.
 */
final class PinnedStacks {
    private PinnedStacks() {
    }

    static StackTraceElement[] fromBlockingCall(StackTraceElement[] frames) {
        int first = 0;
        while (first < frames.length - 1 && isParkingMachinery(frames[first].getClassName())) {
            first++;
        }
        return first == 0 ? frames : Arrays.copyOfRange(frames, first, frames.length);
    }

    private static boolean isParkingMachinery(String className) {
        return className.equals("java.lang.VirtualThread") || className.startsWith("jdk.internal.")
                || className.equals("java.lang.Continuation");
    }
}
