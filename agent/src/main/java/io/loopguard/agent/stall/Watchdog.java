package io.loopguard.agent.stall;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import io.loopguard.agent.install.RuntimeBridge;
import io.loopguard.agent.looptime.LoopTimes;
import io.loopguard.agent.record.Recorder;
import io.loopguard.agent.record.StackCapture;

/**
 * The agent's one watchdog thread: every tick it reads each registered thread's busy/idle state (written by the
 * runtime's bracket around the loops' idle waits). A thread busy longer than the stall limit, not counting its time
 * in recorded blocking calls and allowed scopes (class loading) nor the JVM's stop-the-world pauses, and not inside
 * such a call right now, has its stack sampled at every tick until it goes idle. When the stretch ends it becomes
 * one {@code stall}: the stack sampled most often from the busy code's entry down ({@link BusyCode}), the frame
 * sampled on top most often as its detail, the stretch's duration (warm-up taken off: the share of samples
 * in class initialisation or loading, and a grace per class loaded meanwhile, {@link #GRACE_PER_CLASS_NANOS}). A
 * stretch during which the thread got less than half the limit of CPU time is not one: it was long because the
 * machine was overloaded (the loop waited for a core), not because of the code it ran.
 *
 * <p>The thread starts waiting for the first registration, so a JVM with no event loop never ticks. It never runs
 * on a loop and never prints; a sample ({@code Thread.getStackTrace}) costs the sampled loop a handshake of a few
 * microseconds, only while it is already stalled. At every tick it also hands each thread's state to the loop time
 * ({@link LoopTimes}); with stalls off ({@code stall=0}) that is all it does, every {@link #ACCOUNTING_TICK_NANOS}.
 * After a tick at which every registered loop was idle, as at the tick before and with none running in between, it
 * dozes ({@link #doze()}) until a loop gets busy; after one at which the loops only ran short stretches it waits two
 * ticks ({@link #nextLook}).
 */
public final class Watchdog implements Runnable {
    private static final int STATE = 8;
    /**
     * Warm-up grace per class the JVM loaded during a stretch: loading, linking, verifying and first running a class
     * in the interpreter. Measured: a cold Vert.x server's first request loads about 280 classes in 100-180 ms of
     * busy time (2-core machine under load); a password hash on a warm loop loads a few. Counted JVM-wide (no
     * per-thread count exists), so a loop busy while other threads load classes gets the grace too: at start-up a
     * stall can only be missed, never invented.
     */
    private static final long GRACE_PER_CLASS_NANOS = 1_000_000L;
    /** The tick with stalls off: how late the loop time may learn that a thread ended. */
    private static final long ACCOUNTING_TICK_NANOS = 50_000_000L;
    /**
     * The longest doze: after a look at which every registered loop was idle, the next look comes after this (or
     * half the stall limit, if shorter) unless a loop gets busy first and wakes the watchdog. Measured on this
     * project's 2-core VM (bench/results.md): an idle demo's watchdog used 189 ms of CPU per 20 s looking every
     * 10 ms, 65 ms dozing.
     */
    private static final long MAX_DOZE_NANOS = 50_000_000L;
    /** What a look found, and so when the next one comes ({@link #nextLook}). */
    private static final int BUSY = 0;
    private static final int CALM = 1;
    private static final int QUIET = 2;
    private final RuntimeBridge runtime;
    private final LoopTimes loopTimes;
    private final Recorder recorder;
    private final long limitNanos;
    private final long tickNanos;
    /** The wait after a calm look ({@link #nextLook}): two ticks where a stall is at least ten, else one. */
    private final long calmNanos;
    private final long dozeNanos;
    /** The watchdog's own thread, for {@link #catchUp()} to wake it from a doze. */
    private volatile Thread thread;
    /**
     * The JVM's management beans, made at the first registration (guarded by this object's lock): loading
     * {@code java.lang.management} costs tens of milliseconds, which a JVM that never registers a loop must not pay.
     */
    private GcPauses gc;
    private ThreadCpu cpu;
    private ClassLoadingMXBean classes;
    private final Map<Thread, BusyStretch> stretches = new IdentityHashMap<>();
    private final long[] state = new long[STATE];
    private long lastGcMillis;
    private long lastClasses;
    /** The busy time of every registered loop summed at the last look: unchanged means no loop ran since. */
    private long lastBusyTotal = -1L;
    private volatile boolean closed;
    /** Run at the start of every tick (the loop-utilization event's registration, waiting for JFR); may be null. */
    private volatile Runnable eachTick;
    /** Ticks completed, guarded by this object's lock (held by every tick). */
    private long ticks;
    /** How long {@link #catchUp()} waits at most: far more than a tick, even on a loaded machine. */
    private static final long CATCH_UP_MILLIS = 1_000L;

