package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code show} opens with a line per framework; --brief stops there; the table's description is cut to --full. */
class ShowSummaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SCORES = List.of("minimal", "partial", "significant");

    @Test
    void theSummaryComesFirstWithALinePerFramework() {
        String out = Cli.run("show", "T1528").out();

        assertThat(out).contains("Mappings  3 mappings from 2 frameworks\n"
                + "  aws    2  strongest partial · protect\n"
                + "  veris  1  related-to\n");
        assertThat(out.indexOf("Mappings  3")).as("before the description")
                .isLessThan(out.indexOf("Adversaries can steal"));
        assertThat(out.indexOf("Adversaries can steal")).as("before the details")
                .isLessThan(out.indexOf("aws_secrets_manager"));
    }

    @Test
    void theTableShowsTheFirstParagraphAndFullShowsAll() {
        String out = Cli.run("show", "T1528").out();
        assertThat(out).contains("Adversaries can steal application access tokens")
                .contains("(5 more paragraphs: --full shows them)")
                .doesNotContain("Application access tokens are used to make authorized API requests");

        String full = Cli.run("show", "T1528", "--full").out();
        assertThat(full).contains("Application access tokens are used to make authorized API requests")
                .doesNotContain("--full shows them");
    }

    @Test
    void briefIsTheHeaderAndTheSummaryOnly() {
        Cli.Run run = Cli.run("show", "T1528", "--brief");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("T1528  Steal Application Access Token", "Tactics", "aws    2  strongest partial")
                .doesNotContain("Adversaries can steal", "aws_secrets_manager", "This control may");
        assertThat(run.out().strip()).endsWith("veris  1  related-to");

        String markdown = Cli.run("show", "T1528", "--brief", "-f", "markdown").out();
        assertThat(markdown).contains("## Summary", "| aws | 2 | partial | protect |").doesNotContain("## Mappings");

        Cli.Run both = Cli.run("show", "T1528", "--brief", "--full");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("--brief and --full exclude each other");
    }

    @Test
    void jsonSummaryMatchesTheBundledMappingFilesReadByHand() throws Exception {
        JsonNode summary = JSON.readTree(Cli.run("show", "T1528", "--brief", "-f", "json").out()).path("summary");

        Map<String, JsonNode> byFramework = new LinkedHashMap<>();
        summary.forEach(row -> byFramework.put(row.path("mapping_framework").asText(), row));
        try (Stream<Path> files = Files.list(Path.of("data/mappings"))) {
            for (Path file : files.toList()) {
                JsonNode doc = JSON.readTree(file.toFile());
                String framework = doc.path("metadata").path("mapping_framework").asText();
                int count = 0;
                int strongest = -1;
                for (JsonNode m : doc.path("mapping_objects")) {
                    if (m.path("attack_object_id").asText().equals("T1528")) {
                        count++;
                        strongest = Math.max(strongest, SCORES.indexOf(m.path("score_value").asText()));
                    }
                }
                JsonNode row = byFramework.get(framework);
                assertThat(row.path("mapping_count").asInt()).as(framework).isEqualTo(count);
                assertThat(row.path("strongest_score").isNull() ? -1 : SCORES.indexOf(row.path("strongest_score").asText()))
                        .as(framework).isEqualTo(strongest);
            }
        }
        assertThat(byFramework.get("veris").path("mapping_types").get(0).asText()).isEqualTo("related_to");
        assertThat(byFramework.get("aws").path("score_categories").get(0).asText()).isEqualTo("protect");
    }

    @Test
    void onTheCorpusEachFrameworksLineAgreesWithItsMappings() throws Exception {
        Path corpus = Corpus.root();
        JsonNode doc = JSON.readTree(Cli.run("--data", corpus.toString(), "show", "T1078", "-f", "json").out());

        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> strongest = new HashMap<>();
        for (JsonNode m : doc.path("mappings")) {
            String framework = m.path("mapping_framework").asText();
            counts.merge(framework, 1, Integer::sum);
            strongest.merge(framework, SCORES.indexOf(m.path("score_value").asText()), Math::max);
        }
        assertThat(doc.path("summary").size()).isEqualTo(counts.size()).isGreaterThan(3);
        for (JsonNode row : doc.path("summary")) {
            String framework = row.path("mapping_framework").asText();
            assertThat(row.path("mapping_count").asInt()).as(framework).isEqualTo(counts.get(framework));
            assertThat(row.path("strongest_score").isNull() ? -1 : SCORES.indexOf(row.path("strongest_score").asText()))
                    .as(framework).isEqualTo(strongest.get(framework));
        }
    }
}
