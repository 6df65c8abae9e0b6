package io.loopguard.agent.weave;

/**
 * Byte searches on raw class files that reject most classes before anything is parsed. Kept free of ASM types, so
 * it can run during start-up without loading ASM.
 */
public final class Prefilter {
    private static final byte[] SLEEP = ByteSearch.utf8Entry("sleep");
    private static final byte[] WAIT = ByteSearch.utf8Entry("wait");
    private static final byte[] YIELD = ByteSearch.utf8Entry("yield");
    private static final byte[] LONG_TO_VOID = ByteSearch.utf8Entry("(J)V");
    private static final byte[] NO_ARGS = ByteSearch.utf8Entry("()V");

    private Prefilter() {
    }

    /** Could this class call {@code Thread.sleep(long)}, {@code Object.wait(long)} or {@code Thread.yield()}? */
    public static boolean mayCallBlockingNatives(byte[] bytes) {
        return (ByteSearch.contains(bytes, SLEEP) || ByteSearch.contains(bytes, WAIT) || ByteSearch.contains(bytes, YIELD))
                && (ByteSearch.contains(bytes, LONG_TO_VOID) || ByteSearch.contains(bytes, NO_ARGS));
    }

    /** Could this class implement a JDBC interface? Every implementation mentions {@code java/sql/} or {@code javax/sql/}. */
    public static boolean mayImplementJdbc(byte[] bytes) {
        return ByteSearch.containsText(bytes, "java/sql/") || ByteSearch.containsText(bytes, "javax/sql/");
    }
}
