package io.loopguard.report.sarif;

import java.nio.charset.StandardCharsets;

/**
 * A repository path as a SARIF {@code uri}: an RFC 3986 URI-reference, so every byte of its UTF-8 form that may not
 * stand in a path is percent-encoded. Ordinary source paths ({@code src/main/java/demo/A.java}) are unchanged; a
 * class or file name with spaces, quotes or angle brackets (seen: a hostile stack in a data file) no longer makes the
 * whole SARIF file invalid, which code scanning would reject.
 */
final class UriText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriText() {
    }

    static String path(String path) {
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = null;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (allowed(b)) {
                if (out != null) {
                    out.append((char) b);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(bytes.length + 16);
                out.append(new String(bytes, 0, i, StandardCharsets.UTF_8));
            }
            out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
        }
        return out == null ? path : out.toString();
    }

    /** RFC 3986 {@code pchar} and {@code /}: unreserved, sub-delims, ':' and '@'. */
    private static boolean allowed(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || "-._~!$&'()*+,;=:@/".indexOf(b) >= 0;
    }
}
