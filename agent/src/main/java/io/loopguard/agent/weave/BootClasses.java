package io.loopguard.agent.weave;

import java.lang.instrument.Instrumentation;
import java.util.HashMap;
import java.util.Map;

/**
 * The bootstrap classes that were loaded when the agent started, by name. Asking for a loaded class must not load
 * one (a transformer that loads classes can deadlock or see a class it is itself transforming), and the JDK offers
 * no {@code findLoadedClass} for the bootstrap loader; the instrumentation's snapshot at start-up covers every class
 * retransformed then, which is where frames of JDK methods are recomputed.
 */
public final class BootClasses {
    private static volatile Map<String, Class<?>> loaded = Map.of();

    private BootClasses() {
    }

    public static void snapshot(Instrumentation inst) {
        Map<String, Class<?>> byName = new HashMap<>();
        for (Class<?> type : inst.getAllLoadedClasses()) {
            if (type.getClassLoader() == null && !type.isArray() && !type.isPrimitive()) {
                byName.put(type.getName(), type);
            }
        }
        loaded = byName;
    }

    static Class<?> findLoaded(String name) {
        return loaded.get(name);
    }
}
