package io.loopguard.format.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON parser (RFC 8259) that remembers line and column of every value. Hand-written because the
 * format module must not depend on a library (it runs inside the user's JVM, next to the user's own JSON library).
 * Rejects duplicate keys, trailing data and nesting deeper than {@value #MAX_DEPTH}.
 */
public final class JsonParser {

    static final int MAX_DEPTH = 256;

    private static final int SHARED_SLOTS = 4096;
    private static final int MAX_SHARED_LENGTH = 256;

    private final String text;
    private final String source;
    private final String[] shared = new String[SHARED_SLOTS];
    private int pos;
    private int line = 1;
    private int lineStart;
    private int depth;

    private JsonParser(String text, String source) {
        this.text = text;
        this.source = source;
    }

    /** Parses one JSON document; a leading byte-order mark is skipped. */
    public static JsonNode parse(String text, String sourceName) throws JsonException {
        JsonParser parser = new JsonParser(text, sourceName);
        if (text.startsWith("\uFEFF")) {
            parser.pos = 1;
            parser.lineStart = 1;
        }
        parser.skipWhitespace();
        if (parser.pos >= text.length()) {
            throw parser.error("empty document, expected a JSON object");
        }
        JsonNode root = parser.value();
        parser.skipWhitespace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected '" + parser.text.charAt(parser.pos) + "' after the end of the JSON document");
        }
        return root;
    }

    private JsonNode value() throws JsonException {
        if (pos >= text.length()) {
            throw error("unexpected end of input (truncated file?), expected a value");
        }
        int l = line;
        int c = column();
        char ch = text.charAt(pos);
        switch (ch) {
            case '{':
                return object(l, c);
            case '[':
                return array(l, c);
            case '"':
                return new JsonNode(JsonNode.Kind.STRING, string(), l, c);
            case 't':
                literal("true");
                return new JsonNode(JsonNode.Kind.BOOLEAN, Boolean.TRUE, l, c);
            case 'f':
                literal("false");
                return new JsonNode(JsonNode.Kind.BOOLEAN, Boolean.FALSE, l, c);
            case 'n':
                literal("null");
                return new JsonNode(JsonNode.Kind.NULL, null, l, c);
            default:
                if (ch == '-' || (ch >= '0' && ch <= '9')) {
                    return new JsonNode(JsonNode.Kind.NUMBER, number(), l, c);
                }
                throw error("unexpected " + describe(ch) + ", expected a value");
        }
    }

    private JsonNode object(int l, int c) throws JsonException {
        enter();
        pos++;
        Map<String, JsonNode> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return new JsonNode(JsonNode.Kind.OBJECT, members, l, c);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error(found() + ", expected a quoted member name");
            }
            int keyLine = line;
            int keyColumn = column();
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            if (members.put(key, value()) != null) {
                throw new JsonException(source, "duplicate member '" + key + "'", keyLine, keyColumn);
            }
            skipWhitespace();
            char next = peek();
            pos++;
            if (next == '}') {
                depth--;
                return new JsonNode(JsonNode.Kind.OBJECT, members, l, c);
            }
            if (next != ',') {
                pos--;
                throw error(found() + ", expected ',' or '}'");
            }
        }
    }

    private JsonNode array(int l, int c) throws JsonException {
        enter();
        pos++;
        List<JsonNode> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return new JsonNode(JsonNode.Kind.ARRAY, elements, l, c);
        }
        while (true) {
            skipWhitespace();
            elements.add(value());
            skipWhitespace();
            char next = peek();
            pos++;
            if (next == ']') {
                depth--;
                return new JsonNode(JsonNode.Kind.ARRAY, elements, l, c);
            }
            if (next != ',') {
                pos--;
                throw error(found() + ", expected ',' or ']'");
            }
        }
    }

    private String string() throws JsonException {
        pos++; // opening quote
        StringBuilder sb = null;
        int start = pos;
        int hash = 0;
        while (true) {
            if (pos >= text.length()) {
                throw error("unexpected end of input inside a string (truncated file?)");
            }
            char ch = text.charAt(pos);
            if (ch == '"') {
                String s = sb == null ? shared(start, pos, hash) : sb.append(text, start, pos).toString();
                pos++;
                return s;
            }
            hash = 31 * hash + ch;
            if (ch < 0x20) {
                throw error("unescaped control character U+" + hex4(ch) + " in a string");
            }
            if (ch == '\\') {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(text, start, pos);
                sb.append(escape());
                start = pos;
            } else {
                pos++;
            }
        }
    }

    /**
     * {@code text.substring(start, end)}, the same instance as last time for a repeated string: member names and
     * stack frames repeat thousands of times in a data file, and one copy of each keeps the parsed file small (less
     * garbage-collection work while reports read tens of megabytes). A slot per hash, overwritten on collision.
     */
    private String shared(int start, int end, int hash) {
        int length = end - start;
        if (length > MAX_SHARED_LENGTH) {
            return text.substring(start, end);
        }
        int slot = (hash ^ (hash >>> 16)) & (SHARED_SLOTS - 1);
        String known = shared[slot];
        if (known != null && known.length() == length && text.regionMatches(start, known, 0, length)) {
            return known;
        }
        String s = text.substring(start, end);
        shared[slot] = s;
        return s;
    }

    private char escape() throws JsonException {
        pos++; // backslash
        if (pos >= text.length()) {
            throw error("unexpected end of input inside a string (truncated file?)");
        }
        char ch = text.charAt(pos++);
        switch (ch) {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                if (pos + 4 > text.length()) {
                    throw error("unexpected end of input in a \\u escape (truncated file?)");
                }
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = Character.digit(text.charAt(pos), 16);
                    if (digit < 0) {
                        throw error("invalid hex digit " + describe(text.charAt(pos)) + " in a \\u escape");
                    }
                    code = code * 16 + digit;
                    pos++;
                }
                return (char) code;
            default:
                pos--;
                throw error("invalid escape '\\" + ch + "'");
        }
    }

    private String number() throws JsonException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (!digits()) {
            throw error(found() + ", expected a digit");
        }
        if (peek() == '.') {
            pos++;
            if (!digits()) {
                throw error(found() + ", expected a digit after '.'");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!digits()) {
                throw error(found() + ", expected a digit in the exponent");
            }
        }
        return text.substring(start, pos);
    }

    private boolean digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private void literal(String word) throws JsonException {
        for (int i = 0; i < word.length(); i++) {
            if (pos >= text.length()) {
                throw error("unexpected end of input (truncated file?), expected '" + word + "'");
            }
            if (text.charAt(pos) != word.charAt(i)) {
                throw error(found() + ", expected '" + word + "'");
            }
            pos++;
        }
    }

    private void enter() throws JsonException {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void expect(char ch) throws JsonException {
        if (peek() != ch) {
            throw error(found() + ", expected '" + ch + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char ch = text.charAt(pos);
            if (ch == '\n') {
                line++;
                lineStart = pos + 1;
            } else if (ch != ' ' && ch != '\t' && ch != '\r') {
                return;
            }
            pos++;
        }
    }

    private int column() {
        return pos - lineStart + 1;
    }

    private String found() {
        return pos >= text.length() ? "unexpected end of input (truncated file?)" : "unexpected " + describe(text.charAt(pos));
    }

    private static String describe(char ch) {
        return ch < 0x20 || ch > 0x7e ? "character U+" + hex4(ch) : "'" + ch + "'";
    }

    /** Four upper-case hex digits, as {@code %04X} would print them (no Formatter: it loads regex). */
    private static String hex4(char ch) {
        String hex = Integer.toHexString(ch).toUpperCase(java.util.Locale.ROOT);
        return "0000".substring(hex.length()) + hex;
    }

    private JsonException error(String problem) {
        return new JsonException(source, problem, line, column());
    }
}
