package dev.mapper.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exports checked against JSON schemas: the published STIX 2.1 schemas (OASIS cti-stix2-json-schemas, test
 * resources, read from the class path under their own {@code $id}s) and a layer format 4.5 schema written from the
 * Navigator's specification.
 */
public final class Schemas {

    private static final String STIX_IDS = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
    private static final String LAYER_ID = "https://mapper.test/navigator-layer-4.5.schema.json";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(resolvers -> resolvers
                    .mapPrefix(STIX_IDS, "classpath:stix2.1-json-schemas/schemas/")
                    .mapPrefix(LAYER_ID, "classpath:navigator-layer-4.5.schema.json")));
    /** The schema of each STIX type mapper writes, by type. */
    private static final Map<String, String> STIX_TYPES = Map.of(
            "bundle", "common/bundle.json",
            "identity", "sdos/identity.json",
            "extension-definition", "common/extension-definition.json",
            "course-of-action", "sdos/course-of-action.json",
            "vulnerability", "sdos/vulnerability.json",
            "relationship", "sros/relationship.json");
    private static final int WHOLE_BUNDLE_OBJECTS = 200;
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private Schemas() {
    }

    /** The layer against the layer format 4.5 schema. */
    public static void assertValidLayer(JsonNode layer) {
        assertValid(schema(LAYER_ID), layer, "layer");
    }

    /**
     * The bundle against the STIX 2.1 bundle schema (with its first objects only: the bundle schema tries every
     * object schema on every object, which is slow), then each object against the schema of its type, and each
     * property extension against the JSON schema its {@code extension-definition} in the bundle gives.
     */
    public static void assertValidStixBundle(JsonNode bundle) {
        // bundle.json lists no extension-definition (its catch-all for other types matches both core schemas, which
        // oneOf refuses), so those are checked against their own schema below only.
        ObjectNode checked = bundle.deepCopy();
        ArrayNode objects = checked.putArray("objects");
        for (JsonNode o : bundle.path("objects")) {
            if (!o.path("type").asText().equals("extension-definition") && objects.size() < WHOLE_BUNDLE_OBJECTS) {
                objects.add(o);
            }
        }
        assertValid(stix("bundle"), checked, "bundle");
        Map<String, Schema> extensions = new ConcurrentHashMap<>();
        for (JsonNode o : bundle.path("objects")) {
            if (o.path("type").asText().equals("extension-definition")) {
                extensions.put(o.path("id").asText(), REGISTRY.getSchema(o.path("schema").asText(), InputFormat.JSON));
            }
        }
        for (JsonNode o : bundle.path("objects")) {
            String type = o.path("type").asText();
            assertThat(STIX_TYPES).as("a schema for " + type).containsKey(type);
            assertValid(stix(type), o, o.path("id").asText());
            o.path("extensions").fields().forEachRemaining(e -> {
                assertThat(extensions).as("the definition of " + e.getKey() + " in the bundle").containsKey(e.getKey());
                assertValid(extensions.get(e.getKey()), e.getValue(), o.path("id").asText() + " " + e.getKey());
            });
        }
    }

    /** The errors of the node against the JSON schema given as text. */
    public static List<String> errors(String schemaText, JsonNode node) {
        return messages(REGISTRY.getSchema(schemaText, InputFormat.JSON).validate(node));
    }

    private static Schema stix(String type) {
        return schema(STIX_IDS + STIX_TYPES.get(type));
    }

    private static Schema schema(String id) {
        return LOADED.computeIfAbsent(id, k -> REGISTRY.getSchema(SchemaLocation.of(k)));
    }

    private static void assertValid(Schema schema, JsonNode node, String what) {
        assertThat(messages(schema.validate(node))).as(what + " against its JSON schema").isEmpty();
    }

    private static List<String> messages(List<Error> errors) {
        List<String> messages = new ArrayList<>();
        errors.forEach(e -> messages.add(e.getInstanceLocation() + ": " + e.getMessage()));
        return messages;
    }
}
