package io.loopguard.agent.install;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.loopguard.format.options.AgentOptions;
import io.loopguard.agent.Stderr;
import io.loopguard.agent.catalogue.Catalogue;
import io.loopguard.agent.catalogue.JdbcFamily;
import io.loopguard.agent.catalogue.SiteTable;
import io.loopguard.agent.catalogue.SqlRegistry;
import io.loopguard.agent.jfr.JfrSource;
import io.loopguard.agent.output.Output;
import io.loopguard.agent.record.Recorder;
import io.loopguard.agent.events.LoopUtilizationEvents;
import io.loopguard.agent.looptime.LoopTimes;
import io.loopguard.agent.looptime.LoopUtilization;
import io.loopguard.agent.stall.Watchdog;
import io.loopguard.agent.record.ThreadWatcher;
import io.loopguard.agent.weave.BootClasses;
import io.loopguard.agent.weave.ClassWeaver;
import io.loopguard.agent.weave.NativeCalls;
import io.loopguard.agent.weave.TypeHierarchy;
import io.loopguard.agent.weave.WovenMethods;

/**
 * Wires the agent together. Only two things happen on the JVM's start-up path, before {@code main}: the runtime is
 * defined inside {@code java.base} (the {@code LoopGuard} API must find it from the first line of {@code main}) and
 * the exit hook is registered. The rest — building the catalogue, loading ASM, retransforming the JDK classes —
 * runs on the {@code loopguard-init} thread, in parallel with the application's own start-up.
 *
 * <p>Nothing can be missed by that: a call is only recorded on a registered thread, and registering a thread waits
 * until the weaving is done ({@code Hooks.ready}). Classes the application loads in the meantime are retransformed
 * at the end, or woven as they load after waiting for the start-up ({@link DeferredTransformer}). With
 * {@code threads} globs, start-up is done synchronously instead: a thread matched by name may start (or already
 * run, like {@code main}) and block before a background start-up would have hooked {@code Thread.start}.
 *
 * <p>Order inside the start-up matters: hooks before weaving (so the first woven call can record), the transformer
 * before retransformation (so it applies), readiness before registering threads.
 */
public final class Installer implements Runnable {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private final Instrumentation inst;
    private final AgentOptions options;
    private final Class<?> hooks;
    private final NativeCalls nativeCalls;
    private final DeferredTransformer deferred;
    private final Output output;
    private final LateEvents lateEvents = new LateEvents();

    private Installer(Instrumentation inst, AgentOptions options, Class<?> hooks, NativeCalls nativeCalls,
                      DeferredTransformer deferred, Output output) {
        this.inst = inst;
        this.options = options;
        this.hooks = hooks;
        this.nativeCalls = nativeCalls;
        this.deferred = deferred;
        this.output = output;
    }

    /**
     * Test hook, not an option: {@code -Dio.loopguard.test.failStart=start} (or {@code =install}) makes the start-up
     * fail with an internal error right there (in {@code premain}, or in the start-up proper), the only way to check
     * deterministically that a failed start leaves a data file with {@code agentError}. Deliberately outside the
     * {@code loopguard.*} namespace of the options.
     */
    static final String FAIL_START = "io.loopguard.test.failStart";

    private static void testHook(String stage) {
        if (stage.equals(System.getProperty(FAIL_START))) {
            throw new IllegalStateException("start-up failure injected by -D" + FAIL_START + "=" + stage);
        }
    }

    public static void start(Instrumentation inst, AgentOptions options) throws Exception {
        Output output = Output.prepare(options); // first: a failure below must still leave a data file that says so
        try {
            testHook("start");
            Class<?> hooks = RuntimeInjector.inject(inst);
            NativeCalls nativeCalls = JdkDifferences.nativeCalls(); // chosen once, for every transformer
            DeferredTransformer deferred = new DeferredTransformer(nativeCalls);
            inst.addTransformer(deferred, true);
            Installer installer = new Installer(inst, options, hooks, nativeCalls, deferred, output);
            if (!options.threads().isEmpty()) {
                installer.run();
            } else {
                Thread init = new Thread(installer, "loopguard-init");
                init.setDaemon(true);
                init.start();
            }
        } catch (Exception | Error e) {
            output.startFailed(e);
            throw e;
        }
    }

    @Override
    public void run() {
        RuntimeBridge runtime = null;
        try {
            runtime = new RuntimeBridge(hooks);
            install(runtime);
        } catch (Throwable e) {
            output.startFailed(e); // first: a registration waiting for readiness must find the error recorded
            Stderr.line("failed to start, blocking calls are not recorded in this JVM: " + e);
        } finally {
            deferred.abandon(); // no-op after a successful activate(); never leaves a class load waiting
            if (runtime != null) {
                runtime.ready();
            } else {
                openRegistrationAnyway();
            }
        }
    }

