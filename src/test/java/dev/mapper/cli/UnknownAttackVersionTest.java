package dev.mapper.cli;

import static dev.mapper.testing.MappingFiles.scored;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapper.testing.AttackBundle;
import dev.mapper.testing.Cli;
import dev.mapper.testing.MappingFiles;
import dev.mapper.testing.Parsed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ATT&CK bundle whose version neither it (no {@code x-mitre-collection} object) nor its file name
 * ({@code attack.json}) gives: a person reads that the version is unknown, not "Enterprise unknown", which reads
 * like an unknown domain; the JSON keeps the value {@code unknown}.
 */
class UnknownAttackVersionTest {

    private static final String NAME = "Enterprise (version unknown)";

    @TempDir
    static Path dir;

    private static List<String> data;

    @BeforeAll
    static void writeData() throws Exception {
        ObjectNode bundle = AttackBundle.of("enterprise", "18.1")
                .credentialAccess()
                .technique("T1528", "Steal Application Access Token").tree();
        ArrayNode objects = (ArrayNode) bundle.path("objects");
        for (int i = objects.size() - 1; i >= 0; i--) {
            if (objects.get(i).path("type").asText().equals("x-mitre-collection")) {
                objects.remove(i); // the bundle then names no version of its own, and attack.json gives none
            }
        }
        Files.writeString(dir.resolve("attack.json"), bundle.toPrettyString());
        MappingFiles.file("test").add(scored("cap_x", "T1528", "partial")).write(dir.resolve("test.json"));
        data = List.of("--no-bundled", "--data", dir.toString());
    }

    private static String out(String... args) {
        Cli.Run run = Cli.run(data, args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    @Test
    void everyFormatForAPersonSaysTheVersionIsUnknown() {
        for (String format : List.of("table", "markdown")) {
            assertThat(out("show", "T1528", "-f", format)).as(format).contains(NAME).doesNotContain("Enterprise unknown");
            assertThat(out("coverage", "-f", format)).as(format).contains(NAME).doesNotContain("Enterprise unknown");
            assertThat(out("matrix", "-f", format)).as(format).contains("ATT&CK " + NAME + " matrix")
                    .doesNotContain("Enterprise unknown");
        }
        assertThat(out("matrix", "-f", "html")).contains("<title>ATT&amp;CK " + NAME + " matrix",
                "<dt>ATT&amp;CK data</dt><dd>" + NAME + "</dd>",
                "from ATT&amp;CK® " + NAME + ", © The MITRE Corporation, and").doesNotContain("Enterprise unknown");
    }

    @Test
    void coverageAndValidateSayWhatTheSetsWereMadeAgainstWithoutDoubleBrackets() {
        Cli.Run coverage = Cli.run(data, "coverage");
        // Whether 16.1 is loaded, and whether this release is the newest, cannot be known of a release of unknown
        // version: the note says only that the sets' version cannot be matched.
        assertThat(coverage.err()).contains("mapper: note: test@1@16.1 was made against ATT&CK 16.1; measured "
                + "against " + NAME + ", which cannot be matched to 16.1\n").doesNotContain("loaded");
        assertThat(coverage.out()).contains("ATT&CK      " + NAME + "; the sets were made against 16.1\n")
                .doesNotContain("not loaded")
                .contains("every technique and sub-technique of " + NAME + "\n");

        Cli.Run validate = Cli.run(data, "validate", dir.resolve("test.json").toString());
        assertThat(validate.err()).contains("files made against ATT&CK 16.1 were checked against " + NAME
                + ", which cannot be matched to 16.1 (load their own release to check against it)")
                .doesNotContain("newest");
    }

    @Test
    void jsonKeepsTheValueUnknown() {
        assertThat(Cli.json(data, "show", "T1528").path("technique").path("attack_version").asText())
                .isEqualTo("unknown");
        assertThat(Cli.json(data, "matrix").path("attack").path("version").asText()).isEqualTo("unknown");
        assertThat(Cli.json(data, "coverage").path("attack").get(0).path("version").asText()).isEqualTo("unknown");
    }

    @Test
    void aNavigatorLayerDeclaresNoVersionRatherThanUnknown() {
        JsonNode layer = Parsed.json(out("export", "layer", "--framework", "test"));
        assertThat(layer.path("versions").has("attack")).as(layer.path("versions").toString()).isFalse();
        assertThat(layer.path("versions").path("layer").asText()).isNotEmpty();
    }
}
