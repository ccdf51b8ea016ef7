package dev.mapper.cli;

import static dev.mapper.testing.MappingFiles.mappingOfT1528;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapper.model.Technique;
import dev.mapper.testing.AttackBundle;
import dev.mapper.testing.Cli;
import dev.mapper.testing.MappingFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code show} of several IDs in one run: from the command line, stdin, or free text; each reported on its own. */
class ShowManyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static String data;

    /** Three techniques (one a sub-technique); mappings to T1528 (two) and T1078.004 (one). */
    @BeforeAll
    static void fixture() throws Exception {
        AttackBundle.of("enterprise", "16.1")
                .credentialAccess()
                .technique("T1528", "Steal Application Access Token")
                .technique("T1078", "Valid Accounts")
                .technique("T1078.004", "Cloud Accounts")
                .technique("T1190", "Exploit Public-Facing Application")
                .write(dir.resolve("attack.json"));
        MappingFiles.file("test").add(mappingOfT1528("cap_a"), mappingOfT1528("cap_b"),
                MappingFiles.mapping("cap_c", "T1078.004").name("Cloud Accounts")).write(dir.resolve("mappings.json"));
        data = dir.toString();
    }

    private static Cli.Run show(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--no-bundled", "--data", data, "show"));
        all.addAll(List.of(args));
        return Cli.runWithInput(stdin, all.toArray(String[]::new));
    }

    private static List<String> ids(JsonNode doc) {
        List<String> ids = new ArrayList<>();
        doc.path("reports").forEach(r -> ids.add(r.path("technique").path("id").asText()));
        return ids;
    }

    @Test
    void severalIdsAreOneJsonDocumentWithAnArrayInTheOrderGiven() throws Exception {
        Cli.Run run = show("", "T1528", "t1078", "T1190", "T1528", "-f", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = JSON.readTree(run.out());
        assertThat(doc.path("schema_version").asInt()).isEqualTo(1);
        assertThat(ids(doc)).as("each once, in the order given").containsExactly("T1528", "T1078", "T1190");
        assertThat(doc.path("reports").get(0).path("mappings")).hasSize(2);
        assertThat(doc.path("reports").get(1).path("mappings")).as("T1078's sub-technique's").hasSize(1);
        assertThat(doc.path("reports").get(2).path("mappings")).isEmpty();
        assertThat(doc.path("reports").get(0).has("schema_version")).isFalse();
        assertThat(doc.path("not_found")).isEmpty();
    }

    @Test
    void oneIdKeepsTheDocumentItAlwaysHad() throws Exception {
        JsonNode doc = JSON.readTree(show("", "T1528", "-f", "json").out());

        assertThat(doc.path("technique").path("id").asText()).isEqualTo("T1528");
        assertThat(doc.has("reports")).isFalse();
    }

    @Test
    void dashReadsOneIdALineSkippingBlankLinesAndComments() throws Exception {
        Cli.Run run = show("# from the report\nT1190\n\n  t1528  # the token one\r\nT1190\n", "-", "-f", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ids(JSON.readTree(run.out()))).containsExactly("T1190", "T1528");
    }

    @Test
    void extractIdsFindsEveryTechniqueIdInFreeText() throws Exception {
        String report = "The actor used T1078.004 (cloud accounts), then https://attack.mitre.org/techniques/T1528/ "
                + "and T1190; not T15280, nor T1078.0041, nor XT1190. Again: T1528.";
        Cli.Run run = show(report, "--extract-ids", "-", "-f", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ids(JSON.readTree(run.out()))).containsExactly("T1078.004", "T1528", "T1190");
        assertThat(Technique.idsIn("see techniques/T1078/004/ and T1078")).containsExactly("T1078.004", "T1078");
        assertThat(ids(JSON.readTree(show("", "--extract-ids", "seen: T1190, T1528", "-f", "json").out())))
                .as("from the arguments too").containsExactly("T1190", "T1528");
    }

    @Test
    void anUnknownIdIsSaidOnStderrAndTheOthersAreStillShown() throws Exception {
        Cli.Run run = show("", "T1528", "T9999", "T1190", "-f", "json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.err().lines()).singleElement().asString().startsWith("mapper: unknown technique T9999");
        JsonNode doc = JSON.readTree(run.out());
        assertThat(ids(doc)).containsExactly("T1528", "T1190");
        assertThat(doc.path("not_found").get(0).asText()).isEqualTo("T9999");
    }

    @Test
    void tableHasOneSectionPerIdAndJsonlOneTechniqueALine() throws Exception {
        Cli.Run table = show("", "T1528", "T1190");
        assertThat(table.out()).contains("T1528  Steal Application Access Token",
                "T1190  Exploit Public-Facing Application", "─".repeat(40));
        assertThat(table.out().indexOf("T1528  Steal")).isLessThan(table.out().indexOf("T1190  Exploit"));

        String[] lines = show("", "T1528", "T1078", "T1190", "-f", "jsonl").out().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines[1]).path("technique").path("id").asText()).isEqualTo("T1078");

        String csv = show("", "T1528", "T1078", "-f", "csv").out();
        assertThat(csv.split("\r\n")).as("a header and a row per mapping of every technique").hasSize(1 + 3);
    }

    /**
     * Past the first {@code ParallelSections.FIRST_ALONE} answers a list is made on two threads: every answer of a
     * long list is still the document its ID has alone, in the order asked, and the whole is pretty-printed as one
     * document (Jackson's own printing of the same tree gives the same text).
     */
    @Test
    void aLongListIsTheDocumentsOfItsIdsInOrder(@TempDir Path many) throws Exception {
        AttackBundle bundle = AttackBundle.of("enterprise", "16.1").credentialAccess();
        List<String> asked = new ArrayList<>();
        MappingFiles.File mappings = MappingFiles.file("test");
        for (int i = 0; i < 60; i++) {
            String parent = "T" + (1500 + i);
            String sub = parent + ".001";
            bundle.technique(parent, "Technique " + i).technique(sub, "Sub-technique " + i);
            asked.add(parent);
            asked.add(sub);
            mappings.add(MappingFiles.scored("cap_" + i, parent, "partial"),
                    MappingFiles.scored("cap_" + i, sub, i % 2 == 0 ? "minimal" : null));
        }
        bundle.write(many.resolve("attack.json"));
        mappings.write(many.resolve("mappings.json"));
        String[] base = {"--no-bundled", "--data", many.toString(), "show"};

        Cli.Run run = Cli.runWithInput(String.join("\n", asked), concat(base, "-", "-f", "json"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = JSON.readTree(run.out());
        assertThat(ids(doc)).containsExactlyElementsOf(asked);
        for (int i = 0; i < asked.size(); i++) {
            ObjectNode alone = (ObjectNode) JSON.readTree(Cli.run(concat(base, asked.get(i), "-f", "json")).out());
            alone.remove("schema_version");
            assertThat(doc.path("reports").get(i)).as(asked.get(i)).isEqualTo(alone);
        }
        assertThat(doc.path("reports").get(100).path("mappings")).as("T1550 with its sub-technique's").hasSize(2);
        assertThat(run.out()).isEqualTo(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n");
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void noIdsOnStdinIsAUsageError() {
        Cli.Run run = show("# nothing\n\n", "-");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no IDs or names on stdin");
        assertThat(show("no IDs here", "--extract-ids", "-").err()).contains("no technique IDs");
    }
}
