package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapper.testing.AttackMatrix;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Corpus;
import dev.mapper.testing.HtmlReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code matrix} on the corpus, against a plain reading of the same files ({@link AttackMatrix}): the AWS matrix's
 * columns, cells, shades and totals; the table at 80 and 200 columns; the whole corpus's HTML report.
 */
class MatrixCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static AttackMatrix attack;
    private static JsonNode aws;

    @BeforeAll
    static void readCorpus() {
        attack = new AttackMatrix(Corpus.tree(Corpus.attack()));
        aws = Corpus.newestPerFramework().stream()
                .filter(f -> f.path("metadata").path("mapping_framework").asText().equals("aws")).findFirst()
                .orElseThrow();
    }

    @Test
    void theAwsMatrixHasEveryActiveTechniqueUnderItsTacticsShadedByItsStrongestMapping() throws Exception {
        Cli.Run run = Cli.run("--data", Corpus.root().toString(), "matrix", "--framework", "aws", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = JSON.readTree(run.out());
        Map<String, AttackMatrix.Folded> folded = attack.fold(aws);

        assertThat(doc.path("score").asText()).isEqualTo("strength");
        assertThat(doc.path("tactics").findValuesAsText("shortname")).containsExactlyElementsOf(attack.tacticShortnames);
        Set<String> all = new TreeSet<>();
        Set<String> covered = new TreeSet<>();
        for (JsonNode tactic : doc.path("tactics")) {
            String shortname = tactic.path("shortname").asText();
            Set<String> expected = attack.parentsByTactic.get(shortname);
            List<JsonNode> cells = new ArrayList<>();
            doc.path("cells").forEach(c -> {
                if (c.path("tactic").asText().equals(shortname)) {
                    cells.add(c);
                }
            });
            assertThat(cells).extracting(c -> c.path("id").asText()).as(shortname)
                    .containsExactlyInAnyOrderElementsOf(expected);
            for (JsonNode cell : cells) {
                String id = cell.path("id").asText();
                AttackMatrix.Folded f = folded.get(id);
                assertThat(cell.path("shade").asText()).as(id).isEqualTo(f == null ? "none" : f.strongest());
                assertThat(cell.path("mapping_count").asInt()).as(id).isEqualTo(f == null ? 0 : f.mappings());
            }
            long coveredHere = expected.stream().filter(folded::containsKey).count();
            assertThat(tactic.path("covered").asLong()).as(shortname).isEqualTo(coveredHere);
            assertThat(tactic.path("total").asInt()).as(shortname).isEqualTo(expected.size());
            all.addAll(expected);
            expected.stream().filter(folded::containsKey).forEach(covered::add);
        }
        assertThat(doc.path("total").asInt()).isEqualTo(all.size());
        assertThat(doc.path("covered").asInt()).isEqualTo(covered.size());

        // What AWS maps that 18.1 does not have active is listed, not lost.
        Set<String> unplaced = new TreeSet<>();
        aws.path("mapping_objects").forEach(m -> {
            String id = m.path("attack_object_id").asText("");
            if (!id.isEmpty() && !m.path("mapping_type").asText("non_mappable").equals("non_mappable")
                    && !attack.active.containsKey(id)) {
                unplaced.add(id);
            }
        });
        assertThat(doc.path("not_in_matrix").findValuesAsText("id")).containsExactlyElementsOf(unplaced);
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 200})
    void theAwsTableFitsTheTerminalAndShowsEveryTechnique(int columns) {
        String[] args = {"--data", Corpus.root().toString(), "matrix", "--framework", "aws", "--color", "never"};
        StringWriter out = new StringWriter();
        Terminal terminal = new Terminal(Map.of("COLUMNS", String.valueOf(columns)), false);
        int code = MapperCommand.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                terminal, args).execute(args);

        assertThat(code).isZero();
        assertThat(out.toString().lines()).allMatch(line -> line.length() <= columns);
        int cells = 0;
        Matcher ids = Pattern.compile("[·•░▒▓█] (T\\d{4})").matcher(out.toString());
        Set<String> shown = new TreeSet<>();
        while (ids.find()) {
            cells++;
            shown.add(ids.group(1));
        }
        assertThat(cells).isEqualTo(attack.parentsByTactic.values().stream().mapToInt(Set::size).sum());
        Set<String> expected = new TreeSet<>();
        attack.parentsByTactic.values().forEach(expected::addAll);
        assertThat(shown).isEqualTo(expected);
    }

    @Test
    void theWholeCorpusHtmlReportIsWithin3MegabytesAndCarriesItsJsonDocument() throws Exception {
        Path file = dir.resolve("all.html");
        // --verbose: data files by their path, as in the JSON (without it the page names them by file name only).
        Cli.Run html = Cli.run("--verbose", "--data", Corpus.root().toString(), "matrix", "--format", "html", "-o",
                file.toString());
        Cli.Run json = Cli.run("--data", Corpus.root().toString(), "matrix", "--format", "json");
        assertThat(html.exitCode()).as(html.err()).isZero();

        assertThat(Files.size(file)).isLessThanOrEqualTo(3L * 1024 * 1024);
        ObjectNode carried = (ObjectNode) HtmlReport.data(Files.readString(file));
        ObjectNode written = (ObjectNode) JSON.readTree(json.out());
        carried.remove("generated"); // the two runs may straddle midnight
        written.remove("generated");
        assertThat(carried).isEqualTo(written);
        assertThat(written.path("mapping_sets")).hasSize(Corpus.newestPerFramework().size());
    }
}
