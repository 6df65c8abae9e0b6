package io.loopguard.format;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The stable fingerprint of a call site: 16 lower-case hex digits of a 64-bit FNV-1a hash.
 *
 * <p>Input: category, blocking method, and each frame's class and method name. Line numbers are included only for
 * application and library frames after {@code stack[0]}: the blocking API's own line ({@code stack[0]}) and JDK
 * frames' lines change with JDK updates, which must not turn a known call site into a "new" one in a baseline or in
 * GitHub code scanning. File names are left out because they add nothing the class name does not say.
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
        hash = mix(hash, blockingMethod);
        for (int i = 0; i < stack.size(); i++) {
            Frame frame = stack.get(i);
            hash = mixByte(hash, 1); // frame separator, so that frames cannot be confused with fields
            hash = mix(hash, frame.className());
            hash = mix(hash, frame.methodName());
            if (i > 0 && !frame.isJdk()) {
                hash = mix(hash, Integer.toString(frame.lineNumber()));
            }
        }
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
