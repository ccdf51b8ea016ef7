package dev.mapper.cli;

import static dev.mapper.testing.MappingFiles.scored;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapper.testing.AttackBundle;
import dev.mapper.testing.Cli;
import dev.mapper.testing.MappingFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group ATT&CK lists in two domains (as APT38 is in Enterprise and ICS): each domain's bundle holds the group and
 * its uses of that domain's techniques. mapper joins them, and measures each domain against its own release.
 */
class AdversaryDomainsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeData() throws Exception {
        AttackBundle.of("enterprise", "18.1")
                .credentialAccess()
                .technique("T1528", "Steal Application Access Token")
                .group("G0001", "Alpha")
                .uses("G0001", "T1528", "In the enterprise.")
                .write(dir.resolve("attack/enterprise-attack-18.1.json"));
        AttackBundle.of("ics", "18.1")
                .credentialAccess()
                .technique("T0819", "Exploit Public-Facing Application")
                .technique("T0866", "Exploitation of Remote Services")
                .group("G0001", "Alpha")
                .uses("G0001", "T0819", "In the plant.").uses("G0001", "T0866", "Again in the plant.")
                .write(dir.resolve("attack/ics-attack-18.1.json"));
        MappingFiles.file("acme").attack("18.1").add(scored("vault", "T1528", "partial"))
                .write(dir.resolve("acme.json"));
        MappingFiles.file("plant").attack("18.1").domain("ics").add(scored("fence", "T0819", "significant"))
                .write(dir.resolve("plant.json"));
    }

    /** What every run of this class names first: its data. */
    private static List<String> first() {
        return List.of("--no-bundled", "--data", dir.toString());
    }

    private static JsonNode json(String... args) {
        return Cli.json(first(), args);
    }

    @Test
    void aGroupOfTwoDomainsUsesTheTechniquesOfBoth() throws Exception {
        JsonNode doc = json("show", "G0001");

        List<String> ids = new ArrayList<>();
        doc.path("techniques").forEach(t -> ids.add(t.path("id").asText()));
        assertThat(ids).containsExactly("T0819", "T0866", "T1528");
        assertThat(doc.path("frameworks").toString()).contains("\"mapping_framework\":\"acme\",\"covered\":1,\"total\":3")
                .contains("\"mapping_framework\":\"plant\",\"covered\":1,\"total\":3");
    }

    @Test
    void itsCoverageIsMeasuredPerDomain() throws Exception {
        JsonNode doc = json("coverage", "--group", "alpha");

        assertThat(doc.path("domains").findValuesAsText("domain")).containsExactly("enterprise", "ics");
        assertThat(doc.path("domains").get(0).path("covered").asInt()).isEqualTo(1);
        assertThat(doc.path("domains").get(0).path("total").asInt()).isEqualTo(1);
        assertThat(doc.path("domains").get(1).path("covered").asInt()).isEqualTo(1);
        assertThat(doc.path("domains").get(1).path("total").asInt()).isEqualTo(2);
    }

    @Test
    void aLayerOfItsTechniquesIsOfTheDomainChosenAndHoldsOnlyThatDomainsTechniques() throws Exception {
        Cli.Run both = Cli.run(first(), "export", "layer", "--group", "alpha");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("a layer shows one ATT&CK domain but the adversaries' techniques span "
                + "enterprise, ics; choose one with --domain");

        Cli.Run ics = Cli.run(first(), "export", "layer", "--group", "alpha", "--domain", "ics");

        assertThat(ics.exitCode()).as(ics.err()).isZero();
        assertThat(ics.err()).isEmpty();
        JsonNode layer = JSON.readTree(ics.out());
        assertThat(layer.path("domain").asText()).isEqualTo("ics-attack");
        assertThat(layer.path("techniques").findValuesAsText("techniqueID")).containsExactly("T0819", "T0866");
        List<String> shown = new ArrayList<>();
        json("show", "G0001", "--domain", "ics").path("techniques").forEach(t -> shown.add(t.path("id").asText()));
        assertThat(shown).containsExactly("T0819", "T0866");
    }

    @Test
    void aLayerWithNoMappingSelectedIsOfTheDomainAskedFor() throws Exception {
        Cli.Run run = Cli.run(first(), "export", "layer", "--framework", "acme", "--domain", "ics");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode layer = JSON.readTree(run.out());
        assertThat(layer.path("domain").asText()).isEqualTo("ics-attack");
        assertThat(layer.path("techniques")).isEmpty();
    }
}
