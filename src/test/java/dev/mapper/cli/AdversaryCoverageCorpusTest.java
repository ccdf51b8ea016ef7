package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Corpus;
import dev.mapper.testing.RawAttack;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code coverage --group} over the corpus: APT29 (and APT28 with it) against AWS, checked against a plain walk of
 * the bundle and of the newest AWS file, and the CI gate on it.
 */
class AdversaryCoverageCorpusTest {

    private static Cli.Run coverage(String... args) {
        List<String> full = new ArrayList<>(List.of("--data", Corpus.attack().toString(),
                "--data", Corpus.mappings().resolve("aws").toString(), "coverage"));
        full.addAll(List.of(args));
        return Cli.run(full.toArray(String[]::new));
    }

    private static Set<String> awsMapped() {
        Set<String> ids = new TreeSet<>();
        for (JsonNode m : Corpus.tree(Corpus.mappings().resolve("aws/aws-12.12.2024_attack-16.1-enterprise.json"))
                .path("mapping_objects")) {
            String type = m.path("mapping_type").asText("");
            if (m.hasNonNull("attack_object_id") && !type.isEmpty() && !type.equals("non_mappable")) {
                ids.add(m.path("attack_object_id").asText());
            }
        }
        return ids;
    }

    @Test
    void apt29AgainstAwsMatchesTheBundleAndTheMappingFile() throws Exception {
        Set<String> used = RawAttack.corpus().techniquesOfGroup("G0016", false);
        Set<String> covered = new TreeSet<>(used);
        covered.retainAll(awsMapped());
        Set<String> uncovered = new TreeSet<>(used);
        uncovered.removeAll(covered);
        int credentialAccess = 0;
        int credentialAccessCovered = 0;
        for (String id : used) {
            for (JsonNode phase : RawAttack.corpus().byAttackId(id).path("kill_chain_phases")) {
                if (phase.path("phase_name").asText().equals("credential-access")) {
                    credentialAccess++;
                    credentialAccessCovered += covered.contains(id) ? 1 : 0;
                }
            }
        }

        Cli.Run run = coverage("--group", "apt29", "--framework", "aws", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.path("total").asInt()).isEqualTo(used.size());
        assertThat(doc.path("covered").asInt()).isEqualTo(covered.size());
        List<String> listed = new ArrayList<>();
        doc.path("uncovered").forEach(t -> listed.add(t.path("id").asText()));
        assertThat(listed).containsExactlyElementsOf(uncovered);
        doc.path("techniques").forEach(t -> assertThat(t.path("used_by").toString()).isEqualTo("[\"G0016\"]"));
        JsonNode row = null;
        for (JsonNode r : doc.path("by_tactic")) {
            if (r.path("shortname").asText().equals("credential-access")) {
                row = r;
            }
        }
        assertThat(row.path("total").asInt()).isEqualTo(credentialAccess);
        assertThat(row.path("covered").asInt()).isEqualTo(credentialAccessCovered);
    }

    @Test
    void severalGroupsCountTheUnionAndTheGateFailsUnderItsThreshold() throws Exception {
        Set<String> union = new TreeSet<>(RawAttack.corpus().techniquesOfGroup("G0016", false));
        union.addAll(RawAttack.corpus().techniquesOfGroup("G0007", false));
        Set<String> covered = new TreeSet<>(union);
        covered.retainAll(awsMapped());
        double percent = covered.size() * 100.0 / union.size();

        Cli.Run run = coverage("--group", "G0016,G0007", "--framework", "aws", "--format", "json",
                "--fail-under", String.valueOf(Math.ceil(percent)));
        Cli.Run pass = coverage("--group", "G0016,G0007", "--framework", "aws",
                "--fail-under", String.valueOf(Math.floor(percent)));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.path("total").asInt()).isEqualTo(union.size());
        assertThat(doc.path("covered").asInt()).isEqualTo(covered.size());
        assertThat(run.err()).contains("is under --fail-under");
        assertThat(pass.exitCode()).as(pass.err()).isZero();
    }
}
