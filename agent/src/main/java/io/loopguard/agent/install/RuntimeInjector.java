package io.loopguard.agent.install;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.loopguard.agent.weave.HookNames;
import io.loopguard.format.io.OwnJar;

/**
 * Makes the runtime visible to the bootstrap class loader, where instrumented JDK code can link to it.
 *
 * <p>Why not {@code appendToBootstrapClassLoaderSearch}: it writes a temporary jar and makes HotSpot print
 * "Sharing is only supported for boot loader classes because bootstrap classpath has been appended" on every start
 * (and disables CDS for non-boot classes), which users of other agents file issues about. Instead, as JaCoCo does,
 * {@code java.lang} is opened to the agent and the runtime classes are defined inside it through a private lookup on
 * {@code Object}, renamed from {@code io.loopguard.runtime.X} to {@code java.lang.$LoopGuard...}: no temp file, no
 * warning, a few milliseconds (the renaming is a constant-pool rewrite, no ASM). The price is that they live in package {@code java.lang}; the {@code $} keeps them out of the
 * way of real JDK names.
 *
 * <p>Class-loader hazard: opening {@code java.lang} goes to the agent's module, which is the unnamed module of the
 * system class loader — the class path's module too. That only widens deep reflection for class-path code.
 */
final class RuntimeInjector {
    private static final List<String> RUNTIME_CLASSES = List.of("LoopThread", "ThreadRegistry", "RegisteredIds", "Hooks");
    /**
     * Every runtime name and its name inside {@code java.base}. SiteFlags holds compile-time constants only and is
     * never defined; javac still leaves its name in the constant pool, so it is renamed too: nothing in
     * {@code java.base} can ever resolve a class from the agent's own loader.
     */
    private static final Map<String, String> NAMES = names("LoopThread", "ThreadRegistry", "RegisteredIds", "Hooks", "SiteFlags");

    private RuntimeInjector() {
    }

    /** Defines the runtime (once per JVM) and returns the hooks class {@code java.lang.$LoopGuard}. */
    static Class<?> inject(Instrumentation inst) throws ReflectiveOperationException, IOException {
        try {
            return Class.forName(HookNames.HOOKS.replace('/', '.'), false, null); // already there: a second agent copy
        } catch (ClassNotFoundException expected) {
            // first attach: define it
        }
        Module javaBase = Object.class.getModule();
        inst.redefineModule(javaBase, Set.of(), Map.of(), Map.of("java.lang", Set.of(RuntimeInjector.class.getModule())),
                Set.of(), Map.of());
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(Object.class, MethodHandles.lookup());
        Class<?> hooks = null;
        for (String simple : RUNTIME_CLASSES) {
            Class<?> defined = lookup.defineClass(renamed(simple));
            if (simple.equals("Hooks")) {
                hooks = defined;
            }
        }
        return hooks;
    }

    private static Map<String, String> names(String... simpleNames) {
        Map<String, String> names = new HashMap<>();
        for (String simple : simpleNames) {
            String original = HookNames.RUNTIME_PACKAGE + simple;
            names.put(original, HookNames.holderName(original));
        }
        return names;
    }

    /** The class file of runtime class {@code simpleName}, renamed into {@code java.lang}. */
    static byte[] renamed(String simpleName) throws IOException {
        String internalName = HookNames.RUNTIME_PACKAGE + simpleName;
        byte[] classFile = OwnJar.read(RuntimeInjector.class, internalName + ".class"); // premain: OwnJar says why
        if (classFile == null) {
            throw new IOException("runtime class missing from the agent jar: " + internalName);
        }
        return ConstantPoolRenamer.rename(classFile, NAMES);
    }
}
