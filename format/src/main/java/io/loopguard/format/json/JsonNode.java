package io.loopguard.format.json;

import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value with the position where it starts, so that readers can say where a wrong value is.
 * Produced by {@link JsonParser}; objects keep their key order.
 */
public final class JsonNode {

    /** The JSON type of a node. */
    public enum Kind {
        OBJECT("an object"), ARRAY("an array"), STRING("a string"), NUMBER("a number"), BOOLEAN("a boolean"),
        NULL("null");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        /** "an object", "a string", ... for error messages. */
        public String description() {
            return description;
        }
    }

    private final Kind kind;
    private final Object value;
    private final int line;
    private final int column;

    JsonNode(Kind kind, Object value, int line, int column) {
        this.kind = kind;
        this.value = value;
        this.line = line;
        this.column = column;
    }

    public Kind kind() {
        return kind;
    }

    /** 1-based line where the value starts. */
    public int line() {
        return line;
    }

    /** 1-based column where the value starts. */
    public int column() {
        return column;
    }

    /** The members of an object, in document order. */
    @SuppressWarnings("unchecked")
    public Map<String, JsonNode> members() {
        check(Kind.OBJECT);
        return (Map<String, JsonNode>) value;
    }

    /** The elements of an array. */
    @SuppressWarnings("unchecked")
    public List<JsonNode> elements() {
        check(Kind.ARRAY);
        return (List<JsonNode>) value;
    }

    /** The value of a string. */
    public String string() {
        check(Kind.STRING);
        return (String) value;
    }

    /** The literal text of a number, e.g. {@code -12} or {@code 1.5e3}. */
    public String numberText() {
        check(Kind.NUMBER);
        return (String) value;
    }

    /** The value of a boolean. */
    public boolean bool() {
        check(Kind.BOOLEAN);
        return (Boolean) value;
    }

    private void check(Kind expected) {
        if (kind != expected) {
            throw new IllegalStateException("expected " + expected.description() + ", is " + kind.description());
        }
    }
}
