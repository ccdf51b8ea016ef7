package dev.mapper.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Small mapping files in the unified schema: as text, for tests that damage or vary them; as trees, for files of
 * any domain and ATT&CK version.
 */
public final class MappingFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MappingFiles() {
    }

    /** A file of the test framework, mapped to ATT&CK 16.1; one mapping object per line after line 2. */
    public static String file(String... mappingObjects) {
        return file("test", "16.1", List.of(mappingObjects));
    }

    /** A file of the framework (version 1), mapped to enterprise ATT&CK of that version; one mapping a line. */
    private static String file(String framework, String attackVersion, List<String> mappingObjects) {
        return "{\"metadata\": {\"mapping_version\": \"1\", \"attack_version\": \"" + attackVersion + "\", "
                + "\"technology_domain\": \"enterprise\", \"creation_date\": \"01/01/2025\", "
                + "\"last_update\": \"01/01/2025\", \"mapping_framework\": \"" + framework + "\", "
                + "\"mapping_framework_version\": \"1\"},\n"
                + "\"mapping_objects\": [\n" + String.join(",\n", mappingObjects) + "\n]}\n";
    }

    /** A file of the framework mapped to ATT&CK 18.1, as the hand-made 18.1 bundles of the tests are. */
    public static String file(String framework, List<String> mappingObjects) {
        return file(framework, "18.1", mappingObjects);
    }

    /** A protect mapping of a technique, scored (null: no score), its description "CAPABILITY service". */
    public static String scored(String capabilityId, String techniqueId, String score) {
        return "{\"capability_id\": \"" + capabilityId + "\", \"capability_description\": \"" + capabilityId
                + " service\", \"mapping_type\": \"technique_scores\", \"attack_object_id\": \"" + techniqueId
                + "\", \"score_category\": \"protect\", \"score_value\": "
                + (score == null ? "null" : "\"" + score + "\"") + ", \"status\": \"complete\"}";
    }

    /** A mapping of T1528; {@code more} is inserted as further fields (start it with a comma). */
    public static String mapping(String capabilityId, String more) {
        return "{\"capability_id\": \"" + capabilityId + "\", \"mapping_type\": \"mitigates\", "
                + "\"attack_object_id\": \"T1528\", \"attack_object_name\": \"Steal Application Access Token\", "
                + "\"status\": \"complete\"" + more + "}";
    }

    /** A file of {@code count} mappings of T1528 (cap-0, cap-1, ...), each with a 100-character comment. */
    public static String manyMappings(int count) {
        return file(IntStream.range(0, count)
                .mapToObj(i -> mapping("cap-" + i, ", \"comments\": \"" + "x".repeat(100) + "\""))
                .toArray(String[]::new));
    }

    /** A mapping file of the unified schema: metadata with the types and group its mappings use, then the objects. */
    public static ObjectNode mappingFile(String framework, String version, String attack, String domain,
                                         List<ObjectNode> objects) {
        ObjectNode file = JSON.createObjectNode();
        ObjectNode metadata = file.putObject("metadata").put("mapping_version", "1").put("attack_version", attack)
                .put("technology_domain", domain).put("creation_date", "01/02/2025").put("last_update", "01/02/2025")
                .put("mapping_framework", framework).put("mapping_framework_version", version);
        ObjectNode types = metadata.putObject("mapping_types");
        objects.forEach(o -> {
            String type = o.path("mapping_type").asText();
            if (!type.equals("non_mappable")) {
                types.putObject(type).put("name", type).put("description", "");
            }
        });
        metadata.putObject("capability_groups").put("g", "Group");
        file.putArray("mapping_objects").addAll(objects);
        return file;
    }

    /** A mapping object for {@link #mappingFile}: capability (group "g") to technique, complete unless non_mappable. */
    public static ObjectNode mappingObject(String capability, String technique, String type) {
        return JSON.createObjectNode().put("capability_id", capability).put("mapping_type", type)
                .put("attack_object_id", technique).put("capability_group", "g")
                .put("status", "non_mappable".equals(type) ? "non_mappable" : "complete");
    }

    /** Writes a mapping file's tree to {@code file}, making its folder. */
    public static void write(Path file, JsonNode tree) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
