package dev.mapper.cli;

import static dev.mapper.testing.MappingFiles.scored;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapper.testing.AttackBundle;
import dev.mapper.testing.Cli;
import dev.mapper.testing.MappingFiles;
import dev.mapper.testing.Parsed;
import dev.mapper.testing.Structure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports of hand-made files in the official formats, with what the bundled sample lacks: an ATT&CK release with a
 * revoked, a deprecated and sub-techniques, a technique mapped by many capabilities, IDs the release does not know,
 * and a framework whose capabilities are CVEs, as KEV's are.
 */
class ExportFixturesTest {

    /** The scores of T1001's capabilities, weakest first as written: the tooltip must name the strongest five. */
    private static final List<String> T1001_SCORES = List.of("partial", "minimal", "significant", "partial",
            "minimal", "significant", "partial");
    private static final List<String> TECHNIQUES = List.of("T1001", "T1001.001", "T1001.002", "T1002", "T1003",
            "T1004", "T1005", "T1005.001");
    /** ATT&CK 18.0: the techniques in Impact, T1002 revoked by T1003, T1004 deprecated. */
    private static final AttackBundle ATTACK = attack();

    @TempDir
    static Path dir;

    private static AttackBundle attack() {
        AttackBundle attack = AttackBundle.of("enterprise", "18.0").tactic("TA0040", "impact", "Impact");
        TECHNIQUES.forEach(id -> attack.technique(id, "N" + id));
        return attack.revokedBy("T1002", "T1003").deprecated("T1004");
    }

    @BeforeAll
    static void writeFiles() {
        ATTACK.write(dir.resolve("attack/enterprise-attack.json"));

        MappingFiles.File acme = MappingFiles.file("acme").version("1.0").dates("01/02/2025", "03/04/2025");
        for (int i = 0; i < T1001_SCORES.size(); i++) {
            acme.add(scored("C" + i, "T1001", T1001_SCORES.get(i)));
        }
        acme.add(scored("C0", "T1001.002", "minimal"), scored("C1", "T1005.001", "partial"),
                scored("C2", "T1002", "partial"), scored("C3", "T1004", "partial"), scored("C4", "T1999", "partial"))
                .write(dir.resolve("acme.json"));
        MappingFiles.file("vulns").version("1.0").dates("01/02/2025", "03/04/2025").add(
                vulnerability("CVE-2024-0001", "T1001", "exploitation_technique"),
                vulnerability("CVE-2024-0001", "T1003", "primary_impact"),
                vulnerability("CVE-2024-0002", "T1001.001", "exploitation_technique")).write(dir.resolve("vulns.json"));
    }

    /** The STIX ids of the techniques, for following what an exported relationship points at. */
    private static Set<String> stixIds() {
        return TECHNIQUES.stream().map(ATTACK::stixId).collect(Collectors.toSet());
    }

    private static MappingFiles.MappingObject vulnerability(String cve, String technique, String type) {
        return MappingFiles.mapping(cve, technique).type(type).description("A flaw").group("code_execution");
    }

