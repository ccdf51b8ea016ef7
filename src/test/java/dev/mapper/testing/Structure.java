package dev.mapper.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Structural checks of exported files, written from the published specs (Navigator layer 4.5, STIX 2.1). */
public final class Structure {

    private Structure() {
    }

    /**
     * A layer against layerformat.md v4.5 (its JSON schema, then what a schema cannot say), and what clients need
     * beyond the format: a Navigator version mitreattack-python knows (5.x), a gradient whose ends are apart
     * (mitreattack-python fails otherwise) and a legend whose colours are the gradient's, and every sub-technique's
     * parent entry with {@code showSubtechniques} (ToExcel leaves the sub-technique out otherwise).
     */
    public static void assertValidLayer(JsonNode layer) {
        Schemas.assertValidLayer(layer);
        assertThat(layer.path("versions").path("navigator").asText()).startsWith("5.");
        JsonNode gradient = layer.path("gradient");
        assertThat(gradient.path("maxValue").asDouble()).isGreaterThan(gradient.path("minValue").asDouble());
        List<String> colours = new ArrayList<>();
        gradient.path("colors").forEach(c -> colours.add(c.asText()));
        assertThat(layer.path("legendItems")).isNotEmpty();
        layer.path("legendItems").forEach(item -> assertThat(colours).contains(item.path("color").asText()));
        Set<String> showing = new HashSet<>();
        for (JsonNode t : layer.path("techniques")) {
            if (t.path("showSubtechniques").asBoolean()) {
                showing.add(t.path("techniqueID").asText());
            }
        }
        for (JsonNode t : layer.path("techniques")) {
            String id = t.path("techniqueID").asText();
            if (id.contains(".")) {
                assertThat(showing).as("parent of " + id + " shows its sub-techniques").contains(id.split("\\.")[0]);
            }
        }
    }

    /**
     * A STIX 2.1 bundle: the STIX 2.1 JSON schemas, id uniqueness, timestamps in order, no custom property (custom
     * data goes in the bundle's own property extension), every object made by the bundle's identity, and every
     * relationship between a capability of the bundle and one of {@code attackPatternIds}, in the direction STIX
     * gives its type: a capability {@code mitigates} or is {@code related-to} a technique, a technique
     * {@code targets} a vulnerability.
     */
    public static void assertValidStixBundle(JsonNode bundle, Set<String> attackPatternIds) {
        Schemas.assertValidStixBundle(bundle);
        Set<String> ids = new HashSet<>();
        Set<String> identities = new HashSet<>();
        for (JsonNode o : bundle.path("objects")) {
            String id = o.path("id").asText();
            assertThat(ids.add(id)).as("unique id " + id).isTrue();
            assertThat(o.path("modified").asText()).isGreaterThanOrEqualTo(o.path("created").asText());
            o.fieldNames().forEachRemaining(name -> assertThat(name).as(id).doesNotStartWith("x_"));
            if (o.path("type").asText().equals("identity")) {
                identities.add(id);
            }
        }
        for (JsonNode o : bundle.path("objects")) {
            assertThat(identities).as("created_by_ref of " + o.path("id").asText())
                    .contains(o.path("created_by_ref").asText());
            if (o.path("type").asText().equals("relationship")) {
                String source = o.path("source_ref").asText();
                String target = o.path("target_ref").asText();
                if (o.path("relationship_type").asText().equals("targets")) {
                    assertThat(attackPatternIds).contains(source);
                    assertThat(ids).contains(target);
                    assertThat(target).startsWith("vulnerability--");
                } else {
                    assertThat(o.path("relationship_type").asText()).isIn("mitigates", "related-to");
                    assertThat(ids).contains(source);
                    assertThat(source).matches("(course-of-action|vulnerability)--.*");
                    assertThat(attackPatternIds).contains(target);
                }
            }
        }
    }

    /** The ids of the attack-patterns of an ATT&CK STIX bundle that are not revoked, read independently of mapper. */
    public static Set<String> currentAttackPatternIds(JsonNode attackBundle) {
        Set<String> ids = new HashSet<>();
        for (JsonNode o : attackBundle.path("objects")) {
            if (o.path("type").asText().equals("attack-pattern") && !o.path("revoked").asBoolean()) {
                ids.add(o.path("id").asText());
            }
        }
        return ids;
    }
}
