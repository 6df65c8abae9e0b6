package io.loopguard.report.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The official SARIF 2.1.0 JSON schema (OASIS, errata 01, draft-04; a copy in test resources) and a validator from
 * Maven Central: every SARIF document the tests make goes through {@link #assertValid}.
 */
public final class SarifSchema {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = load();

    private SarifSchema() {
    }

    private static JsonSchema load() {
        try (InputStream in = SarifSchema.class.getResourceAsStream("sarif-schema-2.1.0.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's complaints about {@code sarif} (empty when it is valid). */
    public static Set<ValidationMessage> errors(String sarif) {
        try {
            return SCHEMA.validate(JSON.readTree(sarif));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with the schema's messages unless {@code sarif} is valid SARIF 2.1.0. */
    public static void assertValid(String sarif) {
        assertThat(errors(sarif)).as("SARIF 2.1.0 schema violations").isEmpty();
    }
}
