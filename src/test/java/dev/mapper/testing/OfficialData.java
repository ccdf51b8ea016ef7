package dev.mapper.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * Small files in the official formats, made up for tests that install data: an ATT&CK collection index, ATT&CK
 * STIX 2.1 bundles of any domain and version ({@link AttackBundle}), and Mappings Explorer files of any framework
 * ({@link MappingFiles}), as the bytes a server sends.
 */
public final class OfficialData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OfficialData() {
    }

    /**
     * A bundle of the domain ("enterprise") at the version, with one technique per ID, named "Technique ID of DOMAIN
     * VERSION"; {@code padding} bytes of description each make it big.
     */
    public static byte[] attackBundle(String domain, String version, int padding, String... techniqueIds) {
        AttackBundle bundle = AttackBundle.of(domain, version).credentialAccess();
        for (String id : techniqueIds) {
            bundle.technique(id, "Technique " + id + " of " + domain + " " + version).describe(id, "x".repeat(padding));
        }
        return bundle.json().getBytes(StandardCharsets.UTF_8);
    }

    /** A mapping file of the framework's set, one "mitigates" mapping per technique ID. */
    public static byte[] mappingFile(String framework, String frameworkVersion, String attackVersion, String domain,
                                     String... techniqueIds) {
        MappingFiles.File file = MappingFiles.file(framework).version(frameworkVersion).attack(attackVersion)
                .domain(domain);
        for (String id : techniqueIds) {
            file.add(MappingFiles.mapping(framework + "_capability", id).name("Technique " + id)
                    .description(framework + " capability"));
        }
        return file.text().getBytes(StandardCharsets.UTF_8);
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
        return index.toPrettyString().getBytes(StandardCharsets.UTF_8);
    }
}
