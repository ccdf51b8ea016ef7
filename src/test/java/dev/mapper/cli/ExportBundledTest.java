package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Parsed;
import dev.mapper.testing.Structure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mapper export} on the bundled data: layer and STIX structure, scores, and the selection in every format. */
class ExportBundledTest {

    private static String run(String... args) {
        Cli.Run run = Cli.run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    private static JsonNode technique(JsonNode layer, String id) {
        for (JsonNode t : layer.path("techniques")) {
            if (t.path("techniqueID").asText().equals(id)) {
                return t;
            }
        }
        throw new AssertionError(id + " not in layer");
    }

    @Test
    void awsLayerScoresT1528WithTheStrongerOfItsTwoScores() throws Exception {
        JsonNode aws = Parsed.json(Files.readString(Path.of("data/mappings/aws-12.12.2024_attack-16.1-enterprise-T1528.json")));
        List<String> scores = aws.path("mapping_objects").findValuesAsText("score_value");
        assertThat(scores).containsExactlyInAnyOrder("minimal", "partial");

        JsonNode layer = Parsed.json(run("export", "layer", "--framework", "aws"));
        Structure.assertValidLayer(layer);
        assertThat(layer.path("domain").asText()).isEqualTo("enterprise-attack");
        // Only the bundled sample is loaded: no release a Navigator holds, so the layer opens on the Navigator's own.
        assertThat(layer.path("versions").has("attack")).isFalse();
        assertThat(layer.path("name").asText()).isEqualTo("aws mappings");
        assertThat(layer.path("techniques")).hasSize(1);
        JsonNode t1528 = technique(layer, "T1528");
        assertThat(t1528.path("score").asInt()).isEqualTo(2);
        // The legend names the scores that occur, not the minimal score nothing here has.
        assertThat(layer.path("legendItems").findValuesAsText("label")).containsExactly("partial (score 2)");
        assertThat(layer.path("description").asText()).contains("2 partial");
        assertThat(t1528.path("comment").asText()).isEqualTo(
                "aws_secrets_manager (protect partial); aws_identity_and_access_management (protect minimal)");
        assertThat(t1528.path("metadata").findValuesAsText("value")).containsExactly("2");
        assertThat(t1528.path("links").get(0).path("url").asText()).isEqualTo("https://attack.mitre.org/techniques/T1528");
        assertThat(layer.path("metadata").toString()).contains("Enterprise 16.1 (bundled sample)", "aws@12/12/2024@16.1")
                .doesNotContain("veris");
        assertThat(layer.path("links").findValuesAsText("url")).isNotEmpty();
    }

    @Test
    void unscoredFrameworksAreCountedAndScoringIsConfigurable() {
        JsonNode all = Parsed.json(run("export", "layer"));
        Structure.assertValidLayer(all);
        assertThat(technique(all, "T1528").path("score").asInt()).isEqualTo(3);
        assertThat(all.path("description").asText()).contains("number of capabilities");
        JsonNode strength = Parsed.json(run("export", "layer", "--score", "strength"));
        assertThat(technique(strength, "T1528").path("score").asInt()).isEqualTo(2);
        JsonNode count = Parsed.json(run("export", "layer", "--framework", "aws", "--score", "count"));
        assertThat(technique(count, "T1528").path("score").asInt()).isEqualTo(2);
        // One score occurs: one legend item, in the one colour every technique gets.
        Structure.assertValidLayer(count);
        assertThat(count.path("legendItems").findValuesAsText("label")).containsExactly("2 capabilities");
        assertThat(count.path("gradient").path("colors").get(0)).isEqualTo(count.path("gradient").path("colors").get(1));
        assertThat(count.path("gradient").path("minValue").asInt()).isEqualTo(2);
    }

    @Test
    void theDeclaredAttackVersionIsAChoice() {
        assertThat(Parsed.json(run("export", "layer", "--layer-attack-version", "16.1")).path("versions")
                .path("attack").asText()).isEqualTo("16");
        assertThat(Parsed.json(run("export", "layer", "--layer-attack-version", "none")).path("versions")
                .has("attack")).isFalse();
        Cli.Run bad = Cli.run("export", "layer", "--layer-attack-version", "latest");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("'latest' is not a version");
    }

    @Test
    void defaultNamesAreSpreadsheetSheetTitles() {
        String name = Parsed.json(run("export", "layer", "--framework", "aws", "--technique", "T1528", "--capability",
                "aws_secrets_manager")).path("name").asText();
        assertThat(name).startsWith("aws, T1528, aws_secrets_").endsWith("…");
        assertThat(name.codePointCount(0, name.length())).isEqualTo(31);
        Cli.Run named = Cli.run("export", "layer", "--name", "mapper: aws");
        assertThat(named.exitCode()).isZero();
        assertThat(Parsed.json(named.out()).path("name").asText()).isEqualTo("mapper: aws");
        assertThat(named.err()).contains("not a valid spreadsheet sheet title");
        assertThat(Cli.run("export", "layer", "--name", "aws mappings").err()).isEmpty();
    }

    @Test
    void selectionsByCapabilityAndTechnique() {
        JsonNode layer = Parsed.json(run("export", "layer", "--capability", "aws_secrets_manager"));
        assertThat(technique(layer, "T1528").path("comment").asText()).contains("aws_secrets_manager")
                .doesNotContain("aws_identity_and_access_management");
        assertThat(layer.path("name").asText()).isEqualTo("aws_secrets_manager mappings");
        assertThat(Parsed.json(run("export", "layer", "--technique", "t1528")).path("techniques")).hasSize(1);

        Cli.Run unknown = Cli.run("export", "layer", "--capability", "nope");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(unknown.err()).contains("unknown capability nope");
        assertThat(Cli.run("export", "layer", "--technique", "T9999").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(Cli.run("export", "layer", "--technique", "foo").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void stixBundleIsValidDeterministicAndRefersToTheLoadedAttackPatterns() throws Exception {
        JsonNode attack = Parsed.json(Files.readString(Path.of("data/attack/enterprise-attack-16.1-T1528.json")));
        String out = run("export", "stix");
        JsonNode bundle = Parsed.json(out);
        Structure.assertValidStixBundle(bundle, Structure.currentAttackPatternIds(attack));
        assertThat(run("export", "stix")).isEqualTo(out);

        List<String> types = new ArrayList<>();
        bundle.path("objects").forEach(o -> types.add(o.path("type").asText() + " " + o.path("relationship_type")
                .asText("") + " " + extension(o).path("score_category").asText("")));
        assertThat(types).containsExactlyInAnyOrder("identity  ", "extension-definition  ", "course-of-action  ",
                "course-of-action  ", "course-of-action  ", "relationship mitigates protect",
                "relationship mitigates protect", "relationship related-to ");
        for (JsonNode o : bundle.path("objects")) {
            if (o.path("type").asText().equals("course-of-action")) {
                assertThat(o.path("external_references").get(0).path("external_id").asText())
                        .isEqualTo(extension(o).path("capability_id").asText())
                        .isIn("aws_identity_and_access_management", "aws_secrets_manager",
                                "action.malware.variety.Capture app data");
            }
            if (o.path("type").asText().equals("relationship")) {
                assertThat(extension(o).path("attack_object_id").asText()).isEqualTo("T1528");
                assertThat(extension(o).path("mapping_set").asText()).isIn("aws@12/12/2024@16.1", "veris@1.4.0@16.1");
            }
        }
    }

    /** The object's entry of the one property extension the bundle defines. */
    private static JsonNode extension(JsonNode object) {
        JsonNode extensions = object.path("extensions");
        return extensions.isEmpty() ? extensions : extensions.elements().next();
    }

    @Test
    void stixIdsChangeWithContent() {
        JsonNode aws = Parsed.json(run("export", "stix", "--framework", "aws"));
        JsonNode all = Parsed.json(run("export", "stix"));
        assertThat(aws.path("id")).isNotEqualTo(all.path("id"));
        assertThat(all.path("objects").findValuesAsText("id")).containsAll(aws.path("objects").findValuesAsText("id"));
    }

    @Test
    void selectionMappingsInEveryFormat() {
        JsonNode json = Parsed.json(run("export", "mappings", "-f", "json"));
        assertThat(json.path("mappings")).hasSize(3);
        assertThat(json.path("mapping_sets")).extracting(JsonNode::asText)
                .containsExactly("aws@12/12/2024@16.1", "veris@1.4.0@16.1");
        assertThat(Parsed.jsonLines(run("export", "mappings", "-f", "jsonl"))).hasSize(3);
        assertThat(Parsed.delimited(run("export", "mappings", "-f", "csv"), ',')).hasSize(3);
        assertThat(Parsed.delimited(run("export", "mappings", "-f", "tsv"), '\t')).hasSize(3);
        assertThat(Parsed.yaml(run("export", "mappings", "-f", "yaml")).path("mappings")).hasSize(3);
        assertThat(Parsed.markdownRows(run("export", "mappings", "-f", "markdown"))).isEqualTo(3);
        assertThat(run("export", "mappings")).contains("Mappings  3 mappings from 2 frameworks", "T1528  Steal Application Access Token");
    }

    @Test
    void exportsWriteToAFile(@TempDir Path dir) throws Exception {
        Path layer = dir.resolve("aws.layer.json");
        Cli.Run run = Cli.run("export", "layer", "--framework", "aws", "-o", layer.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        Structure.assertValidLayer(Parsed.json(Files.readString(layer)));
    }
}
