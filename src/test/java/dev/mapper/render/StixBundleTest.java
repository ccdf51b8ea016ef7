package dev.mapper.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapper.testing.Parsed;
import dev.mapper.testing.Schemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StixBundleTest {

    @Test
    void uuid5MatchesTheRfc4122Algorithm() {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(StixBundle.uuid5(dns, "python.org")).hasToString("886313e1-3b8a-5372-9b90-0c9aee199e5d");
        assertThat(StixBundle.uuid5("x").version()).isEqualTo(5);
    }

    @Test
    void theDocsQuoteTheExtensionSchemaTheBundleDeclares() throws Exception {
        String docs = Files.readString(Path.of("docs/export.md"));
        int heading = docs.indexOf("The extension's JSON Schema");
        assertThat(heading).isPositive();
        int start = docs.indexOf("```json\n", heading) + "```json\n".length();
        JsonNode documented = Parsed.json(docs.substring(start, docs.indexOf("```", start)));
        assertThat(documented).isEqualTo(Parsed.json(StixBundle.EXTENSION_SCHEMA));
    }

    @Test
    void theExtensionSchemaAcceptsMappersPropertiesAndNothingElse() {
        JsonNode ok = Parsed.json("{\"extension_type\": \"property-extension\", \"capability_id\": \"AC-02\", "
                + "\"mapping_framework\": \"nist_800_53\", \"attack_object_id\": \"T1078\", \"score_value\": \"partial\"}");
        assertThat(Schemas.errors(StixBundle.EXTENSION_SCHEMA, ok)).isEmpty();
        assertThat(Schemas.errors(StixBundle.EXTENSION_SCHEMA, Parsed.json(
                "{\"extension_type\": \"property-extension\", \"x_mapex_capability_id\": \"AC-02\"}"))).isNotEmpty();
        assertThat(Schemas.errors(StixBundle.EXTENSION_SCHEMA, Parsed.json("{\"capability_id\": \"AC-02\"}")))
                .isNotEmpty();
    }
}
