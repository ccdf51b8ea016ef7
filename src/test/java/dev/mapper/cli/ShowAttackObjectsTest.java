package dev.mapper.cli;

import static dev.mapper.testing.MappingFiles.scored;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapper.testing.AttackBundle;
import dev.mapper.testing.Cli;
import dev.mapper.testing.MappingFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code show} of groups, software, campaigns, mitigations and detection strategies, on a hand-made bundle with
 * the edge cases the corpus lacks or hides: a revoked group whose name is an alias of its replacement, aliases two
 * groups share, a group using a revoked and a deprecated technique, software with no techniques, a campaign
 * attributed to a group, and a name that is also a technique ID.
 */
class ShowAttackObjectsTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeData() throws Exception {
        AttackBundle.of("enterprise", "18.1")
                .credentialAccess()
                .technique("T1528", "Steal Application Access Token")
                .technique("T1552", "Unsecured Credentials")
                .technique("T1552.001", "Credentials In Files")
                .technique("T1001", "Old Technique")
                .technique("T1002", "Withdrawn Technique")
                .group("G0001", "Alpha", "Alpha", "Shared Alias", "Old Alpha")
                .group("G0002", "Beta", "Beta", "Shared Alias")
                .group("G0003", "Old Alpha")
                .malware("S0001", "Stealer", "Stealer", "Nabber")
                .tool("S0002", "Idle")
                .malware("S0003", "T9000")
                .malware("S0004", "Alpha")
                .campaign("C0001", "Operation One")
                .mitigation("M1001", "Vault")
                .detectionStrategy("DET0001", "Detect token theft", "AN0001")
                .uses("G0001", "T1528", "Alpha steals [tokens](https://example.com/x).(Citation: Report 2024)")
                .uses("G0001", "T1001", "Alpha does the old thing.")
                .uses("G0001", "T1002", "Alpha does the withdrawn thing.")
                .uses("G0001", "S0001", "Alpha uses Stealer.")
                .uses("S0001", "T1552.001", "Stealer reads files.")
                .uses("C0001", "T1552", "During Operation One, Alpha looked for credentials.")
                .uses("G0002", "T1528", "Beta too.")
                .attributedTo("C0001", "G0001")
                .mitigates("M1001", "T1552").mitigates("M1001", "T1528").detects("DET0001", "T1528")
                .revokedBy("T1001", "T1528").revokedBy("G0003", "G0001").deprecated("T1002")
                .write(dir.resolve("attack/enterprise-attack-18.1.json"));
        MappingFiles.file("acme").attack("18.1").add(scored("vault", "T1528", "significant"),
                scored("vault", "T1552", "partial"), scored("scanner", "T1552.001", "minimal"))
                .write(dir.resolve("mappings.json"));
        MappingFiles.file("other").attack("18.1").add(scored("eye", "T1002", null)).write(dir.resolve("other.json"));
    }

    /** What every run of this class names first: its data. */
    private static List<String> first() {
        return List.of("--no-bundled", "--data", dir.toString());
    }

    private static Cli.Run run(String... args) {
        return Cli.run(first(), args);
    }

    private static JsonNode json(String... args) {
        return Cli.json(first(), args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"G0002", "g0002", " beta ", "BETA"})
    void aGroupIsFoundByIdOrNameIgnoringCaseAndSpaces(String query) throws Exception {
        assertThat(json("show", query).path("group").path("id").asText()).isEqualTo("G0002");
    }

    @Test
    void anAliasTwoGroupsShareAndANameAGroupAndSoftwareShareAreAmbiguous() throws Exception {
        Cli.Run alias = run("show", "shared alias");
        assertThat(alias.exitCode()).isEqualTo(ExitCodes.AMBIGUOUS);
        assertThat(alias.err()).contains("'shared alias' matches 2 ATT&CK objects; give one of these IDs:\n"
                + "  G0001  Alpha  (group)\n  G0002  Beta  (group)\n");
        assertThat(alias.out()).isEmpty();

        Cli.Run name = run("show", "Alpha");
        assertThat(name.exitCode()).isEqualTo(ExitCodes.AMBIGUOUS);
        assertThat(name.err()).contains("  G0001  Alpha  (group)\n  S0004  Alpha  (software)\n");
        assertThat(json("show", "S0004").path("software").path("name").asText()).isEqualTo("Alpha");
    }

    @Test
    void aGroupsTechniquesAreItsOwnAndItsCampaignsWithTheirProceduresAndCoverage() throws Exception {
        JsonNode doc = json("show", "G0001");

        JsonNode group = doc.path("group");
        assertThat(group.path("kind").asText()).isEqualTo("group");
        assertThat(texts(group.path("aliases"))).containsExactly("Alpha", "Shared Alias", "Old Alpha");
        assertThat(idsOf(doc.path("techniques"))).containsExactly("T1002", "T1528", "T1552");
        assertThat(idsOf(doc.path("campaigns"))).containsExactly("C0001");
        assertThat(idsOf(doc.path("software_used"))).containsExactly("S0001");

        JsonNode t1528 = doc.path("techniques").get(1);
        // The revoked T1001 counts as T1528, which replaced it; both procedures stay.
        assertThat(texts(t1528.path("replaces"))).containsExactly("T1001");
        assertThat(t1528.path("procedures").findValuesAsText("description"))
                .containsExactly("Alpha steals [tokens](https://example.com/x).(Citation: Report 2024)",
                        "Alpha does the old thing.");
        assertThat(t1528.path("covered_by").findValuesAsText("capability_id")).containsExactly("vault");
        JsonNode t1552 = doc.path("techniques").get(2);
        assertThat(t1552.path("procedures").get(0).path("id").asText()).isEqualTo("C0001");
        assertThat(t1552.path("procedures").get(0).path("kind").asText()).isEqualTo("campaign");

        // The deprecated technique is listed, not counted: 2 of 2 counted techniques covered by acme, 0 by other.
        JsonNode t1002 = doc.path("techniques").get(0);
        assertThat(t1002.path("deprecated").asBoolean()).isTrue();
        assertThat(t1002.path("counted").asBoolean()).isFalse();
        assertThat(doc.path("frameworks").toString())
                .contains("{\"mapping_framework\":\"acme\",\"covered\":2,\"total\":2,\"percent\":100.0}")
                .contains("{\"mapping_framework\":\"other\",\"covered\":0,\"total\":2,\"percent\":0.0}");
    }

    @Test
    void includeSoftwareAddsTheTechniquesOfTheSoftwareTheGroupUses() throws Exception {
        JsonNode doc = json("show", "G0001", "--include-software");

        assertThat(doc.path("include_software").asBoolean()).isTrue();
        assertThat(idsOf(doc.path("techniques"))).containsExactly("T1002", "T1528", "T1552", "T1552.001");
        assertThat(doc.path("techniques").get(3).path("procedures").get(0).path("id").asText()).isEqualTo("S0001");
    }

    @Test
    void theTableShowsProceduresAsProseAndWhatCoversEachTechnique() {
        Cli.Run run = run("show", "G0001");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("G0001  Alpha", "Aliases     Shared Alias, Old Alpha",
                        "Campaigns   C0001 Operation One", "Alpha steals tokens.",
                        "C0001 Operation One: During Operation One", "covered: acme vault (significant)",
                        "(used as T1001, revoked)", "(deprecated: not counted)")
                .doesNotContain("Citation", "https://example.com/x");
        assertThat(run.out()).containsPattern("acme\\s+2\\s+2\\s+100.0%");
    }

    @Test
    void aRevokedGroupsNameFindsItsReplacementAndItsIdFindsItMarkedRevoked() throws Exception {
        assertThat(json("show", "old alpha").path("group").path("id").asText()).isEqualTo("G0001");

        JsonNode revoked = json("show", "G0003").path("group");
        assertThat(revoked.path("revoked").asBoolean()).isTrue();
        assertThat(revoked.path("revoked_by").asText()).isEqualTo("G0001");
        assertThat(run("show", "G0003").out()).contains("Revoked     yes, by G0001");
    }

    @Test
    void softwareWithNoTechniquesIsShownWithNothingToCover() throws Exception {
        JsonNode doc = json("show", "S0002");

        assertThat(doc.path("software").path("type").asText()).isEqualTo("tool");
        assertThat(doc.path("techniques")).isEmpty();
        assertThat(doc.path("frameworks").findValuesAsText("total")).containsOnly("0");
        assertThat(run("show", "S0002").out()).contains("Coverage  0 techniques used");
    }

    @Test
    void softwareListsTheGroupsUsingIt() throws Exception {
        JsonNode doc = json("show", "nabber");

        assertThat(doc.path("software").path("id").asText()).isEqualTo("S0001");
        assertThat(idsOf(doc.path("groups"))).containsExactly("G0001");
        assertThat(idsOf(doc.path("techniques"))).containsExactly("T1552.001");
    }

    @Test
    void aCampaignListsTheGroupsItIsAttributedTo() throws Exception {
        JsonNode doc = json("show", "operation one");

        assertThat(doc.path("campaign").path("first_seen").asText()).isEqualTo("2020-01-01T00:00:00.000Z");
        assertThat(idsOf(doc.path("groups"))).containsExactly("G0001");
    }

    @Test
    void aMitigationAndADetectionStrategyListTheirTechniques() throws Exception {
        JsonNode mitigation = json("show", "M1001");
        assertThat(mitigation.path("mitigation").path("description").asText()).isEqualTo("Vault described.");
        assertThat(idsOf(mitigation.path("techniques"))).containsExactly("T1528", "T1552");

        JsonNode strategy = json("show", "det0001");
        JsonNode analytic = strategy.path("detection_strategy").path("analytics").get(0);
        assertThat(analytic.path("id").asText()).isEqualTo("AN0001");
        assertThat(analytic.path("log_sources").get(0).path("data_component").asText()).isEqualTo("Component of AN0001");
        assertThat(idsOf(strategy.path("techniques"))).containsExactly("T1528");
        assertThat(run("show", "DET0001").out()).contains("Analytics  1", "log AWS:CloudTrail: GetSecretValue",
                "Detects  1 technique", "T1528  Steal Application Access Token");
    }

    @Test
    void aNameShapedLikeATechniqueIdIsFoundWhenNoTechniqueHasIt() throws Exception {
        assertThat(json("show", "T9000").path("software").path("id").asText()).isEqualTo("S0003");
        Cli.Run unknown = run("show", "T9999");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(unknown.err()).as("no Mobile or ICS data: it may be one of theirs, so nothing unrelated is suggested")
                .startsWith("mapper: unknown technique T9999; no ATT&CK release is loaded for Mobile, ICS");
    }

    @Test
    void anUnknownNameSuggestsTheNearestAndAnUnknownIdOfAKindSearchesOnlyThatKind() {
        Cli.Run name = run("show", "alfa");
        assertThat(name.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(name.err()).contains("unknown ATT&CK object 'alfa'; did you mean 'G0001 Alpha'");
        assertThat(name.out()).isEmpty();

        Cli.Run id = run("show", "G0009");
        assertThat(id.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(id.err()).contains("unknown group 'G0009'; did you mean 'G0001 Alpha'").doesNotContain("S000");
    }

    @Test
    void everyFormatRendersAGroupAndADetectionStrategy() {
        for (String format : List.of("table", "json", "jsonl", "csv", "tsv", "markdown", "yaml")) {
            for (String id : List.of("G0001", "DET0001", "M1001", "S0002")) {
                Cli.Run run = run("show", id, "--format", format);
                assertThat(run.exitCode()).as(format + " " + id + ": " + run.err()).isZero();
                if (!id.equals("S0002") || !List.of("jsonl", "csv", "tsv").contains(format)) {
                    assertThat(run.out()).as(format + " " + id).isNotBlank();
                }
            }
        }
        assertThat(run("show", "G0001", "--format", "markdown").out()).contains("# G0001 Alpha",
                "| T1528 | Steal Application Access Token | yes |");
        assertThat(run("show", "G0001", "--format", "csv").out().lines().count()).isEqualTo(4);
    }

    private static List<String> idsOf(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.path("id").asText()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
