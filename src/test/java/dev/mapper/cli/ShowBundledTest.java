package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapper.testing.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code mapper show T1528} on the bundled data, as a newcomer runs it: what the seed page shows, and more. */
class ShowBundledTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whitespace folded, so that wrapped table text compares with the seed's one-line paragraphs. */
    private static String folded(String s) {
        return s.replaceAll("\\s+", " ");
    }

    @Test
    void tableShowsEverythingTheSeedPageShows() throws Exception {
        Cli.Run run = Cli.run("show", "T1528", "--full");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.err()).isEmpty();
        String out = folded(run.out());
        assertThat(out).contains("T1528 Steal Application Access Token", "Credential Access (TA0006)",
                "SaaS, Containers, IaaS, Office Suite, Identity Provider",
                "https://attack.mitre.org/techniques/T1528");
        for (String line : seedLines()) {
            if (line.startsWith("This control may")) {
                assertThat(out).as("seed comment").contains(line);
            }
        }
        assertThat(out).contains("action.malware.variety.Capture app data",
                "Capture data from application or system process", "related-to",
                "aws_identity_and_access_management", "AWS Identity and Access Management",
                "aws_secrets_manager", "AWS Secrets Manager", "technique_scores",
                "protect · minimal", "protect · partial");
        // The description: every paragraph of the seed, wrapped but complete, its citations made footnotes.
        List<String> description = seedLines().subList(2, seedLines().indexOf("View in MITRE ATT&CK®"));
        String withoutMarkers = out.replaceAll(" ?\\[\\d+]", "");
        for (String paragraph : description) {
            assertThat(withoutMarkers).contains(folded(paragraph.replaceAll("\\(Citation: [^)]*\\)", "")).strip());
        }
    }

    @Test
    void tableWrapsToColumnsAndHasNoColourWhenPiped() {
        Cli.Run run = Cli.run("show", "T1528");
        for (String line : run.out().split("\n")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(Terminal.notATerminal().width());
        }
        assertThat(run.out()).doesNotContain("\u001b[");
    }

    @Test
    void jsonCarriesTheOfficialFieldsOfEveryMapping() throws Exception {
        Cli.Run run = Cli.run("show", "T1528", "--format", "json");

        assertThat(run.exitCode()).isEqualTo(0);
        JsonNode doc = JSON.readTree(run.out());
        assertThat(doc.path("schema_version").asInt()).isEqualTo(1);
        assertThat(doc.path("technique").path("id").asText()).isEqualTo("T1528");
        assertThat(doc.path("technique").path("name").asText()).isEqualTo("Steal Application Access Token");
        assertThat(doc.path("technique").path("tactics").get(0).path("id").asText()).isEqualTo("TA0006");
        JsonNode mappings = doc.path("mappings");
        assertThat(mappings).hasSize(3);
        List<String> capabilities = new ArrayList<>();
        for (JsonNode m : mappings) {
            assertThat(m.fieldNames()).toIterable().contains("capability_id", "capability_description",
                    "mapping_type", "attack_object_id", "attack_object_name", "score_category", "score_value",
                    "comments", "references", "mapping_framework", "mapping_framework_version", "attack_version",
                    "technology_domain");
            assertThat(m.path("attack_object_id").asText()).isEqualTo("T1528");
            assertThat(m.path("attack_version").asText()).isEqualTo("16.1");
            assertThat(m.path("technology_domain").asText()).isEqualTo("enterprise");
            capabilities.add(m.path("capability_id").asText());
        }
        assertThat(capabilities).containsExactly("aws_identity_and_access_management", "aws_secrets_manager",
                "action.malware.variety.Capture app data");
        JsonNode iam = mappings.get(0);
        assertThat(iam.path("mapping_framework").asText()).isEqualTo("aws");
        assertThat(iam.path("mapping_framework_version").asText()).isEqualTo("12/12/2024");
        assertThat(iam.path("score_category").asText()).isEqualTo("protect");
        assertThat(iam.path("score_value").asText()).isEqualTo("minimal");
        assertThat(mappings.get(1).path("score_value").asText()).isEqualTo("partial");
        JsonNode veris = mappings.get(2);
        assertThat(veris.path("mapping_type").asText()).isEqualTo("related_to");
        assertThat(veris.path("score_category").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"t1528", " T1528 ", "t1528\t"})
    void idsAreCaseInsensitiveAndTrimmed(String id) throws Exception {
        Cli.Run run = Cli.run("show", id, "--format", "json");
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(JSON.readTree(run.out()).path("mappings")).hasSize(3);
    }

    @Test
    void unknownIdPrintsNothingOnStdoutAndSuggestsTheNearest() {
        Cli.Run run = Cli.run("show", "T9999");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_FOUND).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("T9999").doesNotContain("did you mean")
                .contains("no ATT&CK release is loaded for Enterprise, Mobile, ICS");
    }

    @Test
    void anUnknownNameIsNotFoundWithTheNearestAndABlankOneIsAUsageError() {
        Cli.Run run = Cli.run("show", "foo");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_FOUND).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("unknown ATT&CK object 'foo'; did you mean 'T1528 Steal Application Access "
                + "Token'?").doesNotContain("Exception");

        Cli.Run blank = Cli.run("show", " ");
        assertThat(blank.exitCode()).isEqualTo(ExitCodes.USAGE).isEqualTo(2);
        assertThat(blank.err()).contains("an ATT&CK ID or name is required");
    }

    @Test
    void theBundledSampleHasNoGroupsAndSaysHowToLoadThem() {
        Cli.Run run = Cli.run("show", "G0016");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.err()).contains("unknown group 'G0016'; the loaded ATT&CK data has none (load an ATT&CK "
                + "bundle with --data)");
    }

    @Test
    void helpAndVersionWork() {
        Cli.Run help = Cli.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("show", "--data", "Examples:");
        Cli.Run showHelp = Cli.run("show", "--help");
        assertThat(showHelp.exitCode()).isZero();
        assertThat(showHelp.out()).contains("--format", "--all-versions", "mapper show T1528");
        Cli.Run version = Cli.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).contains("mapper", "bundled ATT&CK: Enterprise 16.1",
                "bundled mappings: aws@12/12/2024@16.1", "bundled mappings: veris@1.4.0@16.1");
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Run run = Cli.run();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("a command is required");
    }

    @Test
    void noBundledLeavesNothingToShow() {
        Cli.Run run = Cli.run("--no-bundled", "show", "T1528");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.out()).isEmpty();
    }

    private static List<String> seedLines() throws Exception {
        Path seed = Path.of(System.getProperty("mapper.corpus", "../shared/corpus")).resolveSibling("seed")
                .resolve("000_7e86295ec23453c4.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(seed), "seed page not found at " + seed);
        return Files.readAllLines(seed, StandardCharsets.UTF_8);
    }
}
