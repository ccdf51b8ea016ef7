package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Corpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Load → JSON export → compare with the source file, field by field, for every mapping object of every corpus file:
 * nothing is lost, including fields the unified schema does not name (docs/json.md: absent → null, the rest in
 * {@code extra_fields}). The source is read with plain Jackson, independently of mapper's loader.
 */
class RoundTripCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The mapping-object fields docs/json.md lists under their own names. */
    private static final List<String> MAPPING_FIELDS = List.of("capability_id", "capability_description",
            "capability_group", "mapping_type", "attack_object_id", "attack_object_name", "score_category",
            "score_value", "related_score", "comments", "references", "status", "author", "author_contact",
            "author_organization");

    /** The set fields each exported mapping carries, from the file's metadata. */
    private static final List<String> SET_FIELDS = List.of("mapping_framework", "mapping_framework_version",
            "attack_version", "technology_domain");

    static List<Path> corpusFiles() {
        return Corpus.mappingFiles();
    }

    @Test
    void theCorpusHasTheTwentyFourFilesThisTestIsAbout() {
        assertThat(corpusFiles()).hasSize(24);
    }

    @ParameterizedTest
    @MethodSource("corpusFiles")
    void everyMappingObjectSurvivesLoadAndJsonExport(Path file) throws Exception {
        Cli.Run run = Cli.run("--no-bundled", "--data", file.toString(), "export", "mappings", "--all-versions",
                "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode source = Corpus.tree(file);
        assertSameMappings(JSON.readTree(run.out()).path("mappings"), list(source.path("mapping_objects")),
                source.path("metadata"), file);
    }

    /** Each exported mapping, less its derived fields, equals the source object as docs/json.md maps it. */
    private static void assertSameMappings(JsonNode exported, List<JsonNode> sources, JsonNode metadata, Path file) {
        assertThat(exported).hasSize(sources.size());
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            ObjectNode expected = expectedExport(sources.get(i), metadata);
            ObjectNode actual = (ObjectNode) exported.get(i);
            assertThat(actual.remove("source").asText()).isEqualTo(file.toString());
            actual.remove("mapping_set");
            // ObjectNode equality ignores order; extra fields keep the source's order too.
            boolean sameOrder = names(actual.path("extra_fields")).equals(names(expected.path("extra_fields")));
            if (!actual.equals(expected) || !sameOrder) {
                differences.add(file.getFileName() + " mapping " + i + ": expected " + expected + " but was " + actual);
            }
        }
        assertThat(differences).isEmpty();
    }

    /** Absent official fields become null; every other field of the source goes, as it is, to extra_fields. */
    private static ObjectNode expectedExport(JsonNode source, JsonNode metadata) {
        ObjectNode expected = JSON.createObjectNode();
        ObjectNode unknown = source.deepCopy();
        for (String field : MAPPING_FIELDS) {
            expected.set(field, source.has(field) ? source.get(field) : NullNode.getInstance());
            unknown.remove(field);
        }
        for (String field : SET_FIELDS) {
            expected.set(field, metadata.get(field));
        }
        if (!unknown.isEmpty()) {
            expected.set("extra_fields", unknown);
        }
        return expected;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
