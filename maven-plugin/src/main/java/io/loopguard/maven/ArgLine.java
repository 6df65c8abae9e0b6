package io.loopguard.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Editing a JVM argument line (Surefire's {@code argLine}) the way JaCoCo does: the agent goes first, an earlier
 * loopguard {@code -javaagent} is removed (so running the goal twice changes nothing), every other argument is kept
 * as written. Arguments are split on whitespace outside double quotes, the rule Surefire itself applies.
 */
final class ArgLine {

    private ArgLine() {
    }

    /** {@code -javaagent:<jar>=<options>} first, then {@code existing} without any earlier loopguard agent. */
    static String prepend(String existing, File agentJar, String options) {
        StringBuilder agent = new StringBuilder("-javaagent:").append(agentJar.getAbsolutePath());
        if (!options.isEmpty()) {
            agent.append('=').append(options);
        }
        List<String> args = new ArrayList<>();
        args.add(quote(agent.toString()));
        for (String arg : split(existing == null ? "" : existing)) {
            if (!isLoopGuardAgent(arg, agentJar)) {
                args.add(arg);
            }
        }
        return String.join(" ", args);
    }

    /** True for {@code -javaagent:} arguments that load this jar or any {@code loopguard-agent*.jar}. */
    static boolean isLoopGuardAgent(String arg, File agentJar) {
        String unquoted = arg.replace("\"", "");
        if (!unquoted.startsWith("-javaagent:")) {
            return false;
        }
        String jar = unquoted.substring("-javaagent:".length());
        int options = jar.indexOf(".jar=");
        if (options >= 0) {
            jar = jar.substring(0, options + ".jar".length());
        }
        if (jar.equals(agentJar.getAbsolutePath())) {
            return true;
        }
        String name = jar.substring(Math.max(jar.lastIndexOf('/'), jar.lastIndexOf('\\')) + 1);
        return name.startsWith("loopguard-agent") && name.endsWith(".jar");
    }

    /** Whitespace-separated arguments; double quotes group and are kept. */
    static List<String> split(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (current.length() > 0) {
                    args.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            args.add(current.toString());
        }
        return args;
    }

    /** The argument in double quotes when it contains whitespace (a path with spaces), else as is. */
    static String quote(String arg) {
        for (int i = 0; i < arg.length(); i++) {
            if (Character.isWhitespace(arg.charAt(i))) {
                return '"' + arg.replace("\"", "\\\"") + '"';
            }
        }
        return arg;
    }
}
