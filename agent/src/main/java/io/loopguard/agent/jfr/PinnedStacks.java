package io.loopguard.agent.jfr;

import java.util.Arrays;

/**
 * A pinned virtual thread's JFR stack starts inside the JDK's own parking of the virtual thread
 * ({@code VirtualThread.parkOnCarrierThread}, {@code jdk.internal.*}) and the blocking API's private helpers
 * ({@code Thread.sleepNanos}); the contract's {@code stack[0]} is the blocking API the application called
 * ({@code Thread.sleep}, {@code LockSupport.park}, ...), so those frames are dropped.
 */
final class PinnedStacks {
    private PinnedStacks() {
    }

    static StackTraceElement[] fromBlockingCall(StackTraceElement[] frames) {
        int first = 0;
        while (first < frames.length - 1 && isParkingMachinery(frames[first].getClassName())) {
            first++;
        }
        // Then the blocking API's own inner frames (Thread.sleepNanos under Thread.sleep): its outermost frame is
        // the method the application called, as for a woven call.
        while (first < frames.length - 1 && frames[first + 1].getClassName().equals(frames[first].getClassName())) {
            first++;
        }
        return first == 0 ? frames : Arrays.copyOfRange(frames, first, frames.length);
    }

    private static boolean isParkingMachinery(String className) {
        return className.equals("java.lang.VirtualThread") || className.startsWith("jdk.internal.")
                || className.equals("java.lang.Continuation");
    }
}
