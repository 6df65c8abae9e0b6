package io.loopguard.agent.it.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Target-side half of {@link Scenario}: runs every scenario method of a target class, first on a registered thread
 * {@code loop-<method>}, then on an unregistered thread {@code plain-<method>}, one after the other. A scenario that
 * throws is reported as the fact {@code error.<thread>=<exception>}.
 */
public final class ScenarioRunner {
    private ScenarioRunner() {
    }

    public static List<Method> scenarios(Class<?> target) {
        return Arrays.stream(target.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Scenario.class))
                .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0)
                .sorted(Comparator.comparing(Method::getName))
                .collect(Collectors.toList());
    }

    /** Runs the scenarios; {@code only} (if non-empty) restricts them by method name. */
    public static void runAll(Class<?> target, String... only) throws InterruptedException {
        List<String> selected = Arrays.asList(only);
        for (Method m : scenarios(target)) {
            if (!selected.isEmpty() && !selected.contains(m.getName())) {
                continue;
            }
            m.setAccessible(true);
            run("loop-" + m.getName(), true, m);
            if (m.getAnnotation(Scenario.class).unregisteredToo()) {
                run("plain-" + m.getName(), false, m);
            }
        }
        TargetIO.fact("scenarios.done", "true");
    }

    private static void run(String threadName, boolean register, Method m) throws InterruptedException {
        Throwable failure = TargetIO.runOn(threadName, register, () -> {
            try {
                m.invoke(null);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Error) {
                    throw (Error) cause;
                }
                throw cause instanceof Exception ? (Exception) cause : e;
            }
        });
        if (failure != null) {
            TargetIO.fact("error." + threadName, failure.toString().replace('\n', ' '));
        }
    }
}
