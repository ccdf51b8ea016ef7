package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapper.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of shapes the corpus does not have, written here in the published formats: a STIX 2.0 Mobile bundle,
 * a STIX 2.1 ICS bundle, and mapping files of frameworks mapper has never seen for those domains. They must load
 * and count right with no code change, beside the bundled enterprise data.
 */
class OtherDomainsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    /** The mapping files as written, for counting independently of mapper. */
    private static final List<JsonNode> MAPPING_FILES = new ArrayList<>();

    @BeforeAll
    static void writeFiles() throws Exception {
        Files.createDirectories(dir.resolve("attack"));
        Files.createDirectories(dir.resolve("mappings/deep/er"));
        // STIX 2.0: the version on the bundle, none on the objects; Mobile spells its sources mitre-mobile-attack.
        ObjectNode mobile = bundle("2.0");
        ArrayNode objects = mobile.withArray("objects");
        objects.add(tactic("x-mitre-tactic--m1", "TA0030", "Defense Evasion", "defense-evasion", "mobile"));
        objects.add(tactic("x-mitre-tactic--m2", "TA0027", "Initial Access", "initial-access", "mobile"));
        objects.add(JSON.createObjectNode().put("type", "x-mitre-matrix").put("id", "x-mitre-matrix--m")
                .set("tactic_refs", JSON.createArrayNode().add("x-mitre-tactic--m2").add("x-mitre-tactic--m1")));
        objects.add(technique("attack-pattern--m1", "T1406", "Obfuscated Files or Information", "mobile",
                "defense-evasion", false));
        objects.add(technique("attack-pattern--m2", "T1406.001", "Steganography", "mobile", "defense-evasion", true));
        ObjectNode old = technique("attack-pattern--m3", "T1400", "Old Technique", "mobile", "defense-evasion", false);
        old.put("revoked", true);
        objects.add(old);
        objects.add(JSON.createObjectNode().put("type", "course-of-action").put("id", "course-of-action--m1")
                .put("name", "Security Updates").set("external_references", JSON.createArrayNode().add(
                        JSON.createObjectNode().put("source_name", "mitre-mobile-attack").put("external_id", "M1001"))));
        objects.add(relationship("subtechnique-of", "attack-pattern--m2", "attack-pattern--m1"));
        objects.add(relationship("revoked-by", "attack-pattern--m3", "attack-pattern--m1"));
        objects.add(relationship("mitigates", "course-of-action--m1", "attack-pattern--m1"));
        Files.writeString(dir.resolve("attack/mobile-attack-13.0.json"), JSON.writeValueAsString(mobile));

        ObjectNode ics = bundle("2.1");
        ics.withArray("objects").add(tactic("x-mitre-tactic--i1", "TA0108", "Initial Access", "initial-access-ics", "ics"));
        ics.withArray("objects").add(technique("attack-pattern--i1", "T0819", "Exploit Public-Facing Application",
                "ics", "initial-access-ics", false));
        Files.writeString(dir.resolve("attack/ics-attack-15.0.json"), JSON.writeValueAsString(ics));

        JsonNode mobileMappings = mappingFile("acme_mdm", "2.3", "13.0", "mobile", List.of(
                mapping("MDM-1", "T1406", "mitigates"), mapping("MDM-2", "T1406.001", "mitigates"),
                mapping("MDM-3", "T1400", "mitigates"), mapping(null, "T1406", "non_mappable")));
        // Metadata after the mapping objects: the schema does not fix their order.
        ObjectNode reordered = JSON.createObjectNode();
        reordered.set("mapping_objects", mobileMappings.get("mapping_objects"));
        reordered.set("metadata", mobileMappings.get("metadata"));
        Files.writeString(dir.resolve("mappings/deep/er/acme.json"), JSON.writeValueAsString(reordered));
        JsonNode icsMappings = mappingFile("plant_controls", "01/02/2025", "15.0", "ics", List.of(
                mapping("PC-1", "T0819", "protects"), mapping("PC-2", "T0819", "protects")));
        Files.writeString(dir.resolve("mappings/plant.json"), JSON.writeValueAsString(icsMappings));
        MAPPING_FILES.add(mobileMappings);
        MAPPING_FILES.add(icsMappings);
    }

    private static JsonNode json(String... args) throws Exception {
        List<String> full = new ArrayList<>(List.of("--data", dir.toString()));
        full.addAll(Arrays.asList(args));
        full.addAll(List.of("--format", "json"));
        Cli.Run run = Cli.run(full.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    /** Mapping objects of the written files whose attack_object_id is the ID or one of its sub-techniques. */
    private static int written(String id) {
        int n = 0;
        for (JsonNode file : MAPPING_FILES) {
            for (JsonNode m : file.path("mapping_objects")) {
                String aid = m.path("attack_object_id").asText();
                if (aid.equals(id) || aid.startsWith(id + ".")) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void mobileTechniqueFromAStix20BundleWithItsSubtechniqueTacticAndMitigation() throws Exception {
        JsonNode doc = json("show", "t1406");
        JsonNode technique = doc.path("technique");
        assertThat(technique.path("name").asText()).isEqualTo("Obfuscated Files or Information");
        assertThat(technique.path("domain").asText()).isEqualTo("mobile");
        assertThat(technique.path("attack_version").asText()).isEqualTo("13.0");
        assertThat(technique.path("tactics").findValuesAsText("id")).containsExactly("TA0030");
        assertThat(technique.path("mitigations").findValuesAsText("id")).containsExactly("M1001");
        assertThat(technique.path("subtechniques").findValuesAsText("id")).containsExactly("T1406.001");
        assertThat(doc.path("mappings")).hasSize(written("T1406")).hasSize(3);
        assertThat(doc.path("mappings").findValuesAsText("mapping_set")).containsOnly("acme_mdm@2.3@13.0@mobile");
        assertThat(doc.path("mappings").findValuesAsText("status")).contains("non_mappable");
    }

    @Test
    void revokedMobileTechniqueNamesItsReplacement() throws Exception {
        JsonNode doc = json("show", "T1400");
        assertThat(doc.path("technique").path("revoked").asBoolean()).isTrue();
        assertThat(doc.path("technique").path("revoked_by").asText()).isEqualTo("T1406");
        assertThat(doc.path("mappings")).hasSize(written("T1400"));
    }

    @Test
    void icsMappingsAndDomainFilter() throws Exception {
        JsonNode doc = json("show", "T0819");
        assertThat(doc.path("technique").path("domain").asText()).isEqualTo("ics");
        assertThat(doc.path("technique").path("tactics").findValuesAsText("shortname"))
                .containsExactly("initial-access-ics");
        assertThat(doc.path("mappings")).hasSize(written("T0819")).hasSize(2);
        assertThat(json("show", "T0819", "--domain", "mobile").path("mappings")).isEmpty();
        assertThat(json("show", "T0819", "--domain", "ics").path("mappings")).hasSize(2);
    }

    @Test
    void everySetIsListedBesideTheBundledOnes() throws Exception {
        JsonNode items = json("list", "frameworks").path("items");
        assertThat(items.findValuesAsText("mapping_set")).containsExactlyInAnyOrder(
                "acme_mdm@2.3@13.0@mobile", "plant_controls@01/02/2025@15.0@ics",
                "aws@12/12/2024@16.1", "veris@1.4.0@16.1");
        for (JsonNode item : items) {
            if (item.path("mapping_set").asText().startsWith("acme_mdm")) {
                assertThat(item.path("mapping_count").asInt()).isEqualTo(4);
                assertThat(item.path("technology_domain").asText()).isEqualTo("mobile");
            }
        }
    }

    @Test
    void aFileReachedTwiceIsReadOnce() throws Exception {
        Path plant = dir.resolve("mappings/plant.json");
        Path link = Files.createSymbolicLink(dir.resolveSibling(dir.getFileName() + "-link.json"), plant);
        try {
            Cli.Run run = Cli.run("--data", dir.toString(), "--data", plant.toString(), "--data", link.toString(),
                    "show", "T0819", "--format", "json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(JSON.readTree(run.out()).path("mappings")).hasSize(written("T0819"));
        } finally {
            Files.delete(link);
        }
    }

    private static ObjectNode bundle(String specVersion) {
        ObjectNode bundle = JSON.createObjectNode().put("type", "bundle").put("id", "bundle--test");
        if (specVersion.equals("2.0")) {
            bundle.put("spec_version", "2.0");
        }
        bundle.putArray("objects");
        return bundle;
    }

    private static ObjectNode tactic(String stixId, String id, String name, String shortname, String domain) {
        ObjectNode tactic = JSON.createObjectNode().put("type", "x-mitre-tactic").put("id", stixId).put("name", name)
                .put("x_mitre_shortname", shortname);
        tactic.putArray("x_mitre_domains").add(domain + "-attack");
        tactic.putArray("external_references").addObject().put("source_name", source(domain)).put("external_id", id);
        return tactic;
    }

    private static ObjectNode technique(String stixId, String id, String name, String domain, String tactic,
                                        boolean sub) {
        ObjectNode t = JSON.createObjectNode().put("type", "attack-pattern").put("id", stixId).put("name", name)
                .put("x_mitre_is_subtechnique", sub);
        t.putArray("x_mitre_domains").add(domain + "-attack");
        t.putArray("x_mitre_platforms").add(domain.equals("mobile") ? "Android" : "None");
        t.putArray("kill_chain_phases").addObject().put("kill_chain_name", source(domain)).put("phase_name", tactic);
        t.putArray("external_references").addObject().put("source_name", source(domain)).put("external_id", id);
        return t;
    }

    private static String source(String domain) {
        return "mitre-" + domain + "-attack";
    }

    private static ObjectNode relationship(String type, String source, String target) {
        return JSON.createObjectNode().put("type", "relationship").put("id", "relationship--" + source + target)
                .put("relationship_type", type).put("source_ref", source).put("target_ref", target);
    }

    private static JsonNode mappingFile(String framework, String version, String attack, String domain,
                                        List<ObjectNode> objects) {
        ObjectNode file = JSON.createObjectNode();
        ObjectNode metadata = file.putObject("metadata").put("mapping_version", "1").put("attack_version", attack)
                .put("technology_domain", domain).put("creation_date", "01/02/2025").put("last_update", "01/02/2025")
                .put("mapping_framework", framework).put("mapping_framework_version", version);
        metadata.putObject("mapping_types");
        metadata.putObject("capability_groups");
        file.putArray("mapping_objects").addAll(objects);
        return file;
    }

    private static ObjectNode mapping(String capability, String technique, String type) {
        ObjectNode m = JSON.createObjectNode().put("capability_id", capability).put("mapping_type", type)
                .put("attack_object_id", technique).put("capability_group", "g")
                .put("status", "non_mappable".equals(type) ? "non_mappable" : "complete");
        return m;
    }
}
