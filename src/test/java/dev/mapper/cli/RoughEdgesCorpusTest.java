package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rough edges of issue 19 on the real corpus, counted against plain Jackson walks of the same files. */
class RoughEdgesCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--data", Corpus.root().toString()));
        all.addAll(List.of(args));
        Cli.Run run = Cli.run(all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void listTechniquesIsEveryCurrentTechniqueAndEveryOtherIdAMappingPointsAt() throws Exception {
        Set<String> expected = new HashSet<>(Corpus.activeTechniques().keySet());
        for (JsonNode file : Corpus.allFiles()) {
            for (JsonNode m : file.path("mapping_objects")) {
                if (m.hasNonNull("attack_object_id")) {
                    expected.add(m.path("attack_object_id").asText().trim().toUpperCase(Locale.ROOT));
                }
            }
        }
        Set<String> listed = new HashSet<>();
        json("list", "techniques", "-f", "json").path("items").forEach(i -> listed.add(i.path("attack_object_id").asText()));

        assertThat(listed).isEqualTo(expected);
        assertThat(Files.readString(Path.of("docs/README.md"))).as("the guide says what it lists")
                .contains("every current technique of the loaded ATT&CK data (neither revoked nor deprecated) and every "
                        + "other ID a mapping of any loaded set points at");
    }

    @Test
    void capabilityListsTechniquesByIdWithinEachSet() throws Exception {
        JsonNode mappings = json("capability", "AC-2", "-f", "json").path("mappings");
        String set = null;
        String previous = "";
        assertThat(mappings.size()).isGreaterThan(10);
        for (JsonNode m : mappings) {
            if (!m.path("mapping_set").asText().equals(set)) {
                set = m.path("mapping_set").asText();
                previous = "";
            }
            String id = m.path("attack_object_id").asText();
            assertThat(id).as("in %s", set).isGreaterThanOrEqualTo(previous);
            previous = id;
        }
    }

    @Test
    void inAttack18DetectionIsEmptyAndTheDetectionStrategiesTakeItsPlace() throws Exception {
        JsonNode raw = Corpus.activeTechniques().get("T1078");
        JsonNode technique = json("show", "T1078", "-f", "json").path("technique");

        assertThat(technique.path("detection").asText()).isEqualTo(raw.path("x_mitre_detection").asText()).isEmpty();
        assertThat(technique.path("detection_strategies")).isNotEmpty();
        for (JsonNode t : Corpus.activeTechniques().values()) {
            assertThat(t.path("x_mitre_detection").isTextual() && t.path("x_mitre_detection").asText().isEmpty())
                    .as("x_mitre_detection of every technique, as docs/json.md says").isTrue();
        }
        assertThat(Files.readString(Path.of("docs/json.md"))).as("docs/json.md says what detection holds")
                .contains("in ATT&CK 18, which moved detection to detection strategies, an empty string `\"\"` for "
                        + "every technique (see `detection_strategies`)");
    }

    /** Show of every current technique, whole: only a URL (a reference's, or a mapping's ref, never cut) may be wider. */
    @Test
    void showOfEveryTechniqueFitsEightyColumns() {
        String ids = String.join("\n", Corpus.activeTechniques().keySet());
        for (String detail : List.of("--no-subtechniques", "--full")) {
            Cli.Run run = Cli.runWithInput(ids, "--data", Corpus.root().toString(), "show", "-", detail);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out().lines().filter(line -> line.length() > 80 && !line.strip().matches("(ref )?\\S*://\\S+")))
                    .as("lines wider than 80 columns (%s)", detail).isEmpty();
        }
    }

    @Test
    void diffFitsEightyColumnsAndNamesTheFiles() {
        Cli.Run run = Cli.run("--data", Corpus.root().toString(), "diff", "nist_800_53@rev5@14.1",
                "nist_800_53@rev5@16.1");

        assertThat(run.exitCode()).isZero();
        run.out().lines().forEach(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
        assertThat(run.out()).contains("Old         nist_800_53-rev5_attack-14.1-enterprise.json · ")
                .doesNotContain(Corpus.root().toString());
    }
}
