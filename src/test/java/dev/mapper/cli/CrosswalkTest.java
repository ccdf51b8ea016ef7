package dev.mapper.cli;

import static dev.mapper.testing.MappingFiles.scored;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapper.testing.Cli;
import dev.mapper.testing.MappingFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crosswalk} on small hand-made mapping files, whose overlaps can be counted by eye. */
class CrosswalkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeFiles() throws Exception {
        // vault maps T1528, T1552, T1552.001; in "controls": C-1 maps T1528 and T1552 (shares 2 of 3 ∪ = 3: 2/3),
        // C-2 maps T1552.001 and 3 others (1 / 6), C-3 maps nothing vault maps, C-4 only minimally.
        MappingFiles.file("acme").attack("18.1").add(
                scored("vault", "T1528", "significant"),
                scored("vault", "T1552", "partial"),
                scored("vault", "T1552.001", "significant")).write(dir.resolve("acme.json"));
        MappingFiles.file("controls").attack("18.1").add(
                scored("C-1", "T1528", "significant"),
                scored("C-1", "T1552", "significant"),
                scored("C-2", "T1552.001", "partial"),
                scored("C-2", "T1001", "partial"),
                scored("C-2", "T1002", "partial"),
                scored("C-2", "T1003", "partial"),
                scored("C-3", "T1003", "partial"),
                scored("C-4", "T1528", "minimal")).write(dir.resolve("controls.json"));
    }

    /** What every run of this class names first: its data and the command. */
    private static List<String> first() {
        return List.of("--no-bundled", "--data", dir.toString(), "crosswalk");
    }

    private static Cli.Run run(String... args) {
        return Cli.run(first(), args);
    }

    private static JsonNode json(String... args) {
        return Cli.json(first(), args);
    }

    @Test
    void sharedTechniquesAndJaccardBestFirst() throws Exception {
        JsonNode doc = json("vault", "--to", "controls");

        assertThat(doc.path("derived").asText()).contains("not an official crosswalk");
        assertThat(doc.path("techniques").findValuesAsText("id")).containsExactly("T1528", "T1552", "T1552.001");
        assertThat(doc.path("total").asInt()).isEqualTo(3);
        JsonNode items = doc.path("items");
        assertThat(items.findValuesAsText("capability_id")).containsExactly("C-1", "C-4", "C-2");
        assertThat(items.get(0).path("jaccard").asDouble()).isEqualTo(0.6667);
        assertThat(items.get(0).path("shared").asInt()).isEqualTo(2);
        assertThat(items.get(1).path("jaccard").asDouble()).isEqualTo(0.3333);
        assertThat(items.get(2).path("jaccard").asDouble()).isEqualTo(0.1667);
        assertThat(items.get(2).path("technique_count").asInt()).isEqualTo(4);
        assertThat(items.get(2).path("shared_techniques").get(0).asText()).isEqualTo("T1552.001");
    }

    @Test
    void filtersApplyToBothSidesAndLimitKeepsTheTotal() throws Exception {
        JsonNode strong = json("vault", "--to", "controls", "--min-score", "significant");
        assertThat(strong.path("techniques").findValuesAsText("id")).containsExactly("T1528", "T1552.001");
        assertThat(strong.path("items").findValuesAsText("capability_id")).containsExactly("C-1");

        JsonNode limited = json("vault", "--to", "controls", "--limit", "1");
        assertThat(limited.path("items")).hasSize(1);
        assertThat(limited.path("total").asInt()).isEqualTo(3);
        assertThat(run("vault", "--to", "controls", "--limit", "1").out()).contains("1 capability of 3 (--limit N for more)");
    }

    @Test
    void theTableSaysItIsDerived() {
        Cli.Run run = run("vault", "--to", "controls");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("vault → controls", "not an official crosswalk", "Techniques  3: T1528")
                .containsPattern("C-1\\s+2\\s+2\\s+0\\.667");
    }

    @Test
    void anUnknownTargetFrameworkOrCapabilityIsNotFoundAndToIsRequired() {
        Cli.Run framework = run("vault", "--to", "contrls");
        assertThat(framework.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(framework.err()).contains("unknown framework 'contrls'; did you mean controls");

        Cli.Run capability = run("valt", "--to", "controls");
        assertThat(capability.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(capability.err()).contains("unknown capability valt");

        Cli.Run missing = run("vault");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("--to");
    }

    @Test
    void everyFormatWritesIt() {
        for (String format : List.of("table", "json", "jsonl", "csv", "tsv", "markdown", "yaml")) {
            Cli.Run run = run("vault", "--to", "controls", "--format", format);
            assertThat(run.exitCode()).as(format + ": " + run.err()).isZero();
            assertThat(run.out()).as(format).contains("C-1");
        }
        assertThat(run("vault", "--to", "controls", "--format", "csv").out().lines()).hasSize(4);
    }

    @Test
    void theBundledDataCrosswalksAwsToVeris() throws Exception {
        Cli.Run run = Cli.run("crosswalk", "aws_secrets_manager", "--to", "veris", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode items = JSON.readTree(run.out()).path("items");
        assertThat(items).isNotEmpty();
        items.forEach(item -> assertThat(item.path("shared_techniques").get(0).asText()).isEqualTo("T1528"));
    }
}
