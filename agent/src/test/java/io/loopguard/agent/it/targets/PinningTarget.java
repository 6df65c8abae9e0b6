package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.loopguard.LoopGuard;
import java.lang.reflect.Method;

/**
 * Virtual threads (JDK 21+) that block while pinned to their carrier. Each runs on a virtual thread named after
 * its case; the {@code registered} ones register themselves through the API first. On JDK 17 there are no virtual
 * threads: the target says so and does nothing. Compiled for 17, so the JDK 21 API is reached by reflection.
 */
public final class PinningTarget {

    /** Blocks in its static initializer: a virtual thread that triggers it stays pinned, even after JEP 491. */
    public static final class SlowInit {
        static {
            try {
                Thread.sleep(60);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void touch() {
        }
    }

    static final class SlowInitToo {
        static {
            try {
                Thread.sleep(60);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void touch() {
        }
    }

    static final Object MONITOR = new Object();

    public static void main(String[] args) throws Exception {
        if (Runtime.version().feature() < 21) {
            fact("virtualThreads", "false");
            return;
        }
        fact("virtualThreads", "true");
        Thread warm = new Thread(() -> LoopGuard.register(Thread.currentThread()), "warm-up");
        warm.start();
        warm.join();
        LoopGuard.recordedCallSites(); // waits until the JFR stream, started by that registration, runs
        virtual("vt-registered-classInit", true, PinningTarget::pinnedInClassInit);
        virtual("vt-plain-classInit", false, PinningTarget::pinnedInOtherClassInit);
        virtual("vt-registered-synchronized", true, PinningTarget::sleepInSynchronized);
        fact("scenarios.done", "true");
        System.exit(0);
    }

    static void pinnedInClassInit() {
        SlowInit.touch();
    }

    static void pinnedInOtherClassInit() {
        SlowInitToo.touch();
    }

    /** Pins on JDK 21-23; since JEP 491 (JDK 24) a virtual thread unmounts inside synchronized: no pin. */
    static void sleepInSynchronized() {
        synchronized (MONITOR) {
            try {
                Thread.sleep(60);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void virtual(String name, boolean register, Runnable body) throws Exception {
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        Class<?> builderType = Class.forName("java.lang.Thread$Builder");
        builder = builderType.getMethod("name", String.class).invoke(builder, name);
        Method start = builderType.getMethod("start", Runnable.class);
        Thread thread = (Thread) start.invoke(builder, (Runnable) () -> {
            if (register) {
                LoopGuard.register(Thread.currentThread());
            }
            body.run();
        });
        thread.join();
    }

    private PinningTarget() {
    }
}
