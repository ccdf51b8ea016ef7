package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Parsed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every format of {@code show} on the bundled data: each parses back into the mappings of {@code --format json}. */
class FormatsTest {

    private static List<String> capabilities(JsonNode mappings) {
        return mappings.findValuesAsText("capability_id");
    }

    private static String run(String... args) {
        Cli.Run run = Cli.run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    @Test
    void everyFormatCarriesTheSameMappingsAsJson() {
        JsonNode json = Parsed.json(run("show", "T1528", "-f", "json")).path("mappings");
        assertThat(json).hasSize(3);
        List<String> expected = capabilities(json);

        assertThat(Parsed.jsonLines(run("show", "T1528", "-f", "jsonl")))
                .extracting(m -> m.path("capability_id").asText()).isEqualTo(expected);
        JsonNode yaml = Parsed.yaml(run("show", "T1528", "-f", "yaml"));
        assertThat(yaml.path("schema_version").asInt()).isEqualTo(1);
        assertThat(yaml.path("mappings")).isEqualTo(json);
        for (char separator : new char[] {',', '\t'}) {
            List<Map<String, String>> rows = Parsed.delimited(
                    run("show", "T1528", "-f", separator == ',' ? "csv" : "tsv"), separator);
            assertThat(rows).extracting(r -> r.get("capability_id")).isEqualTo(expected);
            assertThat(rows.get(1)).containsEntry("attack_object_id", "T1528").containsEntry("score_value", "partial")
                    .containsEntry("mapping_framework", "aws").containsEntry("mapping_set", "aws@12/12/2024@16.1")
                    .containsEntry("references", "[]").containsEntry("related_score", "");
        }
        String markdown = run("show", "T1528", "-f", "markdown");
        assertThat(Parsed.markdownRows(markdown)).isEqualTo(3);
        assertThat(markdown).startsWith("# T1528 Steal Application Access Token\n")
                .contains("| T1528 | aws | aws@12/12/2024@16.1 | aws\\_secrets\\_manager | AWS Secrets Manager |");
    }

    @Test
    void csvUsesCrLfAndAHeaderRow() {
        String csv = run("show", "T1528", "-f", "csv");
        assertThat(csv).startsWith("capability_id,capability_description,").endsWith("\r\n");
        assertThat(csv.split("\r\n")).hasSize(4);
    }

    @Test
    void formatNamesAreListedInHelp() {
        assertThat(run("show", "--help")).contains("table, json, jsonl, csv, tsv,", "markdown, yaml", "-o, --output");
    }

    @Test
    void hostileDataIsDefusedInCsvAndNeutralisedInTheTableAndMarkdown(@TempDir Path dir) throws Exception {
        Path file = hostileMappingFile(dir);
        String[] data = {"--no-bundled", "--data", file.toString()};

        List<Map<String, String>> rows = Parsed.delimited(run(concat(data, "show", "T1528", "-f", "csv")), ',');
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("capability_description")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(rows.get(0).get("comments")).isEqualTo("'-2+3 | \"quoted\"\nsecond line \\u001b[31mred");
        assertThat(rows.get(0).get("capability_id")).isEqualTo("'@SUM(A1)");

        String table = run(concat(data, "show", "T1528"));
        assertThat(table).doesNotContain("\u001b").contains("\\u001b[31mred");
        String markdown = run(concat(data, "show", "T1528", "-f", "markdown"));
        assertThat(markdown).doesNotContain("\u001b");
        assertThat(Parsed.markdownRows(markdown)).isEqualTo(1);
        assertThat(markdown.lines().filter(l -> l.startsWith("| T1528")).findFirst().orElseThrow())
                .contains("-2+3 \\| \"quoted\" second line");
    }

    @Test
    void outputFileIsWrittenWholeAndReplacesTheOld(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("t1528.json");
        Files.writeString(target, "old");
        Cli.Run run = Cli.run("show", "T1528", "-f", "json", "-o", target.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(target)).isEqualTo(run("show", "T1528", "-f", "json"));
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(target);
        }
    }

    @Test
    void unwritableOutputFileIsAnOutputError(@TempDir Path dir) {
        Cli.Run run = Cli.run("show", "T1528", "-o", dir.resolve("missing/x.csv").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OUTPUT_ERROR);
        assertThat(run.err()).startsWith("mapper: cannot write").contains("missing");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void tableToAFileIsPlain(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("t.txt");
        assertThat(Cli.run("show", "T1528", "-o", target.toString()).exitCode()).isZero();
        assertThat(Files.readString(target)).contains("T1528  Steal Application Access Token")
                .doesNotContain("\u001b");
    }

    /** The bundled AWS file with one mapping whose text tries formula injection, escapes and Markdown cells. */
    private static Path hostileMappingFile(Path dir) throws Exception {
        ObjectNode tree = (ObjectNode) Parsed.json(Files.readString(Path.of("data/mappings/aws-12.12.2024_attack-16.1-enterprise-T1528.json")));
        ObjectNode first = (ObjectNode) tree.path("mapping_objects").get(0);
        first.put("capability_id", "@SUM(A1)");
        first.put("capability_description", "=HYPERLINK(\"http://x\",\"y\")");
        first.put("comments", "-2+3 | \"quoted\"\nsecond line \u001b[31mred");
        tree.withArray("mapping_objects").removeAll().add(first);
        Path file = dir.resolve("hostile.json");
        Files.writeString(file, tree.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static String[] concat(String[] first, String... rest) {
        return Stream.concat(Stream.of(first), Stream.of(rest)).toArray(String[]::new);
    }
}
