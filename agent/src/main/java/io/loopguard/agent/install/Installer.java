package io.loopguard.agent.install;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.loopguard.agent.AgentOptions;
import io.loopguard.agent.Stderr;
import io.loopguard.agent.catalogue.Catalogue;
import io.loopguard.agent.catalogue.JdbcInstrumentation;
import io.loopguard.agent.catalogue.SiteTable;
import io.loopguard.agent.output.Output;
import io.loopguard.agent.record.Recorder;
import io.loopguard.agent.record.SqlRegistry;
import io.loopguard.agent.record.ThreadWatcher;
import io.loopguard.agent.weave.ClassWeaver;
import io.loopguard.agent.weave.TypeHierarchy;

/**
 * Wires the agent together at start-up, in an order that matters:
 * <ol>
 *   <li>define the runtime inside {@code java.base} (woven code links to it as soon as it exists);</li>
 *   <li>give the runtime its handles into the recorder (so the first woven call can already record);</li>
 *   <li>add the transformer and retransform the catalogue's JDK classes that are already loaded;</li>
 *   <li>register threads that already run and match, and start the output (periodic file, shutdown hook).</li>
 * </ol>
 */
public final class Installer {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    private Installer() {
    }

    public static void install(Instrumentation inst, AgentOptions options) throws Exception {
        RuntimeBridge runtime = new RuntimeBridge(RuntimeInjector.inject(inst));
        SiteTable sites = new SiteTable();
        Catalogue catalogue = Catalogue.standard(sites, options.autodetect());
        TypeHierarchy hierarchy = new TypeHierarchy();
        SqlRegistry sql = new SqlRegistry();
        Recorder recorder = new Recorder(sites, sql, options.allow(), options.thresholdNanos(), options.maxSites(),
                options.mode() == AgentOptions.Mode.LOG);
        ThreadWatcher watcher = new ThreadWatcher(options.threads(), options.autodetect(), runtime::register);

        runtime.install(
                handle(recorder, "record", void.class, Thread.class, int.class, Object.class, long.class, long.class),
                options.mode() == AgentOptions.Mode.THROW ? handle(recorder, "check", Error.class, Thread.class, int.class, Object.class) : null,
                watcher.watchesAnything() ? handle(watcher, "threadStarting", void.class, Thread.class) : null,
                handle(sql, "prepared", void.class, Object.class, String.class),
                options.autodetect());

        boolean rewriteNatives = JdkDifferences.blockingMethodsAreNative();
        LoopGuardTransformer transformer = new LoopGuardTransformer(catalogue, new JdbcInstrumentation(sites, hierarchy),
                new ClassWeaver(hierarchy), runtime, rewriteNatives);
        inst.addTransformer(transformer, true);
        retransformLoaded(inst, catalogue.owners(), rewriteNatives);

        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            watcher.threadStarting(thread);
        }
        Output.start(options, recorder, runtime, transformer::failures);
    }

    private static void retransformLoaded(Instrumentation inst, Set<String> owners, boolean rewriteNatives) throws Exception {
        List<Class<?>> targets = new ArrayList<>();
        for (Class<?> loaded : inst.getAllLoadedClasses()) {
            String name = loaded.getName().replace('.', '/');
            if ((owners.contains(name) || (rewriteNatives && loaded == Thread.class)) && inst.isModifiableClass(loaded)) {
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

    private static MethodHandle handle(Object target, String name, Class<?> returnType, Class<?>... parameters)
            throws ReflectiveOperationException {
        return LOOKUP.findVirtual(target.getClass(), name, MethodType.methodType(returnType, parameters)).bindTo(target);
    }
}