    private static Cli.Run run(String... args) {
        List<String> full = new ArrayList<>(List.of("--no-bundled", "--data", dir.toString()));
        full.addAll(Arrays.asList(args));
        Cli.Run run = Cli.run(full.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private static JsonNode technique(JsonNode layer, String id) {
        for (JsonNode t : layer.path("techniques")) {
            if (t.path("techniqueID").asText().equals(id)) {
                return t;
            }
        }
        return null;
    }

    @Test
    void aLayerDeclaresTheLoadedReleaseAndShowsRevokedTechniquesOnTheirReplacements() {
        Cli.Run run = run("export", "layer", "--framework", "acme");
        JsonNode layer = Parsed.json(run.out());
        Structure.assertValidLayer(layer);
        assertThat(layer.path("versions").path("attack").asText()).isEqualTo("18");
        assertThat(technique(layer, "T1002")).isNull();
        JsonNode t1003 = technique(layer, "T1003");
        assertThat(t1003.path("comment").asText()).isEqualTo("C2 (protect partial)");
        assertThat(t1003.path("metadata").findValuesAsText("value")).contains("T1002 (revoked in ATT&CK Enterprise 18.0)");
        assertThat(run.err()).contains("1 technique revoked in ATT&CK Enterprise 18.0 shown on its replacement: "
                + "T1002 -> T1003");
        // A Navigator on 18 cannot show them: said, and the cells kept for Navigators that can.
        assertThat(run.err()).contains("cannot show 2 techniques of the layer: T1004 (deprecated in ATT&CK Enterprise "
                + "18.0), T1999 (not in ATT&CK Enterprise 18.0)");
        assertThat(technique(layer, "T1004")).isNotNull();
        assertThat(layer.path("metadata").toString()).contains("Enterprise 18.0").doesNotContain("bundled");
    }

    @Test
    void theTooltipNamesTheStrongestFiveAndCountsTheRest() {
        JsonNode t1001 = technique(Parsed.json(run("export", "layer", "--framework", "acme").out()), "T1001");
        assertThat(t1001.path("comment").asText()).isEqualTo("C2 (protect significant); C5 (protect significant); "
                + "C0 (protect partial); C3 (protect partial); C6 (protect partial); and 2 more");
        assertThat(t1001.path("metadata").findValuesAsText("value")).containsExactly(
                String.valueOf(T1001_SCORES.size()));
        assertThat(t1001.path("score").asInt()).isEqualTo(3);
    }

    @Test
    void parentsOfShownSubtechniquesShowThem() {
        JsonNode layer = Parsed.json(run("export", "layer", "--framework", "acme").out());
        assertThat(technique(layer, "T1001").path("showSubtechniques").asBoolean()).isTrue();
        // T1005 is not mapped: an entry of its own only says to show T1005.001.
        JsonNode t1005 = technique(layer, "T1005");
        assertThat(t1005.path("showSubtechniques").asBoolean()).isTrue();
        assertThat(t1005.has("score")).isFalse();
        assertThat(t1005.has("comment")).isFalse();
        assertThat(technique(layer, "T1003").has("showSubtechniques")).isFalse();
    }

    @Test
    void theLegendListsTheScoresThatOccur() {
        JsonNode layer = Parsed.json(run("export", "layer", "--framework", "acme", "--technique", "T1005").out());
        assertThat(layer.path("legendItems").findValuesAsText("label")).containsExactly("partial (score 2)");
        JsonNode vulns = Parsed.json(run("export", "layer", "--framework", "vulns").out());
        Structure.assertValidLayer(vulns);
        assertThat(vulns.path("legendItems").findValuesAsText("label")).containsExactly("1 capability");
    }

    @Test
    void anotherDeclaredVersionKeepsTheMappedIdsAndTheLayerIsTheSameOnEveryRun() {
        Cli.Run run = run("export", "layer", "--framework", "acme", "--layer-attack-version", "16");
        JsonNode layer = Parsed.json(run.out());
        assertThat(layer.path("versions").path("attack").asText()).isEqualTo("16");
        assertThat(technique(layer, "T1002").path("comment").asText()).isEqualTo("C2 (protect partial)");
        assertThat(run.err()).isEmpty();
        assertThat(run("export", "layer", "--framework", "acme", "--layer-attack-version", "16").out())
                .isEqualTo(run.out());
    }

    @Test
    void stixFollowsRevokedByAndLeavesOutWhatAttackDoesNotHave() {
        Cli.Run run = run("export", "stix", "--framework", "acme");
        JsonNode bundle = Parsed.json(run.out());
        Structure.assertValidStixBundle(bundle, stixIds());
        boolean seen = false;
        for (JsonNode o : bundle.path("objects")) {
            JsonNode extension = o.path("extensions").path(o.path("extensions").fieldNames().hasNext()
                    ? o.path("extensions").fieldNames().next() : "");
            if (o.path("type").asText().equals("relationship")) {
                assertThat(extension.path("attack_object_id").asText()).isNotEqualTo("T1999");
                if (extension.path("attack_object_id").asText().equals("T1002")) {
                    assertThat(o.path("target_ref").asText()).isEqualTo(ATTACK.stixId("T1003"));
                    seen = true;
                }
            }
        }
        assertThat(seen).isTrue();
        assertThat(run.err()).contains("1 mapping left out", "point at their replacements (1 mapping): T1002 -> T1003",
                "deprecated in the loaded ATT&CK data: T1004");
        assertThat(run("export", "stix", "--framework", "acme").out()).isEqualTo(run.out());
    }

    @Test
    void cvesAreVulnerabilitiesThatTechniquesTarget() {
        JsonNode bundle = Parsed.json(run("export", "stix", "--framework", "vulns").out());
        Structure.assertValidStixBundle(bundle, stixIds());
        Map<String, String> vulnerabilities = new HashMap<>();
        List<String> relationships = new ArrayList<>();
        for (JsonNode o : bundle.path("objects")) {
            if (o.path("type").asText().equals("vulnerability")) {
                vulnerabilities.put(o.path("id").asText(), o.path("name").asText());
                assertThat(o.path("external_references").get(0).path("source_name").asText()).isEqualTo("cve");
                assertThat(o.path("external_references").get(0).path("external_id").asText())
                        .isEqualTo(o.path("name").asText());
                assertThat(o.path("description").asText()).isEqualTo("A flaw");
            }
        }
        Map<String, String> techniques = new HashMap<>();
        TECHNIQUES.forEach(id -> techniques.put(ATTACK.stixId(id), id));
        for (JsonNode o : bundle.path("objects")) {
            if (o.path("type").asText().equals("relationship")) {
                String source = o.path("source_ref").asText();
                String target = o.path("target_ref").asText();
                relationships.add(techniques.getOrDefault(source, vulnerabilities.get(source)) + " "
                        + o.path("relationship_type").asText() + " "
                        + techniques.getOrDefault(target, vulnerabilities.get(target)));
            }
        }
        assertThat(vulnerabilities.values()).containsExactlyInAnyOrder("CVE-2024-0001", "CVE-2024-0002");
        assertThat(bundle.path("objects").findValuesAsText("type")).doesNotContain("course-of-action");
        assertThat(relationships).containsExactlyInAnyOrder("T1001 targets CVE-2024-0001",
                "CVE-2024-0001 related-to T1003", "T1001.001 targets CVE-2024-0002");
    }
}
