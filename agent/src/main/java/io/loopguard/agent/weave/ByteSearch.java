package io.loopguard.agent.weave;

import java.nio.charset.StandardCharsets;

/**
 * Substring search in raw class bytes: rejects most classes before ASM parses anything. Searching for a complete
 * constant-pool UTF8 entry (tag, length, bytes) keeps false positives low ("wait" inside "awaitTermination" does not
 * match).
 */
final class ByteSearch {
    private ByteSearch() {
    }

    /** The bytes of a CONSTANT_Utf8 entry holding exactly {@code text} (ASCII). */
    static byte[] utf8Entry(String text) {
        byte[] chars = text.getBytes(StandardCharsets.UTF_8);
        byte[] entry = new byte[chars.length + 3];
        entry[0] = 1; // CONSTANT_Utf8
        entry[1] = (byte) (chars.length >>> 8);
        entry[2] = (byte) chars.length;
        System.arraycopy(chars, 0, entry, 3, chars.length);
        return entry;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle) >= 0;
    }

    static boolean containsText(byte[] haystack, String text) {
        return indexOf(haystack, text.getBytes(StandardCharsets.UTF_8)) >= 0;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
