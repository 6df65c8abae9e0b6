package io.loopguard.format.options;

/**
 * The syntax of a frame pattern ({@code allow} option, and wherever frames are named): {@code pkg.Class#method},
 * {@code pkg.Class} (and its nested classes), {@code pkg.*}, with {@code *} and {@code ?} globs. Validated here, where
 * every option is validated (agent start-up and the Maven plugin alike); matched in the agent's allow list.
 */
public final class FramePatterns {
    private FramePatterns() {
    }

    /** Null when {@code pattern} is well-formed, else what is wrong with it (a phrase starting "expected"). */
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
}