    private Watchdog(RuntimeBridge runtime, Recorder recorder, LoopTimes loopTimes, long limitNanos) {
        this.runtime = runtime;
        this.recorder = recorder;
        this.loopTimes = loopTimes;
        this.limitNanos = limitNanos;
        this.tickNanos = limitNanos == 0L ? ACCOUNTING_TICK_NANOS
                : Math.max(2_000_000L, Math.min(10_000_000L, limitNanos / 10));
        this.dozeNanos = limitNanos == 0L ? tickNanos : Math.max(tickNanos, Math.min(MAX_DOZE_NANOS, limitNanos / 2));
        this.calmNanos = limitNanos >= 10 * tickNanos ? 2 * tickNanos : tickNanos;
    }

    /**
     * Starts the watchdog thread, which waits for the first registered thread before it does anything.
     *
     * @param limitNanos the stall limit, 0: stalls off (the loop time is still kept)
     */
    public static Watchdog start(RuntimeBridge runtime, Recorder recorder, LoopTimes loopTimes, long limitNanos) {
        Watchdog watchdog = new Watchdog(runtime, recorder, loopTimes, limitNanos);
        Thread thread = new Thread(watchdog, "loopguard-watchdog");
        thread.setDaemon(true);
        watchdog.thread = thread;
        thread.start();
        return watchdog;
    }

    /** Sets what runs at the start of every tick, on this thread; it must not throw. */
    public void eachTick(Runnable task) {
        eachTick = task;
    }

