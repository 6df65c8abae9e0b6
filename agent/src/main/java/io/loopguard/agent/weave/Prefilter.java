package io.loopguard.agent.weave;

/**
 * Decides from a raw class file, before anything is parsed, whether a class may need weaving: it runs for every class
 * the application loads, so it is one pass over the constant pool's UTF8 entries (not over the code), comparing
 * lengths before bytes, with no allocation and no ASM.
 */
public final class Prefilter {
    /** The class names {@code sleep}/{@code wait}/{@code yield} and a {@code (J)V} or {@code ()V} descriptor. */
    public static final int MAY_CALL_BLOCKING_NATIVES = 1;
    /** The class mentions {@code java/sql/} or {@code javax/sql/} (every JDBC implementation does). */
    public static final int MAY_IMPLEMENT_JDBC = 2;
    /**
     * The class names {@code java/io/RandomAccessFile} and {@code length} or {@code setLength}, or
     * {@code java/io/FileDescriptor} and {@code sync} (a call names its owner class, unless it goes through a
     * subclass's name): callers of their JDK 17 natives.
     */
    public static final int MAY_CALL_FILE_NATIVES = 4;
    private static final int EVERYTHING = MAY_CALL_BLOCKING_NATIVES | MAY_IMPLEMENT_JDBC | MAY_CALL_FILE_NATIVES;

    private static final byte[] SLEEP = ascii("sleep");
    private static final byte[] WAIT = ascii("wait");
    private static final byte[] YIELD = ascii("yield");
    private static final byte[] LONG_TO_VOID = ascii("(J)V");
    private static final byte[] NO_ARGS = ascii("()V");
    private static final byte[] SQL = ascii("java/sql/");
    private static final byte[] JAVAX_SQL = ascii("javax/sql/");
    private static final byte[] RANDOM_ACCESS_FILE = ascii("java/io/RandomAccessFile");
    private static final byte[] FILE_DESCRIPTOR = ascii("java/io/FileDescriptor");
    private static final byte[] LENGTH = ascii("length");
    private static final byte[] SET_LENGTH = ascii("setLength");
    private static final byte[] SYNC = ascii("sync");

    private Prefilter() {
    }

    public static boolean mayCallBlockingNatives(byte[] classFile) {
        return (scan(classFile) & MAY_CALL_BLOCKING_NATIVES) != 0;
    }

    public static boolean mayImplementJdbc(byte[] classFile) {
        return (scan(classFile) & MAY_IMPLEMENT_JDBC) != 0;
    }

    /** The {@code MAY_*} bits that apply; a malformed or unexpected constant pool answers "everything" (safe side). */
    public static int scan(byte[] b) {
        try {
            int count = u2(b, 8);
            int i = 10;
            boolean name = false;
            boolean descriptor = false;
            boolean sql = false;
            boolean randomAccessFile = false;
            boolean lengthName = false;
            boolean fileDescriptor = false;
            boolean syncName = false;
            for (int entry = 1; entry < count; entry++) {
                int tag = b[i] & 0xff;
                switch (tag) {
                    case 1: { // Utf8
                        int length = u2(b, i + 1);
                        int start = i + 3;
                        if (!name && (is(b, start, length, SLEEP) || is(b, start, length, WAIT) || is(b, start, length, YIELD))) {
                            name = true;
                        } else if (!descriptor && (is(b, start, length, LONG_TO_VOID) || is(b, start, length, NO_ARGS))) {
                            descriptor = true;
                        } else if (!sql && length >= SQL.length && (contains(b, start, length, SQL) || contains(b, start, length, JAVAX_SQL))) {
                            sql = true;
                        } else if (is(b, start, length, RANDOM_ACCESS_FILE)) {
                            randomAccessFile = true;
                        } else if (is(b, start, length, LENGTH) || is(b, start, length, SET_LENGTH)) {
                            lengthName = true;
                        } else if (is(b, start, length, FILE_DESCRIPTOR)) {
                            fileDescriptor = true;
                        } else if (is(b, start, length, SYNC)) {
                            syncName = true;
                        }
                        i = start + length;
                        break;
                    }
                    case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                        i += 5;
                        break;
                    case 5: case 6: // Long, Double: two slots
                        i += 9;
                        entry++;
                        break;
                    case 7: case 8: case 16: case 19: case 20:
                        i += 3;
                        break;
                    case 15:
                        i += 4;
                        break;
                    default:
                        return EVERYTHING;
                }
            }
            return (name && descriptor ? MAY_CALL_BLOCKING_NATIVES : 0) | (sql ? MAY_IMPLEMENT_JDBC : 0)
                    | ((randomAccessFile && lengthName) || (fileDescriptor && syncName) ? MAY_CALL_FILE_NATIVES : 0);
        } catch (ArrayIndexOutOfBoundsException e) {
            return EVERYTHING;
        }
    }

    private static boolean is(byte[] b, int start, int length, byte[] text) {
        return length == text.length && regionMatches(b, start, text);
    }

    private static boolean contains(byte[] b, int start, int length, byte[] text) {
        for (int i = start, last = start + length - text.length; i <= last; i++) {
            if (b[i] == text[0] && regionMatches(b, i, text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionMatches(byte[] b, int at, byte[] text) {
        for (int j = 0; j < text.length; j++) {
            if (b[at + j] != text[j]) {
                return false;
            }
        }
        return true;
    }

    private static int u2(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static byte[] ascii(String text) {
        byte[] out = new byte[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) text.charAt(i);
        }
        return out;
    }
}
