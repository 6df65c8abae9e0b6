package io.loopguard.agent.install;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.loopguard.agent.weave.NativeCalls;
import io.loopguard.agent.weave.Prefilter;

/**
 * The transformer registered in {@code premain}, before the real one exists (it is built on the background
 * start-up thread). Once {@link #activate activated} it simply delegates.
 *
 * <p>Before that, an application class that will need weaving — a JDBC implementation, a caller of the JDK 17
 * native blocking methods, a Netty event loop, Reactor's schedulers (whose threads are recognised as they start) — makes its loading thread wait for the start-up to finish, and is
 * then woven as it loads. It cannot be left for retransformation later: a method that is already running (an event
 * loop's {@code run()}, a loop body that sleeps) keeps executing its old bytecode until it returns, which for a loop
 * is never. JDK classes are never waited for (the start-up itself loads JDK classes): those loaded meanwhile are
 * retransformed at the end of start-up. Classes that need nothing, like most of a hello world, never wait.
 */
final class DeferredTransformer implements ClassFileTransformer {
    private static final long MAX_WAIT_SECONDS = 20;
    private final CountDownLatch started = new CountDownLatch(1);
    private final ClassLoader platformLoader = ClassLoader.getPlatformClassLoader();
    private final NativeCalls nativeCalls;
    private volatile LoopGuardTransformer delegate;

    DeferredTransformer(NativeCalls nativeCalls) {
        this.nativeCalls = nativeCalls;
    }

    void activate(LoopGuardTransformer transformer) {
        delegate = transformer;
        started.countDown();
    }

    /** Start-up failed: nothing waits any longer, nothing is woven. */
    void abandon() {
        started.countDown();
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain, byte[] bytes) {
        LoopGuardTransformer transformer = delegate;
        if (transformer == null && needsWeaving(loader, className, domain, bytes)) {
            awaitStartup();
            transformer = delegate;
        }
        return transformer == null ? null : transformer.transform(loader, className, redefined, domain, bytes);
    }

    private boolean needsWeaving(ClassLoader loader, String className, ProtectionDomain domain, byte[] bytes) {
        if (className == null || loader == null || loader == platformLoader || AgentCode.isAgentClass(className, domain)) {
            return false;
        }
        if (className.startsWith("io/netty/") || className.startsWith("reactor/core/scheduler/")) {
            return true;
        }
        int candidate = Prefilter.scan(bytes);
        return (candidate & Prefilter.MAY_IMPLEMENT_JDBC) != 0
                || nativeCalls.rewrites(className, candidate);
    }

    private void awaitStartup() {
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_WAIT_SECONDS);
        while (started.getCount() > 0 && System.nanoTime() < deadline) {
            try {
                started.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
