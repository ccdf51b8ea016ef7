package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Corpus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code show} over the real corpus; expected counts come from plain Jackson tree walks over the same files. */
class ShowCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static List<JsonNode> newest;
    private static List<JsonNode> all;

    @BeforeAll
    static void readCorpusIndependently() {
        newest = Corpus.newestPerFramework();
        all = Corpus.allFiles();
    }

    /** The corpus bundle's objects by STIX id, read on first use. */
    private static Map<String, JsonNode> attackObjects;

    private static JsonNode show(String... args) throws Exception {
        String[] full = new String[args.length + 4];
        full[0] = "--data";
        full[1] = Corpus.root().toString();
        System.arraycopy(args, 0, full, 2, args.length);
        full[full.length - 2] = "--format";
        full[full.length - 1] = "json";
        Cli.Run run = Cli.run(full);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void t1528CountsMatchTheNewestFileOfEachFramework() throws Exception {
        assertThat(newest).hasSize(7);
        assertThat(show("show", "T1528").path("mappings")).hasSize((int) Corpus.count(newest, "T1528", false))
                .hasSize(40);
        assertThat(show("show", "T1528", "--all-versions").path("mappings"))
                .hasSize((int) Corpus.count(all, "T1528", false)).hasSize(250);
    }

    @ParameterizedTest
    @ValueSource(strings = {"T1078", "T1059", "T1110", "T1566", "T1098"})
    void subtechniquesAreIncludedUnlessTurnedOff(String id) throws Exception {
        assertThat(show("show", id).path("mappings")).hasSize((int) Corpus.count(newest, id, true));
        assertThat(show("show", id, "--no-subtechniques").path("mappings"))
                .hasSize((int) Corpus.count(newest, id, false));
        assertThat(show("show", id, "--all-versions").path("mappings")).hasSize((int) Corpus.count(all, id, true));
    }

    @Test
    void attackMetadataComesFromTheNewestRelease() throws Exception {
        JsonNode technique = show("show", "T1528").path("technique");
        assertThat(technique.path("attack_version").asText()).isEqualTo("18.1");
        assertThat(technique.path("tactics").get(0).path("name").asText()).isEqualTo("Credential Access");
        assertThat(technique.path("platforms")).isNotEmpty();
        assertThat(technique.path("mitigations").findValuesAsText("id")).contains("M1047");
    }

    @ParameterizedTest
    @ValueSource(strings = {"T1528", "T1078.004", "T1059.001"})
    void detectionStrategiesAreThoseOfDetectsRelationshipsInTheBundle(String id) throws Exception {
        if (attackObjects == null) {
            attackObjects = new HashMap<>();
            Corpus.tree(Corpus.attack()).path("objects").forEach(o -> attackObjects.put(o.path("id").asText(), o));
        }
        String stixId = null;
        for (JsonNode object : attackObjects.values()) {
            if (object.path("type").asText().equals("attack-pattern")
                    && object.path("external_references").path(0).path("external_id").asText().equals(id)) {
                stixId = object.path("id").asText();
            }
        }
        Map<String, JsonNode> byStixId = attackObjects;
        Set<String> expected = new TreeSet<>();
        for (JsonNode r : byStixId.values()) {
            if (r.path("relationship_type").asText().equals("detects") && r.path("target_ref").asText().equals(stixId)) {
                expected.add(byStixId.get(r.path("source_ref").asText()).path("external_references").path(0)
                        .path("external_id").asText());
            }
        }

        JsonNode technique = show("show", id).path("technique");

        assertThat(expected).isNotEmpty();
        assertThat(technique.path("detection_strategies").findValuesAsText("id")).containsExactlyElementsOf(expected);
        Cli.Run table = Cli.run("--data", Corpus.attack().toString(), "show", id);
        assertThat(table.out()).contains("Detections  " + expected.iterator().next());
    }

    @Test
    void nonMappableEntriesAreKeptAndReachable() throws Exception {
        // NIST rev4 / ATT&CK 14.1 records T1650 as non_mappable, with no capability.
        JsonNode mappings = show("show", "T1650", "--all-versions").path("mappings");
        long expected = Corpus.count(all, "T1650", false);
        assertThat(mappings).hasSize((int) expected);
        assertThat(mappings.findValuesAsText("status")).contains("non_mappable");
    }

    @Test
    void exactDuplicatesStayInJson() throws Exception {
        JsonNode mappings = show("show", "T1528", "--framework-version", "rev5", "--attack-version", "16.1")
                .path("mappings");
        long cm02 = 0;
        for (JsonNode m : mappings) {
            if ("CM-02".equals(m.path("capability_id").asText())) {
                cm02++;
            }
        }
        assertThat(cm02).isEqualTo(2);
    }

    @Test
    void exactDuplicatesFoldIntoOneTableEntry() {
        Cli.Run run = Cli.run("--data", Corpus.root().toString(), "show", "T1528", "--framework-version", "rev5",
                "--attack-version", "16.1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().split("\n")).filteredOn(line -> line.strip().startsWith("CM-02 ")).hasSize(1);
        assertThat(run.out()).contains("CM-02  Baseline Configuration\n    mitigates · x2: exact duplicates in the "
                + "source file\n");
    }

    @Test
    void revokedTechniqueNamesItsReplacementAndKeepsOldMappings() throws Exception {
        // Find a revoked technique that some mapping file still maps to, independently of mapper.
        JsonNode bundle = Corpus.tree(Corpus.attack());
        java.util.Map<String, String> idOf = new java.util.HashMap<>();
        for (JsonNode o : bundle.path("objects")) {
            if ("attack-pattern".equals(o.path("type").asText())) {
                idOf.put(o.path("id").asText(), o.path("external_references").get(0).path("external_id").asText());
            }
        }
        String revoked = null;
        String replacement = null;
        for (JsonNode o : bundle.path("objects")) {
            if ("revoked-by".equals(o.path("relationship_type").asText())) {
                String id = idOf.get(o.path("source_ref").asText());
                if (id != null && Corpus.count(all, id, false) > 0) {
                    revoked = id;
                    replacement = idOf.get(o.path("target_ref").asText());
                    break;
                }
            }
        }
        assertThat(revoked).as("a revoked technique with mappings in the corpus").isNotNull();
        JsonNode doc = show("show", revoked, "--all-versions", "--no-subtechniques");
        assertThat(doc.path("technique").path("revoked").asBoolean()).isTrue();
        assertThat(doc.path("technique").path("revoked_by").asText()).isEqualTo(replacement);
        assertThat(doc.path("mappings")).hasSize((int) Corpus.count(all, revoked, false));

        Cli.Run table = Cli.run("--data", Corpus.root().toString(), "show", revoked);
        assertThat(table.out()).contains("Revoked").contains(replacement);
    }
}
