package io.loopguard.agent;

import io.loopguard.format.options.AgentOptions;
import io.loopguard.format.options.OptionException;

import java.lang.instrument.Instrumentation;

import io.loopguard.agent.install.Installer;

/**
 * The {@code -javaagent} entry point ({@code Premain-Class} and {@code Agent-Class}). Does as little as possible:
 * parse the options, then hand over to the {@link Installer}.
 *
 * <p>A bad option aborts JVM start-up (the exception propagates out of {@code premain}) after printing one
 * {@code [loopguard]} line that names the key. Any other failure disables the agent with one line and lets the
 * application run: the agent must never be the reason an application does not start.
 */
public final class PreMain {
    private PreMain() {
    }

    public static void premain(String argument, Instrumentation inst) {
        start(argument, inst);
    }

    public static void agentmain(String argument, Instrumentation inst) {
        start(argument, inst);
    }

    /**
     * System properties or environment variables. A named class, not {@code System::getProperty}: the first lambda
     * in a JVM bootstraps {@code LambdaMetafactory}, tens of milliseconds of start-up (the agent has none on that path).
     */
    private static final class SystemLookup implements java.util.function.UnaryOperator<String> {
        private final boolean environment;

        SystemLookup(boolean environment) {
            this.environment = environment;
        }

        @Override
        public String apply(String key) {
            return environment ? System.getenv(key) : System.getProperty(key);
        }
    }

    /**
     * Whether an earlier {@code -javaagent} copy of loopguard (another jar, or the same jar twice) already started in
     * this JVM: the runtime it defines inside {@code java.base} exists. Only the JVM itself can see that class, so
     * unlike a system property it never leaks into child JVMs. Two copies would weave twice, print two summaries and
     * write the same data file.
     */
    private static boolean anotherCopyActive() {
        try {
            Class.forName(io.loopguard.agent.weave.HookNames.HOOKS.replace('/', '.'), false, null);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static void start(String argument, Instrumentation inst) {
        if (anotherCopyActive()) {
            // Both jars are on the system class path, so this is the first jar's class: only the argument tells them apart.
            Stderr.line("another copy of the agent is already active in this JVM; this one (-javaagent:…"
                    + (argument == null || argument.isEmpty() ? "" : "=" + argument) + ") stays inactive");
            return;
        }
        AgentOptions options;
        try {
            options = AgentOptions.parse(argument, new SystemLookup(false), new SystemLookup(true),
                    System.getProperties().keySet(), System.getenv().keySet());
            if (options.enabled()) {
                options.checkOutput();
            }
        } catch (OptionException e) {
            Stderr.line(e.getMessage());
            throw e;
        }
        if (!options.enabled()) {
            return;
        }
        try {
            Installer.start(inst, options);
        } catch (Throwable e) {
            Stderr.line("failed to start, the agent is disabled for this JVM: " + e);
        }
    }
}
