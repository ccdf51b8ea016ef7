package dev.mapper.cli;

import static dev.mapper.testing.MappingFiles.scored;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapper.testing.AttackBundle;
import dev.mapper.testing.Cli;
import dev.mapper.testing.MappingFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gap} and {@code --have} on a hand-made bundle and mapping file small enough to rank by hand.
 *
 * <p>Groups: G0001 uses T1001, T1002, T1003; G0002 uses T1001, T1002; G0003 uses T1001, T1004; G0004 is revoked
 * by G0001. So T1001 is used by 3 groups, T1002 by 2, T1003 and T1004 by 1. Capabilities of "acme": a-1 maps
 * T1003 (partial); b-1 T1001 (minimal) and T1004 (significant); b-2 T1001 (significant); b-3 T1002 and T1004
 * (partial); AC-02 T1005, which no group uses.
 */
class GapTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeData() throws Exception {
        AttackBundle b = AttackBundle.of("enterprise", "18.1")
                .credentialAccess();
        for (int i = 1; i <= 5; i++) {
            b.technique("T100" + i, "Technique " + i);
        }
        b.group("G0001", "Alpha", "Alpha")
                .group("G0002", "Beta", "Beta", "Second")
                .group("G0003", "Gamma")
                .group("G0004", "Old Alpha")
                .uses("G0001", "T1001", null).uses("G0001", "T1002", null).uses("G0001", "T1003", null)
                .uses("G0002", "T1001", null).uses("G0002", "T1002", null)
                .uses("G0003", "T1001", null).uses("G0003", "T1004", null)
                .revokedBy("G0004", "G0001")
                .write(dir.resolve("data/enterprise-attack-18.1.json"));
        MappingFiles.file("acme").attack("18.1").add(
                scored("a-1", "T1003", "partial"),
                scored("b-1", "T1001", "minimal"),
                scored("b-1", "T1004", "significant"),
                scored("b-2", "T1001", "significant"),
                scored("b-3", "T1002", "partial"),
                scored("b-3", "T1004", "partial"),
                scored("AC-02", "T1005", "partial")).write(dir.resolve("data/acme.json"));
        // A byte order mark, CRLF line ends, comments, a blank line, and duplicates (one differing in case, one
        // in NIST's zero padding) are all one list of two capabilities.
        Files.write(dir.resolve("have.txt"), ("\uFEFF# our stack\r\na-1\r\n\r\n  A-1\r\nac-2  # NIST, unpadded\r\n"
                + "a-1\r\nAC-02\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** What every run of this class names first: its data. */
    private static List<String> first() {
        return List.of("--no-bundled", "--data", dir.resolve("data").toString());
    }

    private static Cli.Run run(String... args) {
        return Cli.run(first(), args);
    }

    private static JsonNode json(String... args) {
        return Cli.json(first(), args);
    }

    @Test
    void uncoveredTechniquesAreRankedByUseAndTheGreedyPicksCloseTheMostWeightedUse() throws Exception {
        JsonNode doc = json("gap", "--have", dir.resolve("have.txt").toString());

        assertThat(doc.path("all_groups").asBoolean()).isTrue();
        assertThat(ids(doc.path("adversaries"))).containsExactly("G0001", "G0002", "G0003");
        assertThat(doc.path("have").findValuesAsText("capability_id")).containsExactly("a-1", "AC-02");
        assertThat(doc.path("techniques_used").asInt()).isEqualTo(4);
        assertThat(doc.path("covered").asInt()).isEqualTo(1);
        assertThat(ids(doc.path("gap"))).containsExactly("T1001", "T1002", "T1004");
        assertThat(doc.path("gap").findValuesAsText("users")).containsExactly("3", "2", "1");
        assertThat(doc.path("gap").get(0).path("used_by").toString()).isEqualTo("[\"G0001\",\"G0002\",\"G0003\"]");
        // Round 1: b-2 closes T1001 at significant: 3 x 3 = 9 (b-1: 3 x 1 + 1 x 3 = 6; b-3: 2 x 2 + 1 x 2 = 6).
        // Round 2: b-3 closes T1002 and T1004: 4 + 2 = 6 (b-1: T1004 only, 3). Then nothing is left to close.
        JsonNode picks = doc.path("recommendations");
        assertThat(picks.findValuesAsText("capability_id")).containsExactly("b-2", "b-3");
        assertThat(picks.findValuesAsText("value")).containsExactly("9", "6");
        assertThat(ids(picks.get(1).path("closes"))).containsExactly("T1002", "T1004");
        assertThat(picks.get(1).path("closes").get(0).path("score_value").asText()).isEqualTo("partial");
    }

    @Test
    void withoutHaveEveryTechniqueUsedIsAGapAndTiesGoToWhatCanBeClosedThenTheId() throws Exception {
        JsonNode doc = json("gap");

        assertThat(doc.path("have")).isEmpty();
        // T1003 and T1004 are both used once: T1004 can be closed by two capabilities, T1003 by one.
        assertThat(ids(doc.path("gap"))).containsExactly("T1001", "T1002", "T1004", "T1003");
        assertThat(doc.path("gap").findValuesAsText("closable_by")).containsExactly("2", "1", "2", "1");
        assertThat(doc.path("recommendations").findValuesAsText("capability_id")).containsExactly("b-2", "b-3", "a-1");
    }

    @Test
    void theChosenAdversariesAreCountedAndARevokedGroupStandsForItsReplacement() throws Exception {
        Cli.Run run = run("gap", "--group", "G0004,second", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("mapper: warning: G0004 Old Alpha is revoked by G0001 Alpha; counting G0001");
        JsonNode doc = JSON.readTree(run.out());
        assertThat(doc.path("all_groups").asBoolean()).isFalse();
        assertThat(ids(doc.path("adversaries"))).containsExactly("G0001", "G0002");
        assertThat(doc.path("gap").findValuesAsText("users")).containsExactly("2", "2", "1");
    }

    @Test
    void aGroupsFileNamesGroupsOnePerLineAndAnUnknownOneIsReportedAtItsLine() throws Exception {
        Files.writeString(dir.resolve("groups.txt"), "# who we fear\nG0003\n\ngamma\n");
        assertThat(ids(json("gap", "--groups-file", dir.resolve("groups.txt").toString()).path("adversaries")))
                .containsExactly("G0003");

        Files.writeString(dir.resolve("bad-groups.txt"), "G0003\n  Delta\n");
        Cli.Run bad = run("gap", "--groups-file", dir.resolve("bad-groups.txt").toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(bad.err()).contains("bad-groups.txt:2:3: unknown group 'Delta'; did you mean");
    }

    @Test
    void anUnknownCapabilityInTheHaveFileIsNotFoundAtItsLineWithTheNearest() throws Exception {
        Files.writeString(dir.resolve("bad-have.txt"), "a-1\nb-9\n");

        Cli.Run run = run("gap", "--have", dir.resolve("bad-have.txt").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).isEqualTo("mapper: " + dir.resolve("bad-have.txt")
                + ":2:1: unknown capability 'b-9'; did you mean b-1, b-2, b-3?");
    }

    @Test
    void theHaveFileMayBeCsvOrJsonIncludingMappersOwnOutput() throws Exception {
        Files.writeString(dir.resolve("have.csv"), "\uFEFFname,capability_id\r\nAlpha,a-1\r\nBee,\"b-2\"\r\n,\r\n");
        assertThat(json("gap", "--have", dir.resolve("have.csv").toString()).path("have")
                .findValuesAsText("capability_id")).containsExactly("a-1", "b-2");

        Files.writeString(dir.resolve("have.json"), "[\"a-1\", {\"capability_id\": \"b-2\", \"note\": 1}]");
        assertThat(json("gap", "--have", dir.resolve("have.json").toString()).path("uncovered").asInt()).isEqualTo(2);

        Files.writeString(dir.resolve("caps.json"), run("list", "capabilities", "--format", "json").out());
        JsonNode all = json("gap", "--have", dir.resolve("caps.json").toString());
        assertThat(all.path("have")).hasSize(5);
        assertThat(all.path("uncovered").asInt()).isZero();
        assertThat(all.path("recommendations")).isEmpty();

        Files.writeString(dir.resolve("no-column.csv"), "name,id\nAlpha,a-1\n");
        Cli.Run bad = run("gap", "--have", dir.resolve("no-column.csv").toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_DATA);
        assertThat(bad.err()).contains("no-column.csv:1:1: expected a capability_id column in the header row, found name, id");
    }

    @Test
    void aHaveFileThatIsNotJsonIsSaidInTheUsersTermsAsForDataFiles() throws Exception {
        Files.writeString(dir.resolve("nan.json"), "[\"a-1\",\n NaN]\n");
        Cli.Run run = run("gap", "--have", dir.resolve("nan.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_DATA);
        assertThat(run.err()).isEqualTo("mapper: " + dir.resolve("nan.json") + ":2:5: 'NaN' is not a JSON value "
                + "(JSON numbers cannot be NaN or infinite: write null, or a number)\n");
    }

    @Test
    void aHaveFileThatIsNotUtf8OrMissingIsBadData() throws Exception {
        Files.write(dir.resolve("latin1.txt"), new byte[] {'a', '-', '1', '\n', 'b', (byte) 0xe9, '\n'});
        Cli.Run latin1 = run("gap", "--have", dir.resolve("latin1.txt").toString());
        assertThat(latin1.exitCode()).isEqualTo(ExitCodes.BAD_DATA);
        assertThat(latin1.err()).contains("latin1.txt:2:2: not valid UTF-8");

        Cli.Run missing = run("gap", "--have", dir.resolve("nope.txt").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_DATA);
        assertThat(missing.err()).contains("nope.txt: no such file or directory");
    }

    @Test
    void anEmptyHaveFileHasNothing() throws Exception {
        Files.writeString(dir.resolve("empty.txt"), "# nothing yet\n");
        JsonNode doc = json("gap", "--have", dir.resolve("empty.txt").toString());
        assertThat(doc.path("covered").asInt()).isZero();
        assertThat(doc.path("uncovered").asInt()).isEqualTo(4);
    }

    @Test
    void theTableExplainsTheRankingAndLimitAndClosableNarrowTheListing() {
        Cli.Run run = run("gap", "--have", dir.resolve("have.txt").toString(), "--limit", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Gap  3 of 4 techniques used by all 3 groups not covered",
                "Most used, uncovered  2 of 3", "significant 3, partial 2,", "b-2")
                .containsPattern("1\\s+T1001\\s+3\\s+2\\s+Technique 1")
                .containsPattern("value 9 · closes 1 technique, 1 of those above: T1001 \\(3, significant\\)");

        Cli.Run closable = run("gap", "--have", dir.resolve("have.txt").toString(), "--min-score", "significant",
                "--closable");
        assertThat(closable.out()).contains("Most used, uncovered, closable  2 of 4")
                .containsPattern("1\\s+T1001\\s+3\\s+1").containsPattern("2\\s+T1004\\s+1\\s+1")
                .doesNotContain("T1002  ");
    }

    @Test
    void recommendZeroRecommendsNothing() throws Exception {
        assertThat(json("gap", "--recommend", "0").path("recommendations")).isEmpty();
        assertThat(run("gap", "--limit", "-1").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void everyFormatWritesIt() {
        for (String format : List.of("table", "json", "jsonl", "csv", "tsv", "markdown", "yaml")) {
            Cli.Run run = run("gap", "--have", dir.resolve("have.txt").toString(), "--format", format);
            assertThat(run.exitCode()).as(format + ": " + run.err()).isZero();
            assertThat(run.out()).as(format).contains("T1001");
        }
        assertThat(run("gap", "--format", "csv").out().lines()).hasSize(5);
    }

    @Test
    void showWithHaveCountsOnlyWhatYouHave() throws Exception {
        JsonNode doc = json("show", "G0001", "--have", dir.resolve("have.txt").toString());
        assertThat(doc.path("frameworks").toString()).contains("\"covered\":1,\"total\":3");
    }

    @Test
    void anAdversaryGapLayerColoursUsedCoveredUsedUncoveredAndCoveredNotUsed() throws Exception {
        Path layer = dir.resolve("beta.layer.json");
        Cli.Run run = run("export", "layer", "--group", "beta", "-o", layer.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = JSON.readTree(layer.toFile());

        assertThat(doc.path("name").asText()).isEqualTo("Beta gap");
        assertThat(doc.path("versions").path("attack").asText()).isEqualTo("18");
        assertThat(scores(doc)).containsExactly("T1001=2", "T1002=2", "T1003=0", "T1004=0", "T1005=0");
        assertThat(doc.path("techniques").get(0).path("comment").asText())
                .isEqualTo("used by G0002 Beta; covered by b-2 (protect significant); b-1 (protect minimal)");
        assertThat(doc.path("legendItems").findValuesAsText("label"))
                .containsExactly("covered, not used by the adversaries", "used and covered");
        assertThat(doc.path("metadata").toString()).contains("\"covered\",\"value\":\"2 of 2 techniques used\"");

        // With what you have (a-1 and AC-02), Beta's techniques are uncovered; a-1 and AC-02 cover others.
        run("export", "layer", "--group", "G0002", "--have", dir.resolve("have.txt").toString(), "-o", layer.toString());
        JsonNode have = JSON.readTree(layer.toFile());
        assertThat(scores(have)).containsExactly("T1001=1", "T1002=1", "T1003=0", "T1005=0");
        assertThat(have.path("techniques").get(0).path("comment").asText()).endsWith("; not covered");
        assertThat(have.path("metadata").toString()).contains("have.txt");
    }

    @Test
    void coverageOfAGroupCountsItsTechniquesWithTheirStrengthAndWhoUsesThem() throws Exception {
        JsonNode doc = json("coverage", "--group", "alpha", "--group", "G0002");

        assertThat(doc.path("scope").asText()).isEqualTo("the techniques and sub-techniques G0001 Alpha, G0002 Beta use (3)");
        assertThat(ids(doc.path("adversaries"))).containsExactly("G0001", "G0002");
        assertThat(doc.path("covered").asInt()).isEqualTo(3);
        assertThat(doc.path("total").asInt()).isEqualTo(3);
        assertThat(doc.path("domains").get(0).path("strength").toString())
                .isEqualTo("{\"significant\":1,\"partial\":2,\"minimal\":0,\"unscored\":0}");
        JsonNode t1001 = doc.path("techniques").get(0);
        assertThat(t1001.path("used_by").toString()).isEqualTo("[\"G0001\",\"G0002\"]");
        assertThat(t1001.path("strongest").asText()).isEqualTo("significant");
        assertThat(t1001.path("covered_by").findValuesAsText("capability_id")).containsExactly("b-1", "b-2");

        Cli.Run table = run("coverage", "--group", "alpha", "--group", "G0002");
        assertThat(table.out()).contains("Strength    1 significant, 2 partial", "Covered  3",
                "T1001 Technique 1  (2 users)", "covered: acme b-1 (minimal), b-2 (significant)", "Uncovered  0");
    }

    @Test
    void coverageOfWhatYouHaveGatesLikeAnyCoverage() throws Exception {
        String have = dir.resolve("have.txt").toString();
        JsonNode doc = json("coverage", "--group", "G0001", "--have", have);
        assertThat(doc.path("covered").asInt()).isEqualTo(1);
        assertThat(doc.path("uncovered").findValuesAsText("id")).containsExactly("T1001", "T1002");

        Cli.Run gate = run("coverage", "--group", "G0001", "--have", have, "--fail-under", "50", "--require", "T1003");
        assertThat(gate.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(gate.err()).contains("Enterprise coverage 33.33% (1 of 3) is under --fail-under 50");
        assertThat(run("coverage", "--group", "G0001", "--have", have, "--fail-under", "30", "--require", "T1003")
                .exitCode()).isZero();
        assertThat(run("coverage", "--group", "G0001", "--have", have, "--require", "T1001").exitCode())
                .isEqualTo(ExitCodes.CHECK_FAILED);
    }

    @Test
    void aRevokedGroupIsCountedAsItsReplacementAndTechniquesAndAdversariesDoNotMix() {
        Cli.Run revoked = run("coverage", "--group", "G0004", "--format", "json");
        assertThat(revoked.exitCode()).as(revoked.err()).isZero();
        assertThat(revoked.err()).contains("G0004 Old Alpha is revoked by G0001 Alpha; counting G0001");
        assertThat(revoked.out()).contains("the techniques and sub-techniques G0001 Alpha uses (");

        Cli.Run both = run("coverage", "--group", "G0001", "--techniques", "T1001");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("--techniques and the adversary options");
    }

    @Test
    void scoreDoesNotApplyToAnAdversaryLayer() {
        Cli.Run run = run("export", "layer", "--group", "beta", "--score", "count");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--score does not apply to an adversary layer");
    }

    /** "T1001=2": each technique cell with its score. */
    private static List<String> scores(JsonNode layer) {
        List<String> scores = new ArrayList<>();
        layer.path("techniques").forEach(t -> scores.add(t.path("techniqueID").asText() + "=" + t.path("score").asText()));
        return scores;
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.path("id").asText()));
        return ids;
    }
}
