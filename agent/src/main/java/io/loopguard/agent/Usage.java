package io.loopguard.agent;

import io.loopguard.format.options.AgentOptions;

/**
 * {@code java -jar loopguard-agent.jar}: the jar is not a program (it is attached with {@code -javaagent}), so it
 * prints its version and how to attach it instead of the JVM's "no main manifest attribute". Never runs inside an
 * application's JVM, so it may print to stdout.
 */
public final class Usage {
    private Usage() {
    }

    public static void main(String[] args) {
        System.out.println(text());
    }

    static String text() {
        String version = Usage.class.getPackage().getImplementationVersion();
        return String.join("\n",
                "loopguard-agent " + (version == null ? "(development build)" : version)
                        + ": records blocking calls on event-loop threads",
                "",
                "This jar is a Java agent; attach it to the JVM to watch:",
                "  java -javaagent:loopguard-agent.jar[=key=value,key=value...] -jar your-app.jar",
                "",
                "options (also -Dloopguard.KEY or the environment variable LOOPGUARD_KEY):",
                "  " + String.join(", ", AgentOptions.KEYS),
                "",
                "At exit it writes loopguard/loopguard-<pid>.json and loopguard/index.html and prints one line on stderr.",
                "Reports and the CI gate: the report CLI (java -jar loopguard-reports-<version>-cli.jar check ...) or the",
                "Maven plugin (io.loopguard:loopguard-maven-plugin: prepare-agent, check).");
    }
}
