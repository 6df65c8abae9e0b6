package io.loopguard.agent.record;

import java.util.ArrayList;
import java.util.List;

import io.loopguard.agent.catalogue.Families;
import io.loopguard.agent.util.Glob;
import io.loopguard.format.Frame;

/**
 * Frame patterns that make a blocking call allowed when they appear anywhere on its stack: {@code pkg.Class#method},
 * {@code pkg.Class} (and its nested classes), {@code pkg.*}; globs with {@code *} and {@code ?}. Checked once per
 * distinct call site, when it is first seen, so a long list costs nothing per call.
 *
 * <p>The built-in defaults are the JVM's and the frameworks' own machinery (the README explains each), declared by
 * the families ({@code BlockingFamily.allowDefaults}, collected by {@link Families#allowDefaults}). Most of them are
 * also woven as allowed scopes, which is cheaper; here they also cover calls that reach the same code through paths
 * the scopes do not see. They are read in the constructor, not in a static field: {@code AgentOptions} calls
 * {@link #problem} in {@code premain}, which must not load the families.
 */
public final class AllowList {
    private final List<Entry> entries = new ArrayList<>();

    public AllowList(List<String> userPatterns) {
        for (String pattern : Families.allowDefaults()) {
            entries.add(Entry.parse(pattern));
        }
        for (String pattern : userPatterns) {
            entries.add(Entry.parse(pattern));
        }
    }

    /** Null when {@code pattern} is well-formed, else what is wrong with it. */
    public static String problem(String pattern) {
        int hash = pattern.indexOf('#');
        String type = hash < 0 ? pattern : pattern.substring(0, hash);
        String method = hash < 0 ? null : pattern.substring(hash + 1);
        if (type.isEmpty() || !allCharsIn(type, ".*?")) {
            return "expected pkg.Class#method, pkg.Class or pkg.*";
        }
        if (method != null && (method.isEmpty() || !allCharsIn(method, "<>*?"))) {
            return "expected a method name after '#'";
        }
        return null;
    }

    /** Every character is part of a Java identifier or one of {@code extra}. */
    private static boolean allCharsIn(String text, String extra) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isJavaIdentifierPart(c) && extra.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    public boolean allows(List<Frame> stack) {
        for (Frame frame : stack) {
            for (Entry entry : entries) {
                if (entry.matches(frame)) {
                    return true;
                }
            }
        }
        return false;
    }

    private record Entry(Glob type, Glob nested, Glob method) {
        static Entry parse(String pattern) {
            int hash = pattern.indexOf('#');
            String type = hash < 0 ? pattern : pattern.substring(0, hash);
            Glob method = hash < 0 ? null : new Glob(pattern.substring(hash + 1));
            return new Entry(new Glob(type), new Glob(type + "$*"), method);
        }

        boolean matches(Frame frame) {
            String cls = frame.className();
            boolean typeMatches = type.matches(cls) || (method == null && nested.matches(cls));
            return typeMatches && (method == null || method.matches(frame.methodName()));
        }
    }
}
