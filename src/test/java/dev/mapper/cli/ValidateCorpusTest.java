package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Corpus;
import dev.mapper.testing.SampleReleases;
import dev.mapper.testing.TextPosition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} over the real corpus, and over copies of an official file broken here: each break is reported
 * at the position a plain text search finds. Expected counts come from plain Jackson tree walks.
 */
class ValidateCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Cli.Run corpus;
    private static JsonNode findings;

    @TempDir
    Path dir;

    @BeforeAll
    static void validateTheCorpus() throws Exception {
        corpus = Cli.run("validate", Corpus.root().toString(), "--format", "json");
        findings = JSON.readTree(corpus.out()).path("findings");
    }

    private static List<JsonNode> withRule(String rule) {
        List<JsonNode> found = new ArrayList<>();
        findings.forEach(f -> {
            if (f.path("rule").asText().equals(rule)) {
                found.add(f);
            }
        });
        return found;
    }

    @Test
    void theOnlyErrorInTheCorpusIsAMobileTechniqueInAnEnterpriseFile() throws Exception {
        assertThat(corpus.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        List<JsonNode> errors = new ArrayList<>();
        findings.forEach(f -> {
            if (f.path("severity").asText().equals("error")) {
                errors.add(f);
            }
        });
        assertThat(errors).hasSize(1);
        JsonNode error = errors.get(0);
        Path nist = Corpus.mappings().resolve("nist_800_53/nist_800_53-rev5_attack-16.1-enterprise.json");
        assertThat(error.path("file").asText()).isEqualTo(nist.toString());
        assertThat(error.path("rule").asText()).isEqualTo("unknown-technique");
        assertThat(error.path("message").asText()).startsWith("T1521.003 is not a technique");
        assertThat(error.path("line").asInt() + ":" + error.path("column").asInt())
                .isEqualTo(TextPosition.of(Files.readString(nist), "\"T1521.003\""));
        assertThat(Corpus.activeTechniques()).doesNotContainKey("T1521.003");
        assertThat(corpus.err()).as("the published JSON Schema is not data, and not worth a note")
                .doesNotContain("mapex-unified-data-schema.json");
    }

    @Test
    void theMobileTechniqueIsTheSameErrorOnceAMobileReleaseIsLoaded() throws Exception {
        Path nist = Corpus.mappings().resolve("nist_800_53/nist_800_53-rev5_attack-16.1-enterprise.json");
        Path mobile = dir.resolve("mobile-attack-13.0.json");
        SampleReleases.mobile().write(mobile);

        Cli.Run run = Cli.run("validate", nist.toString(), Corpus.attack().toString(), mobile.toString(), "--format",
                "json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        List<JsonNode> errors = new ArrayList<>();
        JSON.readTree(run.out()).path("findings").forEach(f -> {
            if (f.path("severity").asText().equals("error")) {
                errors.add(f);
            }
        });
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("rule").asText()).isEqualTo("technique-domain");
        assertThat(errors.get(0).path("message").asText()).isEqualTo("T1521.003 is an ATT&CK Mobile technique (SSL "
                + "Pinning), but the file's technology_domain is enterprise");
        assertThat(errors.get(0).path("line").asInt() + ":" + errors.get(0).path("column").asInt())
                .isEqualTo(TextPosition.of(Files.readString(nist), "\"T1521.003\""));
        assertThat(run.err()).contains("mapper: note: files made against ATT&CK 16.1 were checked against "
                + "Enterprise 18.1, the newest loaded of their domain");
    }

    @Test
    void exactDuplicatesMatchAnIndependentCount() {
        long expected = 0;
        for (Path file : Corpus.mappingFiles()) {
            Set<JsonNode> seen = new HashSet<>();
            for (JsonNode m : Corpus.tree(file).path("mapping_objects")) {
                if (!seen.add(m)) {
                    expected++;
                }
            }
        }
        assertThat(withRule("duplicate-mapping")).hasSize((int) expected).hasSize(100);
    }

    @Test
    void theRepeatedKeyOfTheOfficialNistFileIsAWarning() {
        List<JsonNode> repeated = withRule("duplicate-key");
        assertThat(repeated).hasSize(1);
        assertThat(repeated.get(0).path("file").asText()).endsWith("nist_800_53-rev4_attack-14.1-enterprise.json");
        assertThat(repeated.get(0).path("severity").asText()).isEqualTo("warning");
        assertThat(repeated.get(0).path("message").asText())
                .isEqualTo("duplicate field \"capability_group\" with the same value in the same mapping object");
    }

    @Test
    void revokedIdsAreWarningsNamingTheReplacement() {
        List<JsonNode> revoked = withRule("revoked-technique");
        assertThat(revoked).isNotEmpty();
        assertThat(revoked).allSatisfy(f -> assertThat(f.path("severity").asText()).isEqualTo("warning"));
        assertThat(revoked).anySatisfy(f -> assertThat(f.path("message").asText())
                .matches("T\\d{4}(\\.\\d{3})? is revoked in ATT&CK Enterprise 18\\.1; use T\\d{4}(\\.\\d{3})? \\(.+\\)"));
        Set<String> active = Corpus.activeTechniques().keySet();
        assertThat(revoked).allSatisfy(f -> assertThat(active).doesNotContain(f.path("message").asText().split(" ")[0]));
    }

    /** Breaks a copy of the newest AWS file with {@code edit}, validates it against ATT&CK 18.1. */
    private Cli.Run validateBroken(String name, java.util.function.UnaryOperator<String> edit, String[] text)
            throws Exception {
        String original = Files.readString(Corpus.mappings().resolve("aws/aws-12.12.2024_attack-16.1-enterprise.json"));
        text[0] = edit.apply(original);
        assertThat(text[0]).isNotEqualTo(original);
        Path copy = dir.resolve(name);
        Files.writeString(copy, text[0], StandardCharsets.UTF_8);
        return Cli.run("validate", copy.toString(), Corpus.attack().toString(), "--format", "json");
    }

    private static List<String> errors(Cli.Run run) throws Exception {
        List<String> errors = new ArrayList<>();
        JSON.readTree(run.out()).path("findings").forEach(f -> {
            if (f.path("severity").asText().equals("error")) {
                errors.add(f.path("line").asInt() + ":" + f.path("column").asInt() + " " + f.path("rule").asText());
            }
        });
        return errors;
    }

    @Test
    void theUnbrokenCopyHasNoErrors() throws Exception {
        Cli.Run run = validateBroken("aws.json", text -> text + "\n", new String[1]);
        assertThat(errors(run)).isEmpty();
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void aTruncatedFileIsReportedWhereItEnds() throws Exception {
        String[] text = new String[1];
        Cli.Run run = validateBroken("truncated.json", t -> t.substring(0, t.length() / 2), text);
        assertThat(errors(run)).containsExactly(TextPosition.at(text[0], text[0].length()) + " json");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
    }

    @Test
    void aWrongTypeIsReportedAtTheValue() throws Exception {
        String[] text = new String[1];
        Cli.Run run = validateBroken("type.json", t -> t.replaceFirst("\"score_value\": \"minimal\"",
                "\"score_value\": [\"minimal\"]"), text);
        assertThat(errors(run)).containsExactly(TextPosition.of(text[0], "[\"minimal\"]") + " schema");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
    }

    @Test
    void anUndefinedGroupIsReportedAtTheValue() throws Exception {
        String[] text = new String[1];
        Cli.Run run = validateBroken("group.json", t -> t.replaceFirst(
                "(\"capability_group\": )\"aws_[a-z_]+\"", "$1\"no_such_group\""), text);
        assertThat(errors(run)).containsExactly(TextPosition.of(text[0], "\"no_such_group\"")
                + " undefined-capability-group");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
    }

    @Test
    void anUnknownIdIsReportedAtTheValue() throws Exception {
        String[] text = new String[1];
        Cli.Run run = validateBroken("unknown.json", t -> t.replaceFirst("\"T1528\"", "\"T1999\""), text);
        assertThat(errors(run)).containsExactly(TextPosition.of(text[0], "\"T1999\"") + " unknown-technique");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
    }
}