    private void install(RuntimeBridge runtime) throws Exception {
        testHook("install");
        SiteTable sites = new SiteTable();
        Catalogue catalogue = Catalogue.standard(sites, options.autodetect());
        TypeHierarchy hierarchy = new TypeHierarchy();
        SqlRegistry sql = new SqlRegistry(runtime.preparedSql());
        Recorder recorder = new Recorder(sites, sql, options.allow(), options.thresholdNanos(), options.maxSites(),
                options.mode() == AgentOptions.Mode.LOG, options.newSitesPerSecond());
        recorder.deny(options.deny());
        recorder.useBacktraceKeys(runtime.throwableBacktrace());
        recorder.consoleAllowed(options.consoleAllowed());
        // Which frames are the application's: call-site ids are made of them (CallSiteId), before any is recorded.
        io.loopguard.format.Frame.applicationPackages(options.appPackages());
        ThreadWatcher watcher = new ThreadWatcher(options.threads(), options.autodetect(), runtime);

        runtime.installThreshold(options.thresholdNanos()); // the recorder's own first check, made in the runtime
        runtime.install(
                handle(recorder, "record", void.class, Thread.class, int.class, Object.class, long.class, long.class,
                        Throwable.class),
                options.mode() == AgentOptions.Mode.THROW ? handle(recorder, "check", Error.class, Thread.class, int.class, Object.class) : null,
                watcher.watchesAnything() ? handle(watcher, "threadStarting", void.class, Thread.class) : null,
                options.autodetect());

        runtime.installSnapshot(handle(recorder, "snapshot", Object.class));
        runtime.installDroppedCalls(handle(recorder, "droppedCalls", long.class));
        runtime.installTests(handle(recorder.tests(), "event", void.class, String.class, boolean.class));

        WovenMethods woven = new WovenMethods();
        LoopGuardTransformer transformer = new LoopGuardTransformer(catalogue, new JdbcFamily.Drivers(sites, hierarchy),
                new ClassWeaver(hierarchy, nativeCalls.natives(), woven), runtime, nativeCalls);
        // The transformer enters and leaves an allowed scope through method handles. Their first call spins
        // LambdaForms, which loads JDK classes (the ClassFile API on JDK 25); if that first call happened inside a
        // transformation of one of those very classes, the loading thread would re-enter its own load
        // (ClassCircularityError). So they are linked here, before any class reaches the transformer. Linking once
        // is not enough: after 127 calls through invokeExact a method handle is "customized" (a LambdaForm of its
        // own, compiled to bytecode: java.lang.invoke's CUSTOMIZE_THRESHOLD) by whatever thread makes the next call,
        // which can be an application thread loading a ClassFile API class (seen as a rare ClassCircularityError in
        // ReactorTarget on JDK 25). Calling them past the threshold here has that happen now, on this thread.
        for (int i = 0; i < 200; i++) {
            runtime.suppressEnd(runtime.suppressBegin());
        }
        deferred.activate(transformer);
        retransformLoaded(catalogue.owners());
        output.attach(recorder, runtime, transformer);
        startJfr(recorder, runtime, woven);
        startWatchdog(recorder, runtime);
        runtime.installCatchUp(handle(lateEvents, "catchUp", void.class));

        runtime.ready();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            watcher.threadStarting(thread);
        }
    }

    /**
     * Stalls ({@code stall} option, 0: off) and the loop time: the watchdog thread waits for the first registered
     * thread, then keeps the loop time, and with stalls on watches for them.
     */
    private void startWatchdog(Recorder recorder, RuntimeBridge runtime) {
        long limit = options.stallNanos();
        runtime.installStallLimit(limit);
        LoopTimes loopTimes = new LoopTimes(runtime);
        output.loopTimes(loopTimes);
        Watchdog watchdog = Watchdog.start(runtime, recorder, loopTimes, limit);
        // The periodic io.loopguard.LoopUtilization event, registered once JFR runs (LoopUtilizationEvents).
        LoopUtilizationEvents utilization =
                new LoopUtilizationEvents(new LoopUtilization(runtime, recorder.threadTimes()));
        watchdog.eachTick(new Runnable() {
            @Override
            public void run() {
                utilization.registerWhenJfrRuns();
            }
        });
        output.beforeFinalWrite(new Runnable() {
            @Override
            public void run() {
                watchdog.close();
            }
        });
        lateEvents.add(new Runnable() {
            @Override
            public void run() {
                watchdog.catchUp();
            }
        });
    }

    /**
     * Contended monitors and pinned virtual threads come from JFR ({@link JfrSource}). Its classes link to
     * {@code jdk.jfr}, which a trimmed runtime image may lack: then the rest of the agent works on without them.
     */
    private void startJfr(Recorder recorder, RuntimeBridge runtime, WovenMethods woven) {
        if (!options.jfr()) {
            return;
        }
        try {
            JfrSource jfr = JfrSource.start(recorder, runtime, options.thresholdNanos(), options.pinningEverywhere(),
                    woven);
            output.beforeFinalWrite(new Runnable() {
                @Override
                public void run() {
                    jfr.close();
                }
            });
            lateEvents.add(new Runnable() {
                @Override
                public void run() {
                    jfr.catchUp();
                }
            });
        } catch (Exception | LinkageError e) {
            Stderr.line("JFR is not available, contended monitors and pinned virtual threads are not recorded: " + e);
        }
    }

    private void retransformLoaded(Set<String> owners) {
        BootClasses.snapshot(inst);
        List<Class<?>> targets = new ArrayList<>();
        for (Class<?> loaded : inst.getAllLoadedClasses()) {
            String name = loaded.getName().replace('.', '/');
            boolean wanted = owners.contains(name) || nativeCalls.retransformsAtStartup(loaded);
            if (wanted && inst.isModifiableClass(loaded)) {
                targets.add(loaded);
            }
        }
        try {
            inst.retransformClasses(targets.toArray(new Class<?>[0]));
        } catch (Exception | LinkageError e) {
            // One class that cannot be retransformed must not cost the others: retry one by one.
            for (Class<?> target : targets) {
                try {
                    inst.retransformClasses(target);
                } catch (Exception | LinkageError single) {
                    Stderr.line("cannot instrument " + target.getName() + ": " + single);
                }
            }
        }
    }

    private void openRegistrationAnyway() {
        try {
            hooks.getMethod("ready").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            Stderr.line("cannot release thread registration: " + e);
        }
    }

    private static MethodHandle handle(Object target, String name, Class<?> returnType, Class<?>... parameters)
            throws ReflectiveOperationException {
        return LOOKUP.findVirtual(target.getClass(), name, MethodType.methodType(returnType, parameters)).bindTo(target);
    }
}
