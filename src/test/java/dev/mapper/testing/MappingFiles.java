package dev.mapper.testing;

import java.util.List;
import java.util.stream.IntStream;

/** Small mapping files in the unified schema, as text, for tests that damage or vary them. */
public final class MappingFiles {

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
}
