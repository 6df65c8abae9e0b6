package io.loopguard.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * A blocking call that costs almost nothing by itself — {@code LockSupport.park()} with the permit already set, so it
 * returns at once — reached through as many distinct call sites as a benchmark needs: each decimal digit of
 * {@code code} picks one of ten call instructions (different bytecode indexes, so different stacks) on the way down,
 * and {@code padding} adds frames below the last digit. {@code levels} digits give {@code 10^levels} distinct sites.
 */
public final class CallSites {
    private CallSites() {
    }

    public static void at(int code, int levels, int padding) {
        if (levels == 0) {
            pad(padding);
            return;
        }
        int next = code / 10;
        int down = levels - 1;
        switch (code % 10) {
            case 0: at(next, down, padding); break;
            case 1: at(next, down, padding); break;
            case 2: at(next, down, padding); break;
            case 3: at(next, down, padding); break;
            case 4: at(next, down, padding); break;
            case 5: at(next, down, padding); break;
            case 6: at(next, down, padding); break;
            case 7: at(next, down, padding); break;
            case 8: at(next, down, padding); break;
            default: at(next, down, padding); break;
        }
    }

    private static void pad(int frames) {
        if (frames > 0) {
            pad(frames - 1);
        } else {
            block();
        }
    }

    /** A recorded {@code park} on a registered thread; on any other thread nothing but the park itself. */
    public static void block() {
        LockSupport.unpark(Thread.currentThread());
        LockSupport.park();
    }

    /**
     * A throwable made {@code frames} frames below the caller, with nothing recorded: the VM's stack walk alone, which
     * a recorded call's site key needs. {@code throwable(5)} makes it as deep as {@code at(code, 0, 0)}'s recorded
     * {@code park} makes the runtime's (the park and the runtime's two frames above {@code block}).
     */
    public static Throwable throwable(int frames) {
        return frames > 0 ? throwable(frames - 1) : new Throwable();
    }
}
