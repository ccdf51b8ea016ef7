package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Parsed;
import dev.mapper.testing.Structure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports of hand-made files in the official formats, with what the bundled sample lacks: an ATT&CK release with a
 * revoked, a deprecated and sub-techniques, a technique mapped by many capabilities, IDs the release does not know,
 * and a framework whose capabilities are CVEs, as KEV's are.
 */
class ExportFixturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The scores of T1001's capabilities, weakest first as written: the tooltip must name the strongest five. */
    private static final List<String> T1001_SCORES = List.of("partial", "minimal", "significant", "partial",
            "minimal", "significant", "partial");
    private static final Map<String, String> STIX_IDS = new HashMap<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeFiles() throws Exception {
        Files.createDirectories(dir.resolve("attack"));
        ObjectNode attack = JSON.createObjectNode().put("type", "bundle").put("id", "bundle--attack");
        ArrayNode objects = attack.putArray("objects");
        ObjectNode collection = objects.addObject().put("type", "x-mitre-collection").put("id", "x-mitre-collection--1")
                .put("x_mitre_version", "18.0");
        collection.putArray("x_mitre_domains").add("enterprise-attack");
        objects.addObject().put("type", "x-mitre-tactic").put("id", "x-mitre-tactic--1").put("name", "Impact")
                .put("x_mitre_shortname", "impact").set("external_references", JSON.createArrayNode()
                        .add(JSON.createObjectNode().put("source_name", "mitre-attack").put("external_id", "TA0040")));
        for (String id : List.of("T1001", "T1001.001", "T1001.002", "T1002", "T1003", "T1004", "T1005", "T1005.001")) {
            ObjectNode t = objects.addObject().put("type", "attack-pattern").put("id", stixId(id)).put("name", "N" + id)
                    .put("x_mitre_is_subtechnique", id.contains("."));
            t.putArray("kill_chain_phases").addObject().put("kill_chain_name", "mitre-attack").put("phase_name", "impact");
            t.putArray("external_references").addObject().put("source_name", "mitre-attack").put("external_id", id);
            if (id.equals("T1002")) {
                t.put("revoked", true);
            }
            if (id.equals("T1004")) {
                t.put("x_mitre_deprecated", true);
            }
        }
        objects.addObject().put("type", "relationship").put("id", "relationship--r").put("relationship_type",
                "revoked-by").put("source_ref", stixId("T1002")).put("target_ref", stixId("T1003"));
        Files.writeString(dir.resolve("attack/enterprise-attack.json"), JSON.writeValueAsString(attack));

        List<ObjectNode> acme = new ArrayList<>();
        for (int i = 0; i < T1001_SCORES.size(); i++) {
            acme.add(scored("C" + i, "T1001", T1001_SCORES.get(i)));
        }
        acme.add(scored("C0", "T1001.002", "minimal"));
        acme.add(scored("C1", "T1005.001", "partial"));
        acme.add(scored("C2", "T1002", "partial"));
        acme.add(scored("C3", "T1004", "partial"));
        acme.add(scored("C4", "T1999", "partial"));
        Files.writeString(dir.resolve("acme.json"), JSON.writeValueAsString(mappingFile("acme", acme)));
        Files.writeString(dir.resolve("vulns.json"), JSON.writeValueAsString(mappingFile("vulns", List.of(
                vulnerability("CVE-2024-0001", "T1001", "exploitation_technique"),
                vulnerability("CVE-2024-0001", "T1003", "primary_impact"),
                vulnerability("CVE-2024-0002", "T1001.001", "exploitation_technique")))));
    }

    /** A fixed STIX id per technique, so that tests can find the attack-pattern a relationship points at. */
    private static String stixId(String id) {
        return STIX_IDS.computeIfAbsent(id, k -> String.format("attack-pattern--00000000-0000-4000-8000-%012d",
                STIX_IDS.size() + 1));
    }

    private static ObjectNode scored(String capability, String technique, String score) {
        return JSON.createObjectNode().put("capability_id", capability).put("capability_description", "Control "
                + capability).put("mapping_type", "technique_scores").put("attack_object_id", technique)
                .put("score_category", "protect").put("score_value", score).put("status", "complete");
    }

    private static ObjectNode vulnerability(String cve, String technique, String type) {
        return JSON.createObjectNode().put("capability_id", cve).put("capability_description", "A flaw")
                .put("capability_group", "code_execution").put("mapping_type", type).put("attack_object_id", technique)
                .put("status", "complete");
    }

    private static JsonNode mappingFile(String framework, List<ObjectNode> objects) {
        ObjectNode file = JSON.createObjectNode();
        ObjectNode metadata = file.putObject("metadata").put("mapping_version", "1").put("attack_version", "16.1")
                .put("technology_domain", "enterprise").put("creation_date", "01/02/2025")
                .put("last_update", "03/04/2025").put("mapping_framework", framework)
                .put("mapping_framework_version", "1.0");
        metadata.putObject("mapping_types");
        metadata.putObject("capability_groups");
        file.putArray("mapping_objects").addAll(objects);
        return file;
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
        Structure.assertValidStixBundle(bundle, Set.copyOf(STIX_IDS.values()));
        boolean seen = false;
        for (JsonNode o : bundle.path("objects")) {
            JsonNode extension = o.path("extensions").path(o.path("extensions").fieldNames().hasNext()
                    ? o.path("extensions").fieldNames().next() : "");
            if (o.path("type").asText().equals("relationship")) {
                assertThat(extension.path("attack_object_id").asText()).isNotEqualTo("T1999");
                if (extension.path("attack_object_id").asText().equals("T1002")) {
                    assertThat(o.path("target_ref").asText()).isEqualTo(stixId("T1003"));
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
        Structure.assertValidStixBundle(bundle, Set.copyOf(STIX_IDS.values()));
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
        STIX_IDS.forEach((id, stix) -> techniques.put(stix, id));
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
