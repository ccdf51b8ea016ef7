package dev.mapper.cli;

import static dev.mapper.testing.MappingFiles.file;
import static dev.mapper.testing.MappingFiles.mapping;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Parsed;
import dev.mapper.testing.SampleReleases;
import dev.mapper.testing.TextPosition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} judges a mapping file's techniques against the release of the file's own domain and ATT&CK
 * version, whatever else is loaded; {@code show} says when a mapping comes from a file of another domain.
 */
class DomainValidationTest {

    @TempDir
    static Path dir;

    static Path enterprise;
    static Path enterprise15;
    static Path enterprise17;
    static Path mobile;
    static Path wrongDomain;
    static Path older;

    @BeforeAll
    static void writeFiles() {
        enterprise = dir.resolve("attack/enterprise-attack-16.1.json");
        SampleReleases.enterprise("16.1").write(enterprise);
        enterprise15 = dir.resolve("attack/enterprise-attack-15.1.json");
        SampleReleases.enterprise("15.1").write(enterprise15);
        enterprise17 = dir.resolve("attack/enterprise-attack-17.0.json");
        SampleReleases.enterprise("17.0").write(enterprise17);
        mobile = dir.resolve("attack/mobile-attack-13.0.json");
        SampleReleases.mobile().write(mobile);
        // An Enterprise file that maps a Mobile technique, and one made against 15.1 mapping what 15.1 lacks.
        wrongDomain = dir.resolve("mappings/cloud.json");
        file("acme_cloud").version("2.0").attack("16.1").add(mapping("C-1", "T1078"), mapping("C-2", "T1406"),
                mapping("C-3", "T1650")).write(wrongDomain);
        older = dir.resolve("mappings/cloud-15.json");
        file("acme_cloud").version("1.0").attack("15.1").add(mapping("C-1", "T1556")).write(older);
    }

    /** "line:column rule" of each error, as {@code validate --format json} reports it. */
    private static List<String> errors(Path file, Path... attack) {
        List<String> args = new ArrayList<>(List.of("validate", file.toString(), "--format", "json"));
        for (Path bundle : attack) {
            args.add(bundle.toString());
        }
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        List<String> found = new ArrayList<>();
        Parsed.json(run.out()).path("findings").forEach(f -> {
            if (f.path("severity").asText().equals("error")) {
                found.add(f.path("line").asInt() + ":" + f.path("column").asInt() + " " + f.path("rule").asText());
            }
        });
        return found;
    }

    @Test
    void anotherDomainsTechniqueIsAnErrorAtItsPositionWhateverElseIsLoaded() throws Exception {
        String text = Files.readString(wrongDomain);
        String t1406 = TextPosition.of(text, "\"T1406\"");
        String t1650 = TextPosition.of(text, "\"T1650\"");

        assertThat(errors(wrongDomain, enterprise)).containsExactly(t1406 + " unknown-technique",
                t1650 + " unknown-technique");
        assertThat(errors(wrongDomain, enterprise, mobile)).containsExactly(t1406 + " technique-domain",
                t1650 + " unknown-technique");
        assertThat(errors(wrongDomain, mobile)).as("no Enterprise release, yet T1406 is known to be Mobile")
                .containsExactly(t1406 + " technique-domain");
        // The file is judged by 16.1, its own release: what 17.0 adds does not make T1650 known.
        assertThat(errors(wrongDomain, enterprise, enterprise17, mobile)).containsExactly(t1406 + " technique-domain",
                t1650 + " unknown-technique");

        Cli.Run run = Cli.run("validate", wrongDomain.toString(), enterprise.toString(), mobile.toString(),
                enterprise17.toString());
        assertThat(run.out()).contains(t1406 + ": error: T1406 is an ATT&CK Mobile technique (Obfuscated Files or "
                + "Information), but the file's technology_domain is enterprise [technique-domain]",
                t1650 + ": error: T1650 is not a technique of ATT&CK Enterprise 16.1 (it is in Enterprise 17.0) "
                        + "[unknown-technique]");
    }

    @Test
    void eachFileIsJudgedByItsOwnAttackVersion() throws Exception {
        String t1556 = TextPosition.of(Files.readString(older), "\"T1556\"");

        assertThat(errors(older, enterprise, enterprise15)).containsExactly(t1556 + " unknown-technique");
        assertThat(errors(older, enterprise)).as("15.1 not loaded: the newest Enterprise release judges").isEmpty();
        Cli.Run run = Cli.run("validate", older.toString(), enterprise.toString());
        assertThat(run.err()).isEqualTo("mapper: note: files made against ATT&CK 15.1 were checked against "
                + "Enterprise 16.1, the newest loaded of their domain (load their own release to check against it)\n");
    }

    @Test
    void showSaysWhenAMappingComesFromAFileOfAnotherDomain() {
        List<String> data = List.of("--data", enterprise.toString(), "--data", mobile.toString(), "--data",
                wrongDomain.toString());
        List<String> table = new ArrayList<>(data);
        table.addAll(List.of("show", "T1406"));
        assertThat(Cli.run(table.toArray(String[]::new)).out())
                .contains("from a file of another domain: Enterprise, but T1406 is ATT&CK Mobile");
        List<String> markdown = new ArrayList<>(table);
        markdown.addAll(List.of("--format", "markdown"));
        assertThat(Cli.run(markdown.toArray(String[]::new)).out())
                .contains("- **Mapped in files of another domain**: acme\\_cloud@2.0@16.1 (Enterprise)");
        List<String> ownDomain = new ArrayList<>(data);
        ownDomain.addAll(List.of("show", "T1078"));
        assertThat(Cli.run(ownDomain.toArray(String[]::new)).out()).doesNotContain("another domain");
        List<String> json = new ArrayList<>(table);
        json.addAll(List.of("--format", "json"));
        JsonNode doc = Parsed.json(Cli.run(json.toArray(String[]::new)).out());
        assertThat(doc.path("technique").path("domain").asText()).isEqualTo("mobile");
        assertThat(doc.path("mappings").findValuesAsText("technology_domain")).containsExactly("enterprise");
    }
}
