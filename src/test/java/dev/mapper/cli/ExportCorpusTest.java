package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapper.model.Score;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Corpus;
import dev.mapper.testing.Parsed;
import dev.mapper.testing.Structure;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Exports over the corpus, checked against plain Jackson walks of the same files. */
class ExportCorpusTest {

    private static final Pattern TECHNIQUE_ID = Pattern.compile("T\\d{4}(\\.\\d{3})?");
    private static JsonNode newestAws;
    private static List<JsonNode> newest;

    @BeforeAll
    static void readCorpusIndependently() {
        newest = Corpus.newestPerFramework();
        newestAws = newest.stream().filter(f -> f.path("metadata").path("mapping_framework").asText().equals("aws"))
                .findFirst().orElseThrow();
    }

    private static String run(String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "--data";
        full[1] = Corpus.root().toString();
        System.arraycopy(args, 0, full, 2, args.length);
        Cli.Run run = Cli.run(full);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    private static boolean mapped(JsonNode m) {
        String type = m.path("mapping_type").asText("");
        return !type.isEmpty() && !type.equals("non_mappable") && !m.path("status").asText().equals("non_mappable")
                && TECHNIQUE_ID.matcher(m.path("attack_object_id").asText("")).matches();
    }

    @Test
    void aCapabilityExportOverSetsWithNonMappableRows() {
        // NIST files hold non_mappable rows with no capability_id; selecting a capability must pass over them.
        long expected = 0;
        for (JsonNode file : Corpus.allFiles()) {
            for (JsonNode m : file.path("mapping_objects")) {
                // AC-2 and AC-02 are the same control, spelled as older and newer NIST files spell it.
                if ("AC-02".equals(m.path("capability_id").asText(null)) || "AC-2".equals(m.path("capability_id").asText(null))) {
                    expected++;
                }
            }
        }
        JsonNode doc = Parsed.json(
                run("export", "mappings", "--capability", "AC-02", "--all-versions", "--format", "json"));
        assertThat(doc.path("mappings")).hasSize((int) expected);
        assertThat(expected).isPositive();
    }

    @Test
    void aMappingTypeUsedOnlyWithoutTechniquesIsAValidFilter() {
        // The AWS 9.0 file records non_mappable capabilities with a null attack_object_id and does not define the
        // type in its metadata: the filter must still know it.
        java.nio.file.Path aws9 = Corpus.mappings().resolve("aws/aws-09.21.2021_attack-9.0-enterprise.json");
        long expected = 0;
        for (JsonNode m : Corpus.tree(aws9).path("mapping_objects")) {
            if ("non_mappable".equals(m.path("mapping_type").asText(null))) {
                expected++;
            }
        }
        Cli.Run run = Cli.run("--no-bundled", "--data", aws9.toString(), "export", "mappings", "--mapping-type",
                "non_mappable", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Parsed.json(run.out()).path("mappings")).hasSize((int) expected);
        assertThat(expected).isPositive();
    }

    @Test
    void awsLayerMarksEveryTechniqueWithItsStrongestScore() {
        JsonNode layer = Parsed.json(run("export", "layer", "--framework", "aws"));
        Structure.assertValidLayer(layer);
        Set<String> expectedIds = new HashSet<>();
        int t1528 = 0;
        int t1528Mappings = 0;
        for (JsonNode m : newestAws.path("mapping_objects")) {
            if (mapped(m)) {
                expectedIds.add(m.path("attack_object_id").asText());
                if (m.path("attack_object_id").asText().equals("T1528")) {
                    t1528Mappings++;
                    t1528 = Math.max(t1528, Score.of(m.path("score_value").asText()).ordinal() + 1);
                }
            }
        }
        assertThat(t1528Mappings).isGreaterThanOrEqualTo(2);
        assertThat(layer.path("techniques").findValuesAsText("techniqueID")).containsExactlyInAnyOrderElementsOf(expectedIds);
        for (JsonNode t : layer.path("techniques")) {
            if (t.path("techniqueID").asText().equals("T1528")) {
                assertThat(t.path("score").asInt()).isEqualTo(t1528);
            }
        }
        assertThat(layer.path("versions").path("attack").asText())
                .isEqualTo(newestAws.path("metadata").path("attack_version").asText().split("\\.")[0]);
    }

    @Test
    void stixBundleOfEverythingResolvesAgainstTheLoadedAttackData() {
        Set<String> attackPatterns = Structure.attackPatternIds(Corpus.tree(Corpus.attack()));
        JsonNode bundle = Parsed.json(run("export", "stix"));
        Structure.assertValidStixBundle(bundle, attackPatterns);
        Set<String> capabilities = new HashSet<>();
        for (JsonNode o : bundle.path("objects")) {
            if (o.path("type").asText().equals("course-of-action")) {
                capabilities.add(o.path("x_mapex_mapping_framework").asText() + " " + o.path("x_mapex_capability_id").asText());
            }
        }
        Set<String> expected = new HashSet<>();
        for (JsonNode file : newest) {
            for (JsonNode m : file.path("mapping_objects")) {
                if (mapped(m) && !m.path("capability_id").asText("").isBlank()) {
                    expected.add(file.path("metadata").path("mapping_framework").asText() + " "
                            + m.path("capability_id").asText().trim());
                }
            }
        }
        // Mappings whose technique is missing from ATT&CK 18.1 have no relationship, so their capability may be
        // absent; every capability in the bundle must come from the files.
        assertThat(expected).containsAll(capabilities);
        assertThat(capabilities.size()).isGreaterThan(expected.size() - 5);
    }

    @Test
    void allOfAwsInEveryFormat() {
        int expected = newestAws.path("mapping_objects").size();
        assertThat(Parsed.json(run("export", "mappings", "--framework", "aws", "-f", "json")).path("mappings"))
                .hasSize(expected);
        assertThat(Parsed.jsonLines(run("export", "mappings", "--framework", "aws", "-f", "jsonl"))).hasSize(expected);
        assertThat(Parsed.delimited(run("export", "mappings", "--framework", "aws", "-f", "csv"), ',')).hasSize(expected);
        assertThat(Parsed.yaml(run("export", "mappings", "--framework", "aws", "-f", "yaml")).path("mappings"))
                .hasSize(expected);
    }
}
