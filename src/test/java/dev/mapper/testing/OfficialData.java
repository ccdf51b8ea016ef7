package dev.mapper.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * Small files in the official formats, made up for tests that install data: an ATT&CK collection index, ATT&CK
 * STIX 2.1 bundles of any domain and version, and Mappings Explorer files of any framework.
 */
public final class OfficialData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OfficialData() {
    }

    /** A bundle of the domain ("enterprise") at the version, with one technique per ID; {@code padding} bytes of description make it big. */
    public static byte[] attackBundle(String domain, String version, int padding, String... techniqueIds) {
        ObjectNode bundle = JSON.createObjectNode().put("type", "bundle").put("id", "bundle--" + domain + version);
        ArrayNode objects = bundle.putArray("objects");
        ObjectNode collection = objects.addObject().put("type", "x-mitre-collection")
                .put("id", "x-mitre-collection--" + domain).put("spec_version", "2.1")
                .put("name", domain + " ATT&CK").put("x_mitre_version", version);
        collection.putArray("x_mitre_domains").add(domain + "-attack");
        for (String id : techniqueIds) {
            ObjectNode technique = objects.addObject().put("type", "attack-pattern")
                    .put("id", "attack-pattern--" + id).put("spec_version", "2.1")
                    .put("name", "Technique " + id + " of " + domain + " " + version)
                    .put("description", "x".repeat(padding));
            technique.putArray("x_mitre_domains").add(domain + "-attack");
            technique.putArray("external_references").addObject().put("source_name", "mitre-attack")
                    .put("external_id", id);
        }
        return bytes(bundle);
    }

    /** A mapping file of the framework's set, one "mitigates" mapping per technique ID. */
    public static byte[] mappingFile(String framework, String frameworkVersion, String attackVersion, String domain,
                                     String... techniqueIds) {
        ObjectNode file = JSON.createObjectNode();
        file.putObject("metadata").put("mapping_version", "1").put("attack_version", attackVersion)
                .put("technology_domain", domain).put("creation_date", "01/01/2025").put("last_update", "01/01/2025")
                .put("mapping_framework", framework).put("mapping_framework_version", frameworkVersion)
                .putObject("mapping_types").putObject("mitigates").put("name", "mitigates");
        ArrayNode mappings = file.putArray("mapping_objects");
        for (String id : techniqueIds) {
            mappings.addObject().put("capability_id", framework + "_capability").put("mapping_type", "mitigates")
                    .put("attack_object_id", id).put("attack_object_name", "Technique " + id)
                    .put("capability_description", framework + " capability").put("status", "complete");
        }
        return bytes(file);
    }

    /** An ATT&CK collection index: {@code releases} are triples of domain, version and URL. */
    public static byte[] collectionIndex(String... releases) {
        ObjectNode index = JSON.createObjectNode().put("id", "test-index").put("name", "MITRE ATT&CK");
        ArrayNode collections = index.putArray("collections");
        for (int i = 0; i < releases.length; i += 3) {
            String name = Character.toUpperCase(releases[i].charAt(0)) + releases[i].substring(1) + " ATT&CK";
            ObjectNode collection = null;
            for (var existing : collections) {
                if (existing.path("name").asText().equals(name)) {
                    collection = (ObjectNode) existing;
                }
            }
            if (collection == null) {
                collection = collections.addObject().put("id", "x-mitre-collection--" + releases[i]).put("name", name);
                collection.putArray("versions");
            }
            ((ArrayNode) collection.get("versions")).addObject().put("version", releases[i + 1])
                    .put("url", releases[i + 2]).put("modified", "2025-01-01T00:00:00.000Z");
        }
        return bytes(index);
    }

    private static byte[] bytes(ObjectNode node) {
        return node.toPrettyString().getBytes(StandardCharsets.UTF_8);
    }
}
