package io.loopguard.format;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The stable fingerprint of a call site: 16 lower-case hex digits of a 64-bit FNV-1a hash.
 *
 * <p>Input: category, blocking method, and the application's frames below the blocking API (class, method and line
 * of each frame that is neither the JDK's nor a known library's, {@link Frame#isApplication()}). Library and JDK frames
 * are left out entirely: upgrading Netty or the JDK moves their lines and reshapes their internal call paths, which
 * must not turn a known call site into a "new" one in code scanning, test history or a baseline. A stack without any
 * application frame (a library's own blocking call) keeps the first version's fingerprint ({@link #ofEveryFrame}).
 * File names are left out because they add nothing the class name does not say.
 *
 * <p>Class names enter the hash without what the JVM makes up at run time for a hidden class: a lambda's class
 * {@code a.B$$Lambda$437/0x00007fe4643e32c8} (JDK 17; {@code a.B$$Lambda/0x…} from JDK 21) counts as
 * {@code a.B$$Lambda}. The number and the address differ from run to run, and lambda frames do show: in a thread's
 * sampled stack on JDK 17 (a stall's), and in any stack where an agent such as OpenTelemetry's defines the lambdas'
 * classes (the body itself, {@code a.B.lambda$m$0}, keeps its name).
 *
 * <p>A {@code stall}'s id leaves out line numbers altogether: its stack is a sample taken while the busy code ran, and
 * the lines of a hot loop's frames depend on the moment of sampling (bcrypt's {@code crypt_raw} alternates between
 * two lines), so the same stall in the same handler would otherwise be a new call site at every run.
 */
public final class CallSiteId {

    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private CallSiteId() {
    }

    /** The id of the call site (category, blockingMethod, stack). */
    public static String of(String category, String blockingMethod, List<Frame> stack) {
        long hash = OFFSET_BASIS;
        hash = mix(hash, category);
        hash = mix(hash, stableName(blockingMethod));
        boolean lines = !isStall(category);
        boolean application = false;
        for (int i = 1; i < stack.size(); i++) {
            Frame frame = stack.get(i);
            if (frame.isApplication()) {
                application = true;
                hash = mixByte(hash, 1); // frame separator, so that frames cannot be confused with fields
                hash = mix(hash, stableName(frame.className()));
                hash = mix(hash, frame.methodName());
                if (lines) {
                    hash = mix(hash, Integer.toString(frame.lineNumber()));
                }
            }
        }
        if (!application) {
            // A library's own blocking call (or code the library list mistakes for one): nothing of the application
            // to anchor on, so the first version's fingerprint, lines of non-JDK frames included.
            return ofEveryFrame(category, blockingMethod, stack);
        }
        return hex(hash);
    }

    /**
     * The fingerprint of the first version of the contract, over every frame's class and method and the lines of
     * non-JDK frames after {@code stack[0]}. Baselines key their entries with it over line-less stacks, so baseline
     * files written before the ids became application-only keep matching.
     */
    public static String ofEveryFrame(String category, String blockingMethod, List<Frame> stack) {
        long hash = OFFSET_BASIS;
        hash = mix(hash, category);
        hash = mix(hash, stableName(blockingMethod));
        for (int i = 0; i < stack.size(); i++) {
            Frame frame = stack.get(i);
            hash = mixByte(hash, 1);
            hash = mix(hash, stableName(frame.className()));
            hash = mix(hash, frame.methodName());
            if (i > 0 && !frame.isJdk() && !isStall(category)) {
                hash = mix(hash, Integer.toString(frame.lineNumber()));
            }
        }
        return hex(hash);
    }

    /**
     * The fingerprint of an application location: category, blocking method and one frame (class, method, line; no
     * line for a {@code stall}, as in {@link #of}). SARIF groups the call sites that reach the same line of the
     * application under it, whatever the library and JDK frames around them, so it survives upgrades of both.
     */
    public static String ofLocation(String category, String blockingMethod, Frame location) {
        long hash = OFFSET_BASIS;
        hash = mix(hash, category);
        hash = mix(hash, stableName(blockingMethod));
        hash = mixByte(hash, 2); // not an id of the call-site kind: a different separator
        hash = mix(hash, stableName(location.className()));
        hash = mix(hash, location.methodName());
        if (!isStall(category)) {
            hash = mix(hash, Integer.toString(location.lineNumber()));
        }
        return hex(hash);
    }

    /**
     * {@code name} (a class name, or a class name and a method) without a hidden class's address ({@code /0x…}) and
     * without the spin number of a lambda's class ({@code $$Lambda$437}).
     */
    static String stableName(String name) {
        if (name.indexOf("/0x") < 0 && name.indexOf("$$Lambda$") < 0) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length());
        int i = 0;
        while (i < name.length()) {
            if (name.startsWith("/0x", i)) {
                i = skip(name, i + 3, "0123456789abcdefABCDEF");
            } else if (name.startsWith("$$Lambda$", i)) {
                out.append("$$Lambda");
                int digits = skip(name, i + 9, "0123456789");
                i = digits > i + 9 ? digits : i + 8;
            } else {
                out.append(name.charAt(i++));
            }
        }
        return out.toString();
    }

    private static int skip(String text, int from, String characters) {
        int i = from;
        while (i < text.length() && characters.indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static boolean isStall(String category) {
        return Category.STALL.id().equals(category);
    }

    private static String hex(long hash) {
        String hex = Long.toHexString(hash);
        return "0".repeat(16 - hex.length()) + hex;
    }

    private static long mix(long hash, String value) {
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            hash = mixByte(hash, b & 0xff);
        }
        return mixByte(hash, 0); // field terminator: ("ab","c") and ("a","bc") differ
    }

    private static long mixByte(long hash, int b) {
        return (hash ^ b) * PRIME;
    }
}
