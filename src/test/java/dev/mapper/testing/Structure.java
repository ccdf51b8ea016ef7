package dev.mapper.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Structural checks of exported files, written from the published specs (Navigator layer 4.5, STIX 2.1). */
public final class Structure {

    private static final Pattern STIX_ID =
            Pattern.compile("([a-z][a-z0-9-]+)--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    private static final Pattern TECHNIQUE_ID = Pattern.compile("T\\d{4}(\\.\\d{3})?");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    private Structure() {
    }

    /** Every field of a layer checked against layerformat.md v4.5: required fields, types and allowed values. */
    public static void assertValidLayer(JsonNode layer) {
        assertThat(layer.path("name").isTextual()).as("name").isTrue();
        assertThat(layer.path("domain").asText()).isIn("enterprise-attack", "mobile-attack", "ics-attack");
        JsonNode versions = layer.path("versions");
        assertThat(versions.path("layer").asText()).isEqualTo("4.5");
        assertThat(versions.path("navigator").asText()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(versionAtLeast(versions.path("navigator").asText(), 4, 9)).as("navigator >= 4.9.0").isTrue();
        if (versions.has("attack")) {
            assertThat(versions.path("attack").asText()).matches("\\d+");
        }
        assertThat(layer.path("description").isTextual()).isTrue();
        assertThat(layer.path("sorting").isInt()).isTrue();
        assertThat(layer.path("sorting").asInt()).isBetween(0, 3);
        JsonNode layout = layer.path("layout");
        assertThat(layout.path("layout").asText()).isIn("side", "flat", "mini");
        assertThat(layout.path("showID").isBoolean()).isTrue();
        assertThat(layout.path("showName").isBoolean()).isTrue();
        assertThat(layout.path("expandedSubtechniques").asText()).isIn("none", "all", "annotated");
        assertThat(layer.path("hideDisabled").isBoolean()).isTrue();
        for (JsonNode t : layer.path("techniques")) {
            assertThat(t.path("techniqueID").asText()).matches(TECHNIQUE_ID);
            if (t.has("score")) {
                assertThat(t.path("score").isNumber()).isTrue();
            }
            assertThat(t.path("comment").isTextual()).isTrue();
            assertMetadata(t.path("metadata"));
            for (JsonNode link : t.path("links")) {
                assertThat(link.path("label").isTextual()).isTrue();
                assertThat(link.path("url").asText()).startsWith("https://");
            }
        }
        JsonNode gradient = layer.path("gradient");
        assertThat(gradient.path("colors").size()).isGreaterThanOrEqualTo(2);
        gradient.path("colors").forEach(c -> assertThat(c.asText()).matches(COLOR));
        assertThat(gradient.path("minValue").isNumber()).isTrue();
        assertThat(gradient.path("maxValue").asDouble()).isGreaterThan(gradient.path("minValue").asDouble());
        assertThat(layer.path("legendItems")).isNotEmpty();
        for (JsonNode item : layer.path("legendItems")) {
            assertThat(item.path("label").isTextual()).isTrue();
            assertThat(item.path("color").asText()).matches(COLOR);
        }
        assertMetadata(layer.path("metadata"));
    }

    private static void assertMetadata(JsonNode metadata) {
        assertThat(metadata.isArray()).isTrue();
        for (JsonNode m : metadata) {
            if (!m.has("divider")) {
                assertThat(m.path("name").isTextual()).isTrue();
                assertThat(m.path("value").isTextual()).isTrue();
            }
        }
    }

    private static boolean versionAtLeast(String version, int major, int minor) {
        String[] parts = version.split("\\.");
        int a = Integer.parseInt(parts[0]);
        return a > major || (a == major && Integer.parseInt(parts[1]) >= minor);
    }

    /**
     * A STIX 2.1 bundle: id syntax and uniqueness, the common required properties, and every relationship's
     * source in the bundle and target among {@code attackPatternIds}.
     */
    public static void assertValidStixBundle(JsonNode bundle, Set<String> attackPatternIds) {
        assertThat(bundle.path("type").asText()).isEqualTo("bundle");
        assertThat(bundle.path("id").asText()).matches(STIX_ID).startsWith("bundle--");
        Set<String> ids = new HashSet<>();
        for (JsonNode o : bundle.path("objects")) {
            String id = o.path("id").asText();
            assertThat(id).matches(STIX_ID).startsWith(o.path("type").asText() + "--");
            assertThat(ids.add(id)).as("unique id " + id).isTrue();
            assertThat(o.path("spec_version").asText()).isEqualTo("2.1");
            assertThat(o.path("created").asText()).matches(TIMESTAMP);
            assertThat(o.path("modified").asText()).matches(TIMESTAMP);
            assertThat(o.path("modified").asText()).isGreaterThanOrEqualTo(o.path("created").asText());
            o.fields().forEachRemaining(f -> assertThat(f.getValue().isNull()).as("null " + f.getKey()).isFalse());
        }
        for (JsonNode o : bundle.path("objects")) {
            if (o.path("type").asText().equals("course-of-action")) {
                assertThat(o.path("name").asText()).isNotBlank();
            }
            if (o.path("type").asText().equals("relationship")) {
                assertThat(o.path("relationship_type").asText()).isIn("mitigates", "related-to");
                assertThat(ids).contains(o.path("source_ref").asText());
                assertThat(o.path("source_ref").asText()).startsWith("course-of-action--");
                assertThat(attackPatternIds).contains(o.path("target_ref").asText());
            }
        }
    }

    /** The attack-pattern ids of an ATT&CK STIX bundle, read independently of mapper. */
    public static Set<String> attackPatternIds(JsonNode attackBundle) {
        Set<String> ids = new HashSet<>();
        for (JsonNode o : attackBundle.path("objects")) {
            if (o.path("type").asText().equals("attack-pattern")) {
                ids.add(o.path("id").asText());
            }
        }
        return ids;
    }
}
