package dev.mapper.cli;

import static dev.mapper.testing.MappingFiles.file;
import static dev.mapper.testing.MappingFiles.mapping;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapper.testing.Cli;
import dev.mapper.testing.MappingFiles;
import dev.mapper.testing.SampleReleases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        SampleReleases.mobile().write(dir.resolve("attack/mobile-attack-13.0.json"));
        SampleReleases.ics().write(dir.resolve("attack/ics-attack-15.0.json"));

        JsonNode mobileMappings = file("acme_mdm").version("2.3").attack("13.0").domain("mobile")
                .add(mapping("MDM-1", "T1406"), mapping("MDM-2", "T1406.001"), mapping("MDM-3", "T1400"),
                        mapping(null, "T1406").type("non_mappable")).tree();
        // Metadata after the mapping objects: the schema does not fix their order.
        ObjectNode reordered = JSON.createObjectNode();
        reordered.set("mapping_objects", mobileMappings.get("mapping_objects"));
        reordered.set("metadata", mobileMappings.get("metadata"));
        Path acme = Files.createDirectories(dir.resolve("mappings/deep/er")).resolve("acme.json");
        Files.writeString(acme, reordered.toPrettyString());
        MappingFiles.File icsMappings = file("plant_controls").version("01/02/2025").attack("15.0").domain("ics")
                .add(mapping("PC-1", "T0819").type("protects"), mapping("PC-2", "T0819").type("protects"));
        icsMappings.write(dir.resolve("mappings/plant.json"));
        MAPPING_FILES.add(mobileMappings);
        MAPPING_FILES.add(icsMappings.tree());
    }

    /** What every run of this class names first: its data. */
    private static List<String> first() {
        return List.of("--data", dir.toString());
    }

    private static JsonNode json(String... args) {
        return Cli.json(first(), args);
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
        assertThat(technique.path("subtechniques").findValuesAsText("id")).containsExactly("T1406.001", "T1406.002");
        assertThat(doc.path("mappings")).as("and those recorded under T1400, which ATT&CK revoked in its favour")
                .hasSize(written("T1406") + written("T1400")).hasSize(4);
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
}
