package dev.mapper.cli;

import static dev.mapper.testing.MappingFiles.scored;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapper.testing.AttackBundle;
import dev.mapper.testing.Cli;
import dev.mapper.testing.MappingFiles;
import dev.mapper.testing.Parsed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coverage} and {@code matrix} describe what a figure is about, its selection (sets, filters, adversaries)
 * and its scope (the techniques the adversaries use), in the same words, in every format; {@code gap} and the
 * adversary layer name the adversaries as that scope does.
 */
class SelectionWordingTest {

    @TempDir
    static Path dir;

    private static List<String> data;

    @BeforeAll
    static void writeData() throws Exception {
        AttackBundle.of("enterprise", "18.1")
                .credentialAccess()
                .technique("T1528", "Steal Application Access Token")
                .technique("T1003", "OS Credential Dumping")
                .technique("T1003.001", "LSASS Memory")
                .technique("T1552", "Unsecured Credentials")
                .group("G0001", "Alpha")
                .tool("S0001", "Wrench")
                .uses("G0001", "T1528", null).uses("G0001", "T1003.001", null).uses("G0001", "S0001", null)
                .uses("S0001", "T1552", null)
                .write(dir.resolve("attack.json"));
        MappingFiles.file("test").attack("18.1").add(scored("cap_a", "T1528", "significant"),
                scored("cap_b", "T1003.001", "partial"), scored("cap_c", "T1552", "minimal"))
                .write(dir.resolve("test.json"));
        data = List.of("--no-bundled", "--data", dir.toString());
    }

    /** What both commands must say of each selection: its options, and its scope (null: none). */
    private record Expected(List<String> options, String selection, String scope) {
    }

    private static final List<Expected> CASES = List.of(
            new Expected(List.of("--framework", "test", "--min-score", "partial"),
                    "framework test; min score partial", null),
            new Expected(List.of("--group", "G0001", "--include-software", "--framework", "test", "--category",
                    "protect"), "framework test; category protect; group G0001; include software",
                    "the techniques and sub-techniques G0001 Alpha and its software use (3)"),
            new Expected(List.of("--group", "Alpha", "--software", "S0001", "--mapping-type", "technique_scores"),
                    "mapping type technique_scores; group Alpha; software S0001",
                    "the techniques and sub-techniques G0001 Alpha, S0001 Wrench use (3)"));

    private static String run(String command, List<String> options, String format) {
        List<String> args = new ArrayList<>(List.of(command, "--format", format));
        args.addAll(options);
        Cli.Run run = Cli.run(data, args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    /** A table's field, its wrapped lines joined; null when the table has none. */
    private static String tableField(String table, String label) {
        Matcher m = Pattern.compile("(?m)^" + label + " +(.*(?:\\n {12}.*)*)").matcher(table);
        return m.find() ? m.group(1).replaceAll("\\n +", " ") : null;
    }

    /** A Markdown fact ("- **Label**: value") with Markdown's escapes undone; null when there is none. */
    private static String markdownFact(String markdown, String label) {
        Matcher m = Pattern.compile("(?m)^- \\*\\*" + label + "\\*\\*: (.*)$").matcher(markdown);
        return m.find() ? m.group(1).replace("\\", "") : null;
    }

    @Test
    void tableAndMarkdownOfBothCommandsWordTheSelectionAndScopeAlike() {
        for (Expected expected : CASES) {
            for (String command : List.of("coverage", "matrix")) {
                String table = run(command, expected.options(), "table");
                assertThat(tableField(table, "Selection")).as(command + " table " + expected.options())
                        .isEqualTo(expected.selection());
                assertThat(tableField(table, "Scope")).as(command + " table " + expected.options())
                        .isEqualTo(expected.scope());
                String markdown = run(command, expected.options(), "markdown");
                assertThat(markdownFact(markdown, "Selection")).as(command + " markdown " + expected.options())
                        .isEqualTo(expected.selection());
                assertThat(markdownFact(markdown, "Scope")).as(command + " markdown " + expected.options())
                        .isEqualTo(expected.scope());
            }
        }
    }

    @Test
    void theHtmlReportSaysItSoToo() {
        for (Expected expected : CASES) {
            String html = run("matrix", expected.options(), "html");
            assertThat(html).contains("<dt>Selection</dt><dd>" + expected.selection() + "</dd>");
            if (expected.scope() != null) {
                assertThat(html).contains("<dt>Scope</dt><dd>" + expected.scope() + "</dd>");
            }
        }
    }

    @Test
    void bothJsonDocumentsHoldTheSameSelectionAndScope() {
        Expected adversaries = CASES.get(1);
        JsonNode coverage = Cli.json(data, prepend("coverage", adversaries.options()));
        JsonNode matrix = Cli.json(data, prepend("matrix", adversaries.options()));
        assertThat(coverage.path("selection")).isEqualTo(matrix.path("selection"));
        assertThat(coverage.path("selection").path("group").get(0).asText()).isEqualTo("G0001");
        assertThat(coverage.path("selection").path("include_software").isArray()).isTrue();
        assertThat(coverage.path("scope").asText()).isEqualTo(adversaries.scope());
        assertThat(matrix.path("scope").asText()).isEqualTo(adversaries.scope());
        assertThat(Cli.json(data, "coverage").path("selection").isEmpty()).as("nothing selected").isTrue();
    }

    @Test
    void gapAndTheAdversaryLayerNameTheAdversariesAsTheScopeDoes() {
        Expected adversaries = CASES.get(1);
        String users = "G0001 Alpha and its software";
        assertThat(adversaries.scope()).contains(" " + users + " use ");

        assertThat(run("gap", adversaries.options(), "table")).startsWith("Gap  ")
                .contains(" used by " + users + " not covered\n");
        assertThat(markdownFact(run("gap", adversaries.options(), "markdown"), "Adversaries")).isEqualTo(users);
        List<String> layerArgs = new ArrayList<>(List.of("export", "layer"));
        layerArgs.addAll(adversaries.options());
        Cli.Run layer = Cli.run(data, layerArgs.toArray(String[]::new));
        assertThat(layer.exitCode()).as(layer.err()).isZero();
        assertThat(Parsed.json(layer.out()).path("metadata")).anySatisfy(entry -> {
            assertThat(entry.path("name").asText()).isEqualTo("adversaries");
            assertThat(entry.path("value").asText()).isEqualTo(users);
        });
    }

    @Test
    void coverageMarkdownDoesNotNameTheAdversariesAgainAfterItsScope() {
        Expected adversaries = CASES.get(2);
        String markdown = run("coverage", adversaries.options(), "markdown");
        assertThat(markdownFact(markdown, "Scope")).isEqualTo(adversaries.scope());
        assertThat(markdownFact(markdown, "Adversaries")).as(markdown).isNull();
    }

    private static String[] prepend(String command, List<String> options) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(options);
        return args.toArray(String[]::new);
    }
}
