package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapper.testing.AttackBundle;
import dev.mapper.testing.Cli;
import dev.mapper.testing.MappingFiles;
import dev.mapper.testing.MatrixFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code matrix} on the made-up domain of {@link MatrixFixture}, whose every cell is known: columns, order, shades
 * with sub-techniques folded or listed, totals, what is not placed and why, the domain chosen, and the errors.
 */
class MatrixTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeFixture() throws Exception {
        MatrixFixture.write(dir);
    }

    /** What every run of this class names first: its data and the command. */
    private static List<String> first() {
        return List.of("--no-bundled", "--data", dir.toString(), "matrix");
    }

    private static Cli.Run run(String... args) {
        return Cli.run(first(), args);
    }

    private static JsonNode json(String... args) {
        return Cli.json(first(), args);
    }

    /** "tactic/ID" → shade, for every cell of the document. */
    private static Map<String, String> shades(JsonNode doc) {
        Map<String, String> shades = new LinkedHashMap<>();
        doc.path("cells").forEach(c -> shades.put(c.path("tactic").asText() + "/" + c.path("id").asText(),
                c.path("shade").asText()));
        return shades;
    }

    @Test
    void columnsAreTheTacticsInMatrixOrderAndCellsTheirTechniquesByName() throws Exception {
        JsonNode doc = json("--framework", "cloudx");

        assertThat(doc.path("tactics").findValuesAsText("id"))
                .containsExactlyElementsOf(MatrixFixture.TACTICS.stream().map(t -> t[0]).toList());
        List<String> entry = StreamSupport.stream(doc.path("cells").spliterator(), false)
                .filter(c -> c.path("tactic").asText().equals("entry")).map(c -> c.path("name").asText()).toList();
        assertThat(entry).containsExactly("Borrowed Accounts", "Lure by Mail");
        assertThat(doc.path("attack").path("version").asText()).isEqualTo("90.1");
        assertThat(doc.path("mapping_sets").findValuesAsText("")).isEmpty();
        assertThat(doc.path("mapping_sets").get(0).asText()).isEqualTo("cloudx@2025-01@90.1");
        assertThat(doc.path("selection").path("framework").get(0).asText()).isEqualTo("cloudx");
    }

    @Test
    void aFoldedCellIsShadedByTheStrongestOfItsOwnAndItsSubTechniquesMappings() throws Exception {
        Map<String, String> shades = shades(json("--framework", "cloudx"));

        // T9004 has no mapping of its own: .001 significant, .002 minimal.
        assertThat(shades).containsEntry("entry/T9004", "significant")
                .containsEntry("scouting/T9001", "partial") // only its sub-technique .001 is mapped
                .containsEntry("scouting/T9002", "none")
                .containsEntry("keys/T9009", "minimal")
                .doesNotContainKey("entry/T9004.001"); // folded: no row of its own
        // A technique of several tactics is a cell in each, alike.
        assertThat(shades).containsEntry("entry/T9005", "partial").containsEntry("hiding/T9005", "partial");
    }

    @Test
    void expandedSubTechniquesAreCellsOfTheirOwnAndParentsKeepOnlyTheirOwnMappings() throws Exception {
        JsonNode doc = json("--framework", "cloudx", "--subtechniques");
        Map<String, String> shades = shades(doc);

        assertThat(doc.path("subtechniques").asText()).isEqualTo("expanded");
        assertThat(shades).containsEntry("entry/T9004", "none")
                .containsEntry("entry/T9004.001", "significant")
                .containsEntry("entry/T9004.002", "minimal");
        assertThat(new ArrayList<>(shades.keySet()).subList(0, 4))
                .containsExactly("scouting/T9002", "scouting/T9001", "scouting/T9001.001", "scouting/T9001.002");
        // Totals count what is shown: 16 techniques and 6 sub-techniques (T9005.001 counts once, in 4 columns).
        assertThat(doc.path("total").asInt()).isEqualTo(22);
    }

    @Test
    void totalsCountEachTechniqueOnceAndEachColumnItsCells() throws Exception {
        JsonNode doc = json("--framework", "cloudx");

        assertThat(doc.path("total").asInt()).isEqualTo(16); // T9098 deprecated, T9099 revoked: not in the matrix
        assertThat(doc.path("covered").asInt()).isEqualTo(10);
        JsonNode staying = StreamSupport.stream(doc.path("tactics").spliterator(), false)
                .filter(t -> t.path("shortname").asText().equals("staying")).findFirst().orElseThrow();
        assertThat(staying.path("covered").asInt()).isEqualTo(1);
        assertThat(staying.path("total").asInt()).isEqualTo(3);
    }

    @Test
    void mappingsToTechniquesWithoutACellAreListedWithTheReasonNotDropped() throws Exception {
        JsonNode doc = json("--framework", "controls");

        assertThat(doc.path("not_in_matrix")).hasSize(1);
        JsonNode revoked = doc.path("not_in_matrix").get(0);
        assertThat(revoked.path("id").asText()).isEqualTo("T9099");
        assertThat(revoked.path("revoked_by").asText()).isEqualTo("T9014");
        assertThat(revoked.path("mapping_count").asInt()).isEqualTo(1);
        assertThat(doc.path("techniques").findValuesAsText("id")).contains("T9099");

        Cli.Run table = run("--framework", "controls");
        assertThat(table.out().replaceAll("\\s+", " ")).contains("Not shown 1 mapping", "T9099 (revoked by T9014)");
    }

    @Test
    void theScoreIsStrengthWhenEveryFrameworkScoresElseCountUnlessAsked() throws Exception {
        assertThat(json("--framework", "cloudx").path("score").asText()).isEqualTo("strength");
        assertThat(json().path("score").asText()).isEqualTo("count");
        JsonNode strength = json("--score", "strength");
        assertThat(shades(strength)).containsEntry("running/T9006", "unscored"); // controls only: no score
        JsonNode count = json("--score", "count");
        assertThat(shades(count)).containsEntry("staying/T9005", "count-2"); // cx_identity, CT-01, CT-02 (folded)
        JsonNode cell = StreamSupport.stream(count.path("cells").spliterator(), false)
                .filter(c -> c.path("id").asText().equals("T9005")).findFirst().orElseThrow();
        assertThat(cell.path("capability_count").asInt()).isEqualTo(3);
    }

    @Test
    void tacticAndCapabilityNarrowTheMatrix() throws Exception {
        JsonNode doc = json("--tactic", "impact,TA9001", "--capability", "cx_backup");

        assertThat(doc.path("tactics").findValuesAsText("shortname")).containsExactly("scouting", "impact");
        assertThat(shades(doc)).containsEntry("impact/T9015", "significant").containsEntry("impact/T9016",
                "significant").containsEntry("scouting/T9001", "none");
        assertThat(doc.path("selection").path("capability").get(0).asText()).isEqualTo("cx_backup");
    }

    @Test
    void anAdversaryLimitsTheMatrixToTheTechniquesItUses() throws Exception {
        JsonNode folded = json("--group", "Test Bears", "--framework", "cloudx");

        // T9004 shows only because its .001 is used, and is shaded by that alone (.002's minimal left out).
        assertThat(shades(folded)).containsOnly(entry("entry/T9004", "significant"),
                entry("keys/T9010", "significant"), entry("impact/T9015", "significant"));
        // It uses T9098 too, which is deprecated: counted nowhere in mapper, so not here either.
        assertThat(folded.path("scope").asText()).isEqualTo("the techniques and sub-techniques G9001 Fixture Bears "
                + "uses (3)");
        assertThat(folded.path("selection").path("group").get(0).asText()).isEqualTo("Test Bears");
        assertThat(folded.path("covered").asInt()).isEqualTo(3);
        assertThat(folded.path("total").asInt()).isEqualTo(3);
        assertThat(folded.path("techniques").findValuesAsText("id")).containsExactly("T9004.001", "T9010",
                "T9015");

        JsonNode expanded = json("--group", "G9001", "--framework", "cloudx", "--subtechniques");
        assertThat(shades(expanded)).containsOnly(entry("entry/T9004", "out-of-scope"),
                entry("entry/T9004.001", "significant"), entry("keys/T9010", "significant"),
                entry("impact/T9015", "significant"));
        assertThat(expanded.path("total").asInt()).isEqualTo(3); // the heading T9004 is not counted
        assertThat(expanded.path("legend").findValuesAsText("shade")).contains("out-of-scope");
    }

    @Test
    void haveCountsOnlyTheCapabilitiesYouHave() throws Exception {
        Path have = dir.resolve("have.txt");
        Files.writeString(have, "# what we run\ncx_backup\n");

        JsonNode doc = json("--have", have.toString(), "--framework", "cloudx");

        Map<String, String> covered = new LinkedHashMap<>(shades(doc));
        covered.values().removeIf("none"::equals);
        assertThat(covered).containsOnly(entry("impact/T9015", "significant"), entry("impact/T9016", "significant"));
        assertThat(doc.path("selection").path("have").get(0).asText()).isEqualTo(have.toString());
    }

    @Test
    void aDomainWithoutAttackDataAndSeveralDomainsAreErrors() throws Exception {
        Path mobile = dir.resolve("mobile.json");
        MappingFiles.file("mdm").attack("90.1").domain("mobile")
                .add(MappingFiles.mapping("MDM-1", "T1406").description("Device policy")).write(mobile);
        Cli.Run noAttack = Cli.run("--no-bundled", "--data", dir.resolve("attack").toString(), "--data",
                mobile.toString(), "matrix", "--domain", "mobile");
        assertThat(noAttack.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(noAttack.err()).contains("unknown ATT&CK domain mobile (no ATT&CK bundle of it is loaded)");
        // Without --domain, the domain that has ATT&CK data is shown, and the other is named.
        Cli.Run both = Cli.run("--no-bundled", "--data", dir.toString(), "--data", mobile.toString(), "matrix");
        assertThat(both.exitCode()).as(both.err()).isZero();
        assertThat(both.out()).contains("ATT&CK Enterprise 90.1 matrix", "the selection also maps Mobile techniques");

        Cli.Run unloaded = run("--domain", "ics");
        assertThat(unloaded.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unloaded.err()).contains("unknown --domain value 'ics'; valid values: enterprise");

        Cli.Run two = run("--domain", "enterprise,mobile");
        assertThat(two.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(two.err()).contains("a matrix shows one ATT&CK domain");

        Cli.Run unknown = run("--capability", "cx_nothing");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(unknown.err()).contains("unknown capability cx_nothing");
    }

    /**
     * A retired matrix's tactics are no columns: Mobile's releases keep "Network-Based Effects", deprecated, with two
     * deprecated tactics and no techniques, and list it before "Mobile ATT&CK".
     */
    @Test
    void theTacticsOfARetiredMatrixAreNotColumns(@TempDir Path mobileDir) throws Exception {
        AttackBundle.of("mobile", "90.2")
                .tactic("TA0027", "initial-access", "Initial Access").technique("T1661", "Application Versioning")
                .tactic("TA0041", "execution", "Execution").technique("T1623", "Command and Scripting Interpreter")
                .tactic("TA0038", "network-effects", "Network Effects").deprecated("TA0038")
                .tactic("TA0039", "remote-service-effects", "Remote Service Effects").deprecated("TA0039")
                .deprecatedMatrix("Network-Based Effects", "TA0038", "TA0039")
                .write(mobileDir.resolve("mobile-attack-90.2.json"));

        JsonNode doc = Cli.json(List.of("--no-bundled", "--data", mobileDir.toString(), "matrix", "--domain",
                "mobile"));

        assertThat(doc.path("tactics").findValuesAsText("id")).containsExactly("TA0027", "TA0041");
        Cli.Run table = Cli.run("--no-bundled", "--data", mobileDir.toString(), "matrix", "--domain", "mobile");
        assertThat(table.out()).startsWith("ATT&CK Mobile 90.2 matrix").doesNotContain("Network", "Remote Se");
    }

    @Test
    void theBundledSampleIsNamedAsSuch() {
        Cli.Run run = Cli.run("matrix");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("ATT&CK Enterprise 16.1 matrix", "T1528",
                "the ATT&CK data is mapper's bundled sample (T1528 only)");
    }

    @Test
    void htmlIsOnlyForTheMatrixAndTheMatrixIsInEveryOtherFormat() throws Exception {
        Cli.Run html = Cli.run("show", "T1528", "--format", "html");
        assertThat(html.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(html.err()).contains("'html' is not a format of 'mapper show' (it is for 'mapper matrix')");

        for (String format : List.of("table", "markdown", "yaml", "jsonl", "csv", "tsv")) {
            Cli.Run run = run("--framework", "cloudx", "--format", format);
            assertThat(run.exitCode()).as(format + ": " + run.err()).isZero();
            assertThat(run.out()).as(format).contains("T9013");
        }
        // Line formats: one line per cell (16 cells, T9005 in 4 columns and T9007 in 3: 21 lines).
        assertThat(run("--framework", "cloudx", "--format", "jsonl").out().lines()).hasSize(21);
        Path file = dir.resolve("matrix.html");
        assertThat(run("--framework", "cloudx", "--format", "html", "-o", file.toString()).exitCode()).isZero();
        assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>").contains("T9013");
    }
}
