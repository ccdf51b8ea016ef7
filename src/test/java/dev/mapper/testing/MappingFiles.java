package dev.mapper.testing;

import java.util.stream.IntStream;

/** Small mapping files in the unified schema, as text, for tests that damage or vary them. */
public final class MappingFiles {

    private MappingFiles() {
    }

    /** A file of the test framework, mapped to ATT&CK 16.1; one mapping object per line after line 2. */
    public static String file(String... mappingObjects) {
        return "{\"metadata\": {\"mapping_version\": \"1\", \"attack_version\": \"16.1\", "
                + "\"technology_domain\": \"enterprise\", \"creation_date\": \"01/01/2025\", "
                + "\"last_update\": \"01/01/2025\", \"mapping_framework\": \"test\", "
                + "\"mapping_framework_version\": \"1\"},\n"
                + "\"mapping_objects\": [\n" + String.join(",\n", mappingObjects) + "\n]}\n";
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
