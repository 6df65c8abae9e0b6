package io.loopguard.agent.record;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.loopguard.agent.util.Glob;

/**
 * Decides, when a thread starts or is renamed, whether it is an event loop: its name matches a {@code threads} glob,
 * or (with {@code autodetect}) its class carries a framework's "never block here" marker interface: Reactor's
 * {@code reactor.core.scheduler.NonBlocking} ({@code Schedulers.parallel()}, {@code single()}) and RxJava's
 * {@code NonBlockingThread} (RxJava 2 and 3: {@code Schedulers.computation()}, {@code single()}; never
 * {@code io()}). Netty and Vert.x loops register themselves when their {@code run()} starts. Matching once per thread keeps it off the per-call hot path.
 */
public final class ThreadWatcher {
    /** Marker interfaces by name: the agent links to no framework. */
    private static final List<String> NON_BLOCKING_MARKERS = List.of(
            "reactor.core.scheduler.NonBlocking",
            "io.reactivex.rxjava3.internal.schedulers.NonBlockingThread",
            "io.reactivex.internal.schedulers.NonBlockingThread");
    private static final ClassValue<Boolean> NON_BLOCKING = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                for (Class<?> itf : c.getInterfaces()) {
                    if (NON_BLOCKING_MARKERS.contains(itf.getName())) {
                        return true;
                    }
                }
            }
            return false;
        }
    };

    private final List<Glob> globs;
    private final boolean autodetect;
    private final Consumer<Thread> register;


    public ThreadWatcher(List<String> globs, boolean autodetect, Consumer<Thread> register) {
        List<Glob> compiled = new ArrayList<>();
        for (String glob : globs) {
            compiled.add(new Glob(glob));
        }
        this.globs = List.copyOf(compiled);
        this.autodetect = autodetect;
        this.register = register;
    }

    public boolean watchesAnything() {
        return autodetect || !globs.isEmpty();
    }

    /** Target of the runtime's thread-watcher handle: {@code (Thread) void}. */
    public void threadStarting(Thread thread) {
        if (isLoop(thread)) {
            register.accept(thread);
        }
    }

    boolean isLoop(Thread thread) {
        String name = thread.getName();
        for (Glob glob : globs) {
            if (glob.matches(name)) {
                return true;
            }
        }
        return autodetect && NON_BLOCKING.get(thread.getClass());
    }
}
