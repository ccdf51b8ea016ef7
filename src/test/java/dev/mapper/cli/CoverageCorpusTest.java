package dev.mapper.cli;

import static dev.mapper.testing.MappingFiles.file;
import static dev.mapper.testing.MappingFiles.mapping;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Corpus;
import dev.mapper.testing.SampleReleases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coverage} over the real corpus, alone and beside hand-made Mobile and ICS releases and mappings; expected
 * numbers come from plain Jackson tree walks over the same files.
 */
class CoverageCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, JsonNode> active;
    private static Set<String> awsMapped;
    private static JsonNode aws;

    @BeforeAll
    static void countIndependently() throws Exception {
        active = Corpus.activeTechniques();
        awsMapped = new TreeSet<>();
        JsonNode newestAws = Corpus.tree(Corpus.mappings().resolve("aws/aws-12.12.2024_attack-16.1-enterprise.json"));
        for (JsonNode m : newestAws.path("mapping_objects")) {
            String type = m.path("mapping_type").asText("");
            if (m.hasNonNull("attack_object_id") && !type.isEmpty() && !type.equals("non_mappable")) {
                awsMapped.add(m.path("attack_object_id").asText());
            }
        }
        Cli.Run run = coverage("--framework", "aws", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        aws = JSON.readTree(run.out());
    }

    /** Mobile and ICS bundles and a mapping file of each, written in the published formats. */
    private static List<Path> otherDomains(Path dir) {
        Path mobile = dir.resolve("attack/mobile-attack-13.0.json");
        SampleReleases.mobile().write(mobile);
        Path ics = dir.resolve("attack/ics-attack-15.0.json");
        SampleReleases.ics().write(ics);
        Path mdm = dir.resolve("mappings/mdm.json");
        file("acme_mdm").version("2.3").attack("13.0").domain("mobile")
                .add(mapping("MDM-1", "T1474"), mapping("MDM-2", "T1406.001")).write(mdm);
        Path plant = dir.resolve("mappings/plant.json");
        file("plant_controls").version("1.0").attack("15.0").domain("ics")
                .add(mapping("PC-1", "T0819").type("protects")).write(plant);
        return List.of(mobile, ics, mdm, plant);
    }

    private static JsonNode domain(JsonNode doc, String domain) {
        for (JsonNode node : doc.path("domains")) {
            if (node.path("domain").asText().equals(domain)) {
                return node;
            }
        }
        throw new AssertionError("no " + domain + " in " + doc.path("domains"));
    }

    private static Cli.Run coverage(String... args) {
        List<String> full = new ArrayList<>(List.of("--data", Corpus.attack().toString(),
                "--data", Corpus.mappings().resolve("aws").toString(),
                "--data", Corpus.mappings().resolve("kev").toString(), "coverage"));
        full.addAll(List.of(args));
        return Cli.run(full.toArray(String[]::new));
    }

    @Test
    void awsCoveredAndTotalMatchAnIndependentCount() {
        Set<String> covered = new TreeSet<>(active.keySet());
        covered.retainAll(awsMapped);
        assertThat(aws.path("total").asInt()).isEqualTo(active.size()).isEqualTo(691);
        assertThat(aws.path("covered").asInt()).isEqualTo(covered.size()).isEqualTo(214);
        assertThat(aws.path("percent").asDouble()).isEqualTo(Math.round(214 * 10000.0 / 691) / 100.0);
        List<String> uncovered = new ArrayList<>();
        aws.path("uncovered").forEach(t -> uncovered.add(t.path("id").asText()));
        Set<String> expected = new TreeSet<>(active.keySet());
        expected.removeAll(awsMapped);
        assertThat(uncovered).containsExactlyElementsOf(expected);
        assertThat(aws.path("mapping_sets")).hasSize(1);
        assertThat(aws.path("mapping_sets").get(0).asText()).isEqualTo("aws@12/12/2024@16.1");
    }

    @Test
    void awsCoverageIsTheSameWithMobileAndIcsLoaded(@TempDir Path dir) throws Exception {
        List<String> full = new ArrayList<>(List.of("--data", Corpus.attack().toString(), "--data",
                Corpus.mappings().resolve("aws").toString()));
        otherDomains(dir).forEach(p -> full.addAll(List.of("--data", p.toString())));
        full.addAll(List.of("coverage", "--framework", "aws", "--format", "json"));
        Cli.Run beside = Cli.run(full.toArray(String[]::new));

        assertThat(beside.exitCode()).as(beside.err()).isZero();
        JsonNode doc = JSON.readTree(beside.out());
        assertThat(doc.path("domains")).isEqualTo(aws.path("domains")).hasSize(1);
        assertThat(doc.path("by_tactic")).isEqualTo(aws.path("by_tactic"));
        assertThat(doc.path("uncovered")).isEqualTo(aws.path("uncovered"));
        assertThat(domain(doc, "enterprise").path("total").asInt()).isEqualTo(active.size());
        full.addAll(List.of("--fail-under", "30.9"));
        assertThat(Cli.run(full.toArray(String[]::new)).exitCode()).isZero();
    }

    @Test
    void everyDomainAgreesWithAWalkOfItsOwnFiles(@TempDir Path dir) throws Exception {
        List<Path> other = otherDomains(dir);
        List<String> args = new ArrayList<>(List.of("--data", Corpus.attack().toString(), "--data",
                Corpus.mappings().toString()));
        other.forEach(p -> args.addAll(List.of("--data", p.toString())));
        args.addAll(List.of("--no-bundled", "coverage", "--format", "json"));
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = JSON.readTree(run.out());

        assertThat(doc.path("domains").findValuesAsText("domain")).containsExactly("enterprise", "mobile", "ics");
        Set<String> enterpriseMapped = Corpus.mappedIds(Corpus.newestPerFramework());
        Set<String> covered = new TreeSet<>(active.keySet());
        covered.retainAll(enterpriseMapped);
        JsonNode enterprise = domain(doc, "enterprise");
        assertThat(enterprise.path("total").asInt()).isEqualTo(active.size());
        assertThat(enterprise.path("covered").asInt()).isEqualTo(covered.size());
        assertThat(enterprise.path("mapping_sets")).hasSize(Corpus.newestPerFramework().size());
        long revoked = 0;
        long deprecated = 0;
        for (JsonNode o : Corpus.tree(Corpus.attack()).path("objects")) {
            boolean technique = o.path("type").asText().equals("attack-pattern")
                    && o.path("external_references").findValuesAsText("source_name").contains("mitre-attack");
            revoked += technique && o.path("revoked").asBoolean() ? 1 : 0;
            deprecated += technique && !o.path("revoked").asBoolean() && o.path("x_mitre_deprecated").asBoolean() ? 1 : 0;
        }
        assertThat(enterprise.path("left_out").path("revoked").asLong()).isEqualTo(revoked);
        assertThat(enterprise.path("left_out").path("deprecated").asLong()).isEqualTo(deprecated);
        for (int i = 0; i < 2; i++) {
            Set<String> domainActive = Corpus.activeTechniqueTactics(Corpus.tree(other.get(i))).keySet();
            Set<String> domainCovered = new TreeSet<>(domainActive);
            domainCovered.retainAll(Corpus.mappedIds(List.of(Corpus.tree(other.get(i + 2)))));
            JsonNode node = domain(doc, i == 0 ? "mobile" : "ics");
            assertThat(node.path("total").asInt()).isEqualTo(domainActive.size());
            assertThat(node.path("covered").asInt()).isEqualTo(domainCovered.size()).isPositive();
        }
        assertThat(doc.path("total").asInt()).isEqualTo(domain(doc, "enterprise").path("total").asInt()
                + domain(doc, "mobile").path("total").asInt() + domain(doc, "ics").path("total").asInt());
    }

    @Test
    void rollupWithoutSubtechniquesCountsParentsCoveredThroughTheirSubtechniques() throws Exception {
        Set<String> parents = new TreeSet<>(active.keySet());
        parents.removeIf(id -> id.contains("."));
        Set<String> rolledUp = new TreeSet<>();
        awsMapped.forEach(id -> rolledUp.add(id.contains(".") ? id.substring(0, id.indexOf('.')) : id));
        Set<String> covered = new TreeSet<>(parents);
        covered.retainAll(rolledUp);

        JsonNode doc = JSON.readTree(coverage("--framework", "aws", "--rollup", "--no-subtechniques", "--format",
                "json").out());

        assertThat(doc.path("total").asInt()).isEqualTo(parents.size());
        assertThat(doc.path("covered").asInt()).isEqualTo(covered.size());
        assertThat(domain(doc, "enterprise").path("left_out").path("subtechniques").asInt())
                .isEqualTo(active.size() - parents.size());
    }

    @Test
    void tacticRowsCountEachTechniqueUnderEachOfItsTactics() {
        JsonNode credentialAccess = null;
        for (JsonNode row : aws.path("by_tactic")) {
            if (row.path("shortname").asText().equals("credential-access")) {
                credentialAccess = row;
            }
        }
        int total = 0;
        int covered = 0;
        for (Map.Entry<String, JsonNode> t : active.entrySet()) {
            for (JsonNode phase : t.getValue().path("kill_chain_phases")) {
                if (phase.path("phase_name").asText().equals("credential-access")) {
                    total++;
                    covered += awsMapped.contains(t.getKey()) ? 1 : 0;
                }
            }
        }
        assertThat(credentialAccess).isNotNull();
        assertThat(credentialAccess.path("id").asText()).isEqualTo("TA0006");
        assertThat(credentialAccess.path("total").asInt()).isEqualTo(total);
        assertThat(credentialAccess.path("covered").asInt()).isEqualTo(covered);

        Cli.Run narrowed = coverage("--framework", "aws", "--tactic", "credential-access", "--format", "json");
        assertThat(narrowed.out()).contains("\"total\" : " + total + ",", "\"covered\" : " + covered + ",");
    }

    @Test
    void failUnderGatesOnThePercentage() {
        Cli.Run over = coverage("--framework", "aws", "--fail-under", "31");
        assertThat(over.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(over.err()).contains("coverage 30.97% (214 of 691) is under --fail-under 31");
        assertThat(over.out()).startsWith("Coverage  214 of 691 techniques (31.0%)");

        Cli.Run under = coverage("--framework", "aws", "--fail-under", "30.9");
        assertThat(under.exitCode()).as(under.err()).isZero();

        Cli.Run zero = coverage("--framework", "aws", "--fail-under", "0", "--require", "T1528");
        assertThat(zero.exitCode()).as(zero.err()).isZero();
    }

    @Test
    void requireFailsWithAFrameworkThatDoesNotMapTheTechnique() {
        long kevT1528 = 0;
        for (JsonNode m : Corpus.tree(Corpus.mappings().resolve("kev/kev-02.13.2025_attack-15.1-enterprise.json"))
                .path("mapping_objects")) {
            kevT1528 += m.path("attack_object_id").asText().equals("T1528") ? 1 : 0;
        }
        assertThat(kevT1528).isZero();

        Cli.Run run = coverage("--framework", "kev", "--attack-version", "15.1", "--require", "T1528,T1190");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(run.err()).contains(
                "mapper: required techniques without a mapping: T1528 (Steal Application Access Token)")
                .doesNotContain("T1190");
    }

    @Test
    void techniquesFromAFileNarrowTheScope(@TempDir Path dir) throws Exception {
        Path list = dir.resolve("crown-jewels.txt");
        Files.writeString(list, "# what we must cover\nT1528, T1078\nT1003.001  # LSASS\n");

        Cli.Run run = coverage("--framework", "aws", "--techniques", list.toString(), "--format", "json");

        JsonNode doc = JSON.readTree(run.out());
        assertThat(doc.path("total").asInt()).isEqualTo(3);
        long covered = List.of("T1528", "T1078", "T1003.001").stream().filter(awsMapped::contains).count();
        assertThat(doc.path("covered").asInt()).isEqualTo((int) covered);
    }
}