    /**
     * Before the final data file: one last look, and every stretch already stalled ends here (a thread that ended or
     * unregistered since the last tick, or a loop still stalled as the JVM exits), up to when it was last seen busy.
     */
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (gc == null) {
            return; // never started: no loop was registered
        }
        try {
            tick();
            long gcMillis = gc.totalMillis();
            for (Map.Entry<Thread, BusyStretch> entry : stretches.entrySet()) {
                if (entry.getValue().active()) {
                    state[3] = 0L;
                    ended(entry.getKey(), entry.getValue(), gcMillis);
                }
            }
        } catch (Throwable e) {
            // never hurt the application's exit
        }
    }

    /**
     * Waits for one whole tick that starts after this call, so that a stall that ended before it is recorded (the
     * watchdog records a stall at its first look after the stretch ended), for {@code LoopGuard.recordedCallSites()}:
     * the JUnit extension's verdict of a test includes a stall the test's loop just had. At most
     * {@link #CATCH_UP_MILLIS}; at once with stalls off or before any registration.
     */
    public void catchUp() {
        if (limitNanos == 0L || closed || !runtime.everRegistered()) {
            return;
        }
        boolean interrupted = false;
        long deadline = System.nanoTime() + CATCH_UP_MILLIS * 1_000_000L;
        synchronized (this) {
            long target = ticks + 1; // no tick runs while this lock is held: the next one to complete starts later
            LockSupport.unpark(thread); // a dozing watchdog looks now, not up to a doze later
            long left;
            while (ticks < target && !closed && (left = deadline - System.nanoTime()) > 0) {
                try {
                    wait(Math.max(1L, left / 1_000_000L));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        try {
            runtime.awaitFirstRegistration();
            synchronized (this) {
                gc = new GcPauses();
                cpu = new ThreadCpu();
                classes = ManagementFactory.getClassLoadingMXBean();
                lastGcMillis = gc.totalMillis();
                lastClasses = classes.getTotalLoadedClassCount();
            }
            while (!closed) {
                int look;
                synchronized (this) {
                    look = closed ? BUSY : tick();
                    ticks++;
                    notifyAll();
                }
                nextLook(look);
            }
        } catch (InterruptedException e) {
            // JVM exit
        } catch (Throwable e) {
            // never hurt the application: stalls are simply no longer watched
        }
    }

    /**
     * One look at every registered thread. Returns {@link #QUIET} when every one of them was idle at this look and at
     * the one before, and none ran in between (the watchdog may doze); {@link #CALM} when each was idle or in a busy
     * stretch younger than a tick, and no class was loaded since the last look; else {@link #BUSY}.
     */
    private int tick() {
        Runnable task = eachTick;
        if (task != null) {
            task.run();
        }
        long gcMillis = gc.totalMillis();
        Thread[] threads = runtime.registeredThreads();
        forgetEnded(threads, gcMillis);
        boolean allIdle = true;
        boolean allYoung = true;
        long busyTotal = 0L;
        for (Thread thread : threads) {
            if (!isVirtual(thread) && runtime.loopState(thread, state)) {
                long now = System.nanoTime();
                loopTimes.observe(thread, state, now);
                busyTotal += state[6]; // busy time so far; state[0]: the current stretch's start (loopState)
                if (busy(thread, state)) {
                    allIdle = false;
                    allYoung &= now - state[0] < tickNanos;
                }
                if (limitNanos > 0L) {
                    watch(thread, gcMillis);
                }
            }
        }
        long classCount = classes.getTotalLoadedClassCount();
        boolean warm = classCount == lastClasses;
        boolean ranSince = busyTotal != lastBusyTotal;
        lastGcMillis = gcMillis;
        lastClasses = classCount;
        lastBusyTotal = allIdle ? busyTotal : -1L; // a busy loop's total grows: the next look must not find it equal
        return allIdle && !ranSince ? QUIET : allYoung && warm ? CALM : BUSY;
    }

    /**
     * Waits for the next look. After a {@link #QUIET} look it dozes. After a {@link #CALM} one the next comes after
     * two ticks instead of one: a warm loop under load (each look finds it idle or busy with a request for less than a
     * tick) cannot be in a stall yet, and half the looks are half the watchdog's cost under load, where each look
     * (a wake-up and a read of every loop's state, with caches the loops have just used) measured about 70 µs of CPU
     * (bench/results.md). What waiting two ticks can change, and why it is harmless: a stretch that starts just after
     * a calm look is first seen up to two ticks late, so its CPU time is counted from up to two ticks after its start
     * (a stall is at least ten ticks) and classes loaded in up to two ticks before it count as its warm-up grace
     * (none were loaded at the calm look: the JVM was warm); once a stretch is a tick old the looks are a tick apart
     * again, so a stall is sampled from the limit on as before. With stalls off, and with a limit under 20 ms (the
     * tick's 2-ms floor makes a stall fewer than ten ticks), every look is a tick apart.
     */
    private void nextLook(int look) {
        if (look == QUIET && dozeNanos > tickNanos) {
            doze();
        } else {
            LockSupport.parkNanos(look == BUSY ? tickNanos : calmNanos);
        }
    }

    /**
     * Sleeps up to {@link #dozeNanos} instead of a tick, woken early by the first loop to get busy (the runtime's
     * {@code busyAgain}), a new registration or {@link #catchUp()}. Then the class count is read again before the
     * next look: a stretch that starts now must not get the warm-up grace for classes other threads loaded during
     * the doze (the class count is JVM-wide). A stall is still measured from its stretch's exact start; the doze
     * only delays the first look at it by the wake-up, and its samples begin then.
     */
    private void doze() {
        runtime.watchdogDozes(Thread.currentThread());
        try {
            if (allIdleNow()) { // again after the announcement: a loop that got busy just before it is not missed
                LockSupport.parkNanos(dozeNanos);
            }
        } finally {
            runtime.watchdogDozes(null);
        }
        synchronized (this) {
            lastClasses = classes.getTotalLoadedClassCount();
        }
    }

    private boolean allIdleNow() {
        long[] look = new long[STATE];
        for (Thread thread : runtime.registeredThreads()) {
            if (!isVirtual(thread) && runtime.loopState(thread, look) && busy(thread, look)) {
                return false;
            }
        }
        return true;
    }

    /** Busy by its {@code loopState}; one that ended busy stays so in the registry until dropped, and is not. */
    private static boolean busy(Thread thread, long[] loopState) {
        return loopState[0] != 0L && thread.isAlive();
    }

    private void watch(Thread thread, long gcMillis) {
        BusyStretch stretch = stretches.get(thread);
        if (stretch == null) {
            stretch = new BusyStretch();
            stretches.put(thread, stretch);
        }
        long busySince = state[0];
        if (!thread.isAlive()) { // ended, not yet dropped by the registry
            if (stretch.active()) {
                state[3] = 0L;
                ended(thread, stretch, gcMillis);
            }
            return;
        }
        if (stretch.active() && busySince != stretch.start) {
            ended(thread, stretch, gcMillis);
        }
        if (busySince == 0L) {
            return;
        }
        if (!stretch.active()) {
            // The previous tick's pause total: pauses between it and the stretch's start are taken off too (a
            // stretch can only look shorter, never longer).
            stretch.begin(busySince, lastGcMillis);
            stretch.cpuAtStart = cpu.cpuNanos(thread);
            stretch.classesAtStart = lastClasses;
        }
        long now = System.nanoTime();
        long inCallSince = state[2];
        stretch.lastSeenBusy = now;
        stretch.lastExcluded = state[1] + (inCallSince != 0L ? now - inCallSince : 0L);
        long busy = now - busySince - stretch.lastExcluded - pausedNanos(stretch, gcMillis);
        if (busy >= limitNanos / 2) {
            stretch.lastCpu = cpu.cpuNanos(thread);
            stretch.lastClasses = classes.getTotalLoadedClassCount();
        }
        if (busy >= limitNanos && inCallSince == 0L) {
            sample(thread, stretch);
        }
    }

    private void sample(Thread thread, BusyStretch stretch) {
        // A sample that caught the loop inside the agent (recording a call) counts as the instrumented call's stack.
        StackTraceElement[] frames = StackCapture.belowAgent(thread.getStackTrace());
        // Only a sample taken inside the same stretch and outside any recorded call describes the busy code.
        if (frames.length > 0 && runtime.loopState(thread, state) && state[0] == stretch.start && state[2] == 0L) {
            stretch.sample(frames);
        }
    }

    private void ended(Thread thread, BusyStretch stretch, long gcMillis) {
        try {
            if (stretch.samples == 0) {
                return;
            }
            long end = stretch.lastSeenBusy;
            long excluded = stretch.lastExcluded;
            if (state[3] == stretch.start) { // the runtime kept this long stretch's exact end
                end = state[4];
                excluded = state[5];
            }
            long busy = end - stretch.start - excluded - pausedNanos(stretch, gcMillis);
            long warmUp = busy / stretch.samples * stretch.warmUpSamples
                    + Math.max(0L, stretch.lastClasses - stretch.classesAtStart) * GRACE_PER_CLASS_NANOS;
            BusyStretch.Votes sampled = stretch.mostFrequent();
            long onCpu = stretch.cpuAtStart < 0 || stretch.lastCpu < 0 ? -1L : stretch.lastCpu - stretch.cpuAtStart;
            boolean starvedOnly = onCpu >= 0 && onCpu < limitNanos / 2;
            if (busy - warmUp >= limitNanos && sampled != null && !starvedOnly) {
                String name = thread.getName();
                // Placed where it ended, less its length: a stretch that began with an excluded call (a plain
                // thread's first sleep) or a pause starts, as a stall, after them.
                recorder.recordStall(name, sampled.stack, sampled.busiestFrame(), end - busy, busy);
            }
        } finally {
            stretch.end();
        }
    }

    /**
     * Virtual-thread loops are not watched: a virtual thread waiting in a park is unmounted, not inside a bracketed
     * idle wait, so it would look busy (and every sample would be of a parked thread). By class name: the agent
     * compiles for JDK 17, which has no {@code Thread.isVirtual()}.
     */
    private static boolean isVirtual(Thread thread) {
        return thread.getClass().getName().equals("java.lang.VirtualThread");
    }

    private static long pausedNanos(BusyStretch stretch, long gcMillis) {
        return Math.max(0L, gcMillis - stretch.gcMillisAtStart) * 1_000_000L;
    }

    /**
     * Drops the threads no longer registered (ended or unregistered). A stretch they were stalled in ends there: a
     * plainly registered thread that spins until it ends is still one stall, up to when it was last seen busy.
     */
    private void forgetEnded(Thread[] threads, long gcMillis) {
        if (stretches.size() <= threads.length && allLive(threads)) {
            return;
        }
        Map<Thread, Boolean> live = new IdentityHashMap<>();
        for (Thread thread : threads) {
            live.put(thread, Boolean.TRUE);
        }
        for (Iterator<Map.Entry<Thread, BusyStretch>> it = stretches.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Thread, BusyStretch> entry = it.next();
            if (!live.containsKey(entry.getKey())) {
                if (entry.getValue().active()) {
                    state[3] = 0L; // no exact end known: the last time it was seen busy
                    ended(entry.getKey(), entry.getValue(), gcMillis);
                }
                it.remove();
            }
        }
    }

    private boolean allLive(Thread[] threads) {
        for (Thread thread : threads) {
            if (!stretches.containsKey(thread)) {
                return true; // a new thread: the sizes say nothing about ended ones, the loop below will check
            }
        }
        return stretches.size() == threads.length;
    }
}
