package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapper.testing.Cli;
import dev.mapper.testing.TextPosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} on small files written here: each schema and consistency rule reported at the position a
 * plain text search finds, in every output format, with the documented exit codes. ATT&CK is the bundled T1528.
 */
class ValidateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A valid file in the unified schema, mapping the bundled technique. */
    static final String CLEAN = """
            {
              "metadata": {
                "mapping_version": "1",
                "attack_version": "16.1",
                "technology_domain": "enterprise",
                "creation_date": "01/31/2025",
                "last_update": "02/01/2025",
                "mapping_framework": "acme",
                "mapping_framework_version": "1.0",
                "author": null,
                "mapping_types": {
                  "protects": { "name": "protects", "description": "Protects against the technique." }
                },
                "capability_groups": { "identity": "Identity" }
              },
              "mapping_objects": [
                {
                  "capability_id": "ACME-1",
                  "capability_description": "Token binding",
                  "capability_group": "identity",
                  "mapping_type": "protects",
                  "attack_object_id": "T1528",
                  "attack_object_name": "Steal Application Access Token",
                  "score_category": "protect",
                  "score_value": "partial",
                  "references": [],
                  "status": "complete"
                }
              ]
            }
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The findings of the text-format output, one "line:col: severity: message [rule]" per line, file cut off. */
    private static List<String> findings(Cli.Run run, Path file) {
        List<String> lines = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            if (line.startsWith(file.toString() + ":")) {
                lines.add(line.substring(file.toString().length() + 1));
            }
        }
        return lines;
    }

    @Test
    void aCleanFilePassesWithExitZero() throws Exception {
        Path file = write("clean.json", CLEAN);

        Cli.Run run = Cli.run("validate", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("1 file checked: no problems\n");
    }

    @Test
    void schemaRulesAreReportedAtTheOffendingValue() throws Exception {
        String text = CLEAN
                .replace("\"01/31/2025\"", "\"2025-01-31\"")
                .replace("\"enterprise\"", "\"Enterprise\"")
                .replace("\"mapping_version\": \"1\",", "")
                .replace("\"score_value\": \"partial\"", "\"score_value\": \"Partial\", \"score\": 3")
                .replace("\"status\": \"complete\"", "\"status\": null")
                .replace("\"capability_id\": \"ACME-1\"", "\"capability_id\": 42");
        Path file = write("schema.json", text);

        Cli.Run run = Cli.run("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(run.err()).contains("validation failed: 7 error(s), 0 warning(s)");
        assertThat(findings(run, file)).containsExactly(
                TextPosition.at(text, text.indexOf("\"metadata\": {") + "\"metadata\": ".length())
                        + ": error: metadata is missing \"mapping_version\" [schema]",
                TextPosition.of(text, "\"Enterprise\"")
                        + ": error: metadata \"technology_domain\" should be one of enterprise, ics, mobile, found \"Enterprise\" [schema]",
                TextPosition.of(text, "\"2025-01-31\"")
                        + ": error: metadata \"creation_date\" should be a date written MM/DD/YYYY, found \"2025-01-31\" [schema]",
                TextPosition.of(text, "42")
                        + ": error: \"capability_id\" should be a string or null, found a number [schema]",
                TextPosition.of(text, "\"Partial\"")
                        + ": error: \"score_value\" should be one of minimal, partial, significant, found \"Partial\" [schema]",
                TextPosition.of(text, "\"score\"")
                        + ": error: unexpected field \"score\" in a mapping object [schema]",
                TextPosition.of(text, "null\n")
                        + ": error: \"status\" should be a string, found null [schema]");
    }

    @Test
    void consistencyRulesAreReportedWhereTheValueStands() throws Exception {
        String text = CLEAN
                .replace("\"capability_groups\": { \"identity\": \"Identity\" }",
                        "\"capability_groups\": { \"identity\": \"Identity\", \"network\": \"Network\" }")
                .replace("\"capability_group\": \"identity\"", "\"capability_group\": \"idenity\"")
                .replace("\"mapping_type\": \"protects\",", "\"mapping_type\": \"protects\", \"mapping_type\": \"protects\",")
                .replace("\"attack_object_name\": \"Steal Application Access Token\"",
                        "\"attack_object_name\": \"Steal Token\"");
        String second = text.substring(text.indexOf("    {\n      \"capability_id\""), text.lastIndexOf("}\n  ]") + 1)
                .replace("\"T1528\"", "\"t1528\"");
        text = text.replace("\n  ]", ",\n" + second + ",\n" + second + "\n  ]");
        Path file = write("consistency.json", text);

        Cli.Run run = Cli.run("validate", file.toString(), "--format", "json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        JsonNode doc = JSON.readTree(run.out());
        List<String> found = new ArrayList<>();
        doc.path("findings").forEach(f -> found.add(f.path("line").asInt() + ":" + f.path("column").asInt() + " "
                + f.path("severity").asText() + " " + f.path("rule").asText()));
        assertThat(found).containsExactly(
                TextPosition.of(text, "\"identity\"") + " warning unused-capability-group",
                TextPosition.of(text, "\"network\"") + " warning unused-capability-group",
                TextPosition.of(text, "\"idenity\"", 1) + " error undefined-capability-group",
                TextPosition.of(text, "\"mapping_type\"", 2) + " warning duplicate-key",
                TextPosition.of(text, "\"Steal Token\"", 1) + " warning technique-name",
                TextPosition.of(text, "\"idenity\"", 2) + " error undefined-capability-group",
                TextPosition.of(text, "\"mapping_type\"", 4) + " warning duplicate-key",
                TextPosition.of(text, "\"t1528\"", 1) + " error attack-id-syntax",
                TextPosition.of(text, "{\n      \"capability_id\"", 3) + " warning duplicate-mapping",
                TextPosition.of(text, "\"idenity\"", 3) + " error undefined-capability-group",
                TextPosition.of(text, "\"mapping_type\"", 6) + " warning duplicate-key",
                TextPosition.of(text, "\"t1528\"", 2) + " error attack-id-syntax");
        assertThat(doc.path("errors").asInt()).isEqualTo(5);
        assertThat(doc.path("warnings").asInt()).isEqualTo(7);
        assertThat(doc.path("files").asInt()).isEqualTo(1);
    }

    @Test
    void aRepeatedKeyWithAnotherValueIsAnError() throws Exception {
        String text = CLEAN.replace("\"score_category\": \"protect\",",
                "\"score_category\": \"protect\", \"score_category\": \"detect\",");
        Path file = write("conflict.json", text);

        Cli.Run run = Cli.run("validate", file.toString());

        assertThat(findings(run, file)).containsExactly(TextPosition.of(text, "\"score_category\"", 2)
                + ": error: duplicate field \"score_category\" with a different value in the same mapping object [schema]");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
    }

    @Test
    void warningsFailOnlyWithStrict() throws Exception {
        Path file = write("warn.json", CLEAN.replace("\"Steal Application Access Token\"", "\"Old Name\""));

        assertThat(Cli.run("validate", file.toString()).exitCode()).isZero();
        Cli.Run strict = Cli.run("validate", "--strict", file.toString());
        assertThat(strict.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(strict.err()).contains("0 error(s), 1 warning(s) (--strict)");
    }

    @Test
    void githubFormatWritesOneAnnotationPerFinding() throws Exception {
        String text = CLEAN.replace("\"T1528\"", "\"T15280\"");
        Path file = write("gh,1.json", text);

        Cli.Run run = Cli.run("validate", file.toString(), "--format", "github");

        String[] lineCol = TextPosition.of(text, "\"T15280\"").split(":");
        assertThat(run.out()).isEqualTo("::error file=" + file.toString().replace(",", "%2C") + ",line=" + lineCol[0]
                + ",col=" + lineCol[1] + ",title=mapper attack-id-syntax::attack_object_id \"T15280\" is not an "
                + "ATT&CK technique ID (T and 4 digits, optionally . and 3 digits: T1078, T1078.004)\n");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
    }

    @Test
    void sarifFormatHoldsEveryFindingWithItsRegion() throws Exception {
        String text = CLEAN.replace("\"identity\",", "\"nowhere\",");
        Path file = write("sarif.json", text);

        Cli.Run run = Cli.run("validate", file.toString(), "--format", "sarif");

        JsonNode sarif = JSON.readTree(run.out());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        JsonNode results = sarif.path("runs").path(0).path("results");
        assertThat(results).hasSize(2);
        JsonNode undefined = results.get(1);
        assertThat(undefined.path("ruleId").asText()).isEqualTo("undefined-capability-group");
        assertThat(undefined.path("level").asText()).isEqualTo("error");
        JsonNode region = undefined.path("locations").path(0).path("physicalLocation").path("region");
        assertThat(region.path("startLine").asInt() + ":" + region.path("startColumn").asInt())
                .isEqualTo(TextPosition.of(text, "\"nowhere\""));
        assertThat(results.get(0).path("ruleId").asText()).isEqualTo("unused-capability-group");
        assertThat(sarif.path("runs").path(0).path("tool").path("driver").path("rules").findValuesAsText("id"))
                .containsExactly("undefined-capability-group", "unused-capability-group");
    }

    @Test
    void directoriesAreSearchedAndOtherJsonIsSkippedWithANote() throws Exception {
        write("clean.json", CLEAN);
        write("package.json", "{\"name\": \"not mappings\"}");

        Cli.Run run = Cli.run("validate", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("1 file checked: no problems\n");
        assertThat(run.err()).contains("package.json: not an ATT&CK STIX bundle or a Mappings Explorer mapping file",
                "(skipped)");
    }

    @Test
    void aFileReachedTwiceIsCheckedOnce() throws Exception {
        String text = CLEAN.replace("\"T1528\"", "\"T15280\"");
        Path file = write("twice.json", text);

        Cli.Run run = Cli.run("validate", file.toString(), dir.toString(), file.toString(), "--format", "json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        JsonNode doc = JSON.readTree(run.out());
        assertThat(doc.path("findings").findValuesAsText("rule")).containsExactly("attack-id-syntax");
        assertThat(doc.path("errors").asInt()).isEqualTo(1);
        assertThat(doc.path("files").asInt()).isEqualTo(1);
    }

    @Test
    void aFileNamedDirectlyMustBeDataAndMustExist() throws Exception {
        Path other = write("package.json", "{\"name\": \"not mappings\"}");

        Cli.Run notData = Cli.run("validate", other.toString());
        assertThat(notData.out()).startsWith(other + ": error: not an ATT&CK STIX bundle");
        assertThat(notData.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);

        Cli.Run missing = Cli.run("validate", dir.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_DATA);
        assertThat(missing.err()).contains("nope.json: no such file or directory");
        assertThat(Cli.run("validate").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void findingsFormatsAreRefusedForOtherCommands() {
        Cli.Run run = Cli.run("show", "T1528", "--format", "github");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'github' is not a format of 'mapper show' (it is for 'mapper validate')");
        assertThat(run.out()).isEmpty();
    }
}
