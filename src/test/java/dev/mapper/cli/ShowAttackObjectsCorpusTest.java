package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Corpus;
import dev.mapper.testing.RawAttack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code show} of groups, software and mitigations over the real corpus; expected values come from a plain Jackson
 * walk over the bundle ({@link RawAttack}) and the newest mapping file of each framework.
 */
class ShowAttackObjectsCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Per framework, the technique IDs its newest file maps (non-mappable entries left out). */
    private static final Map<String, Set<String>> MAPPED = new TreeMap<>();

    @BeforeAll
    static void countIndependently() {
        for (JsonNode file : Corpus.newestPerFramework()) {
            Set<String> ids = new TreeSet<>();
            for (JsonNode m : file.path("mapping_objects")) {
                String type = m.path("mapping_type").asText("");
                if (m.hasNonNull("attack_object_id") && !type.isEmpty() && !type.equals("non_mappable")
                        && !m.path("status").asText().equals("non_mappable")) {
                    ids.add(m.path("attack_object_id").asText());
                }
            }
            MAPPED.put(file.path("metadata").path("mapping_framework").asText(), ids);
        }
    }

    static JsonNode show(String... args) throws Exception {
        List<String> full = new ArrayList<>(List.of("--data", Corpus.root().toString(), "show"));
        full.addAll(List.of(args));
        full.addAll(List.of("--format", "json"));
        Cli.Run run = Cli.run(full.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"G0016", "G0007", "G0034", "G1001"})
    void aGroupsTechniquesAndTheirCoverageMatchTheBundleAndTheMappingFiles(String group) throws Exception {
        Set<String> expected = RawAttack.corpus().techniquesOfGroup(group, false);

        JsonNode doc = show(group);

        assertThat(ids(doc.path("techniques"))).containsExactlyElementsOf(expected);
        assertThat(doc.path("frameworks")).hasSize(MAPPED.size());
        for (JsonNode row : doc.path("frameworks")) {
            Set<String> covered = new TreeSet<>(expected);
            covered.retainAll(MAPPED.get(row.path("mapping_framework").asText()));
            assertThat(row.path("covered").asInt()).as(row.toString()).isEqualTo(covered.size());
            assertThat(row.path("total").asInt()).isEqualTo(expected.size());
        }
    }

    @Test
    void withSoftwareTheGroupsSoftwaresTechniquesCountToo() throws Exception {
        Set<String> expected = RawAttack.corpus().techniquesOfGroup("G0016", true);

        JsonNode doc = show("G0016", "--include-software");

        assertThat(ids(doc.path("techniques"))).containsExactlyElementsOf(expected);
        assertThat(expected.size()).isGreaterThan(RawAttack.corpus().techniquesOfGroup("G0016", false).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cozy bear", "Midnight Blizzard", "apt29", "  NOBELIUM "})
    void aliasesFindTheGroup(String alias) throws Exception {
        assertThat(show(alias).path("group").path("id").asText()).isEqualTo("G0016");
    }

    @Test
    void softwareListsTheGroupsAndCampaignsUsingIt() throws Exception {
        JsonNode doc = show("mimikatz");

        assertThat(doc.path("software").path("id").asText()).isEqualTo("S0002");
        assertThat(ids(doc.path("groups")))
                .containsExactlyElementsOf(RawAttack.corpus().sources("S0002", "uses", "intrusion-set--"));
        assertThat(ids(doc.path("campaigns")))
                .containsExactlyElementsOf(RawAttack.corpus().sources("S0002", "uses", "campaign--"));
        assertThat(ids(doc.path("techniques"))).containsExactlyElementsOf(
                RawAttack.corpus().targets(Set.of("S0002"), "uses", "attack-pattern--"));
    }

    @Test
    void aMitigationListsTheTechniquesItMitigates() throws Exception {
        JsonNode doc = show("M1047");

        assertThat(ids(doc.path("techniques"))).containsExactlyElementsOf(
                RawAttack.corpus().targets(Set.of("M1047"), "mitigates", "attack-pattern--")).isNotEmpty();
    }

    /** The {@code id} of each element (not of what they hold). */
    static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.path("id").asText()));
        return ids;
    }
}
