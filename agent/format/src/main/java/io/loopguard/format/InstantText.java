package io.loopguard.format;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** ISO-8601 timestamps of the data file: written in UTC ({@code Z}); read with any offset, for hand-made files. */
final class InstantText {

    private InstantText() {
    }

    static Instant parse(JsonNode node, String path, String source) throws DataFileException {
        String text = node.string();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                throw new DataFileException(source, path + ": invalid timestamp '" + text
                        + "', expected ISO-8601 such as 2026-11-22T10:00:00Z", node.line(), node.column());
            }
        }
    }
}
