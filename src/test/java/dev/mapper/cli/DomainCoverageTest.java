package dev.mapper.cli;

import static dev.mapper.testing.MappingFiles.file;
import static dev.mapper.testing.MappingFiles.mapping;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Corpus;
import dev.mapper.testing.Parsed;
import dev.mapper.testing.SampleReleases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coverage} and {@code list tactics} over three ATT&CK domains (hand-made Enterprise, Mobile and ICS bundles
 * in the published formats) and mapping files of each: every domain is measured against its own release by its own
 * sets. Expected numbers come from plain Jackson walks over the same files.
 */
class DomainCoverageTest {

    @TempDir
    static Path dir;

    static Path enterprise;
    static Path mobile;
    static Path ics;
    static Path enterprise17;
    static Path enterprise15;
    static Path cloud;
    static Path cloud15;
    static Path mdm;
    static Path plant;

    @BeforeAll
    static void writeFiles() {
        enterprise = dir.resolve("attack/enterprise-attack-16.1.json");
        SampleReleases.enterprise("16.1").write(enterprise);
        mobile = dir.resolve("attack/mobile-attack-13.0.json");
        SampleReleases.mobile().write(mobile);
        ics = dir.resolve("attack/ics-attack-15.0.json");
        SampleReleases.ics().write(ics);
        // Releases the mappings were not made against: 17.0 adds a technique, 15.1 lacks one.
        enterprise17 = dir.resolve("other/enterprise-attack-17.0.json");
        SampleReleases.enterprise("17.0").write(enterprise17);
        enterprise15 = dir.resolve("other/enterprise-attack-15.1.json");
        SampleReleases.enterprise("15.1").write(enterprise15);

        cloud = dir.resolve("mappings/enterprise/cloud-16.1.json");
        file("acme_cloud").version("2.0").attack("16.1").add(mapping("C-1", "T1078"), mapping("C-2", "T1078.004"),
                mapping("C-3", "T1190"), mapping("C-4", "T1528").type("detects"),
                mapping("C-5", "T1110.001").type("detects"), mapping("C-6", "T1108"),
                mapping("C-7", "T1133").type("non_mappable")).write(cloud);
        cloud15 = dir.resolve("mappings/enterprise/cloud-15.1.json");
        file("acme_cloud").version("1.0").attack("15.1").add(mapping("C-1", "T1078")).write(cloud15);
        mdm = dir.resolve("mappings/mobile/mdm.json");
        file("acme_mdm").version("2.3").attack("13.0").domain("mobile").add(mapping("MDM-1", "T1474"),
                mapping("MDM-2", "T1406.001"), mapping("MDM-3", "T1603"), mapping("MDM-4", "T1400")).write(mdm);
        plant = dir.resolve("mappings/ics/plant.json");
        file("plant_controls").version("1.0").attack("15.0").domain("ics").add(
                mapping("PC-1", "T0819").type("protects"), mapping("PC-2", "T0803").type("protects")).write(plant);
    }

    /** A run on these files alone: the bundled mappings of T1528 would be one more set of each count. */
    private static Cli.Run run(List<Path> data, String... args) {
        List<String> full = new ArrayList<>(List.of("--no-bundled"));
        data.forEach(p -> full.addAll(List.of("--data", p.toString())));
        full.addAll(Arrays.asList(args));
        return Cli.run(full.toArray(String[]::new));
    }

    private static JsonNode json(List<Path> data, String... args) {
        List<String> full = new ArrayList<>(Arrays.asList(args));
        full.addAll(List.of("--format", "json"));
        Cli.Run run = run(data, full.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Parsed.json(run.out());
    }

    private static List<Path> everything() {
        return List.of(enterprise, mobile, ics, cloud, cloud15, mdm, plant);
    }

    private static JsonNode domain(JsonNode doc, String domain) {
        return StreamSupport.stream(doc.path("domains").spliterator(), false)
                .filter(d -> d.path("domain").asText().equals(domain)).findFirst().orElseThrow();
    }

    private static List<JsonNode> rows(JsonNode doc, String field, String domain) {
        return StreamSupport.stream(doc.path(field).spliterator(), false)
                .filter(r -> r.path("domain").asText().equals(domain)).toList();
    }

    /** What a domain should report, walked from the bundle and the domain's (newest) mapping file. */
    private record Expected(int covered, int total, Map<String, int[]> byTactic, Set<String> uncovered) {
        static Expected of(Path bundle, Path mappings) {
            Map<String, Set<String>> active = Corpus.activeTechniqueTactics(Corpus.tree(bundle));
            Set<String> mapped = Corpus.mappedIds(List.of(Corpus.tree(mappings)));
            Map<String, int[]> byTactic = new TreeMap<>();
            Set<String> uncovered = new TreeSet<>();
            active.forEach((id, tactics) -> {
                boolean covered = mapped.contains(id);
                if (!covered) {
                    uncovered.add(id);
                }
                tactics.forEach(t -> {
                    int[] c = byTactic.computeIfAbsent(t, k -> new int[2]);
                    c[0] += covered ? 1 : 0;
                    c[1]++;
                });
            });
            return new Expected(active.size() - uncovered.size(), active.size(), byTactic, uncovered);
        }
    }

    @Test
    void eachDomainIsMeasuredAgainstItsOwnReleaseAsAJacksonWalkCountsIt() {
        JsonNode doc = json(everything(), "coverage");

        assertThat(doc.path("domains").findValuesAsText("domain")).containsExactly("enterprise", "mobile", "ics");
        Map<String, Expected> expected = Map.of("enterprise", Expected.of(enterprise, cloud),
                "mobile", Expected.of(mobile, mdm), "ics", Expected.of(ics, plant));
        int covered = 0;
        int total = 0;
        for (Map.Entry<String, Expected> e : expected.entrySet()) {
            JsonNode node = domain(doc, e.getKey());
            Expected want = e.getValue();
            assertThat(node.path("covered").asInt()).as(e.getKey()).isEqualTo(want.covered());
            assertThat(node.path("total").asInt()).as(e.getKey()).isEqualTo(want.total());
            assertThat(node.path("percent").asDouble())
                    .isEqualTo(Math.round(want.covered() * 10000.0 / want.total()) / 100.0);
            Map<String, int[]> tactics = new HashMap<>();
            rows(doc, "by_tactic", e.getKey()).forEach(r -> tactics.put(r.path("shortname").asText(),
                    new int[] {r.path("covered").asInt(), r.path("total").asInt()}));
            assertThat(tactics).as(e.getKey()).containsOnlyKeys(want.byTactic().keySet());
            want.byTactic().forEach((t, c) -> assertThat(tactics.get(t)).as(t).containsExactly(c));
            assertThat(rows(doc, "uncovered", e.getKey())).extracting(r -> r.path("id").asText())
                    .containsExactlyElementsOf(want.uncovered());
            covered += want.covered();
            total += want.total();
        }
        assertThat(doc.path("covered").asInt()).isEqualTo(covered);
        assertThat(doc.path("total").asInt()).isEqualTo(total);
        // The revoked T1400 and the deprecated T0803 are mapped, yet count nowhere: they are left out.
        assertThat(domain(doc, "mobile").path("left_out").path("revoked").asInt()).isEqualTo(1);
        assertThat(domain(doc, "mobile").path("left_out").path("deprecated").asInt()).isEqualTo(1);
        assertThat(domain(doc, "ics").path("left_out").path("deprecated").asInt()).isEqualTo(1);
        assertThat(domain(doc, "ics").path("attack_version").asText()).isEqualTo("15.0");
        assertThat(domain(doc, "mobile").path("name").asText()).isEqualTo("Mobile");
        assertThat(domain(doc, "ics").path("name").asText()).isEqualTo("ICS");
    }

    @Test
    void aFrameworksCoverageDoesNotChangeWhenOtherDomainsAreLoaded() {
        JsonNode alone = json(List.of(enterprise, cloud), "coverage", "--framework", "acme_cloud");
        JsonNode beside = json(everything(), "coverage", "--framework", "acme_cloud");

        assertThat(beside.path("domains")).hasSize(1);
        assertThat(beside.path("domains")).isEqualTo(alone.path("domains"));
        assertThat(beside.path("by_tactic")).isEqualTo(alone.path("by_tactic"));
        assertThat(beside.path("uncovered")).isEqualTo(alone.path("uncovered"));
        assertThat(beside.path("uncovered").findValuesAsText("domain")).containsOnly("enterprise");
        Cli.Run gate = run(everything(), "coverage", "--framework", "acme_cloud", "--fail-under", "40");
        assertThat(gate.exitCode()).as(gate.err()).isZero();
    }

    @Test
    void failUnderJudgesEachDomain() {
        Expected mobileExpected = Expected.of(mobile, mdm);
        double mobilePercent = mobileExpected.covered() * 100.0 / mobileExpected.total();

        Cli.Run run = run(everything(), "coverage", "--fail-under", String.valueOf(Math.floor(mobilePercent) + 1));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(run.err()).contains(String.format(java.util.Locale.ROOT,
                "Mobile coverage %.2f%% (%d of %d) is under --fail-under", mobilePercent, mobileExpected.covered(),
                mobileExpected.total()));
        assertThat(run.out()).contains("in 3 domains, each against its own release", "\nMobile      ",
                "\nICS         ", "\nEnterprise  ");
    }

    @Test
    void rollupAndSubtechniquesAreChoicesTheOutputStates() {
        Map<String, Set<String>> active = Corpus.activeTechniqueTactics(Corpus.tree(enterprise));
        Set<String> mapped = Corpus.mappedIds(List.of(Corpus.tree(cloud)));
        Set<String> parents = new TreeSet<>(active.keySet());
        parents.removeIf(id -> id.contains("."));
        Set<String> rolledUp = new TreeSet<>();
        mapped.forEach(id -> rolledUp.add(id.contains(".") ? id.substring(0, id.indexOf('.')) : id));
        rolledUp.addAll(mapped);

        JsonNode rollup = domain(json(List.of(enterprise, cloud), "coverage", "--rollup"), "enterprise");
        assertThat(rollup.path("total").asInt()).isEqualTo(active.size());
        assertThat(rollup.path("covered").asInt()).isEqualTo(count(active.keySet(), rolledUp));
        JsonNode parentsOnly = json(List.of(enterprise, cloud), "coverage", "--no-subtechniques");
        assertThat(parentsOnly.path("subtechniques").asBoolean()).isFalse();
        assertThat(domain(parentsOnly, "enterprise").path("total").asInt()).isEqualTo(parents.size());
        assertThat(domain(parentsOnly, "enterprise").path("covered").asInt()).isEqualTo(count(parents, mapped));
        assertThat(domain(parentsOnly, "enterprise").path("left_out").path("subtechniques").asInt())
                .isEqualTo(active.size() - parents.size());
        JsonNode both = json(List.of(enterprise, cloud), "coverage", "--no-subtechniques", "--rollup");
        assertThat(both.path("rollup").asBoolean()).isTrue();
        assertThat(domain(both, "enterprise").path("covered").asInt()).isEqualTo(count(parents, rolledUp))
                .isGreaterThan(count(parents, mapped));

        assertThat(flat(run(List.of(enterprise, cloud), "coverage").out()))
                .contains("every technique and sub-technique of Enterprise 16.1 that is neither revoked nor",
                        "covered by a mapping to its own ID Sets");
        assertThat(flat(run(List.of(enterprise, cloud), "coverage", "--no-subtechniques", "--rollup").out()))
                .contains("every technique (sub-techniques not counted) of Enterprise 16.1", "3 sub-techniques)",
                        "covered by a mapping to its own ID or to one of its sub-techniques");
    }

    /** The text with every run of white space made one space: what a table says, whatever the wrapping. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static int count(Set<String> scope, Set<String> mapped) {
        return (int) scope.stream().filter(mapped::contains).count();
    }

    @Test
    void theReleaseOfTheSetsAttackVersionIsUsedWhenLoaded() {
        List<Path> all = List.of(enterprise17, enterprise, enterprise15, cloud, cloud15);
        JsonNode newest = domain(json(all, "coverage"), "enterprise");
        assertThat(newest.path("attack_version").asText()).isEqualTo("16.1");
        assertThat(newest.path("note").isNull()).isTrue();
        assertThat(newest.path("total").asInt()).isEqualTo(Expected.of(enterprise, cloud).total());

        JsonNode older = domain(json(all, "coverage", "--attack-version", "15.1"), "enterprise");
        assertThat(older.path("attack_version").asText()).isEqualTo("15.1");
        assertThat(older.path("total").asInt()).isEqualTo(Expected.of(enterprise15, cloud15).total());

        Cli.Run other = run(List.of(enterprise17, cloud), "coverage", "--framework", "acme_cloud", "--format", "json");
        JsonNode measured = domain(Parsed.json(other.out()), "enterprise");
        assertThat(measured.path("attack_version").asText()).isEqualTo("17.0");
        assertThat(measured.path("total").asInt()).isEqualTo(Expected.of(enterprise17, cloud).total());
        String note = "acme_cloud@2.0@16.1 was made against ATT&CK 16.1, which is not loaded; measured against "
                + "Enterprise 17.0, the newest loaded";
        assertThat(measured.path("note").asText()).isEqualTo(note);
        assertThat(other.err()).isEqualTo("mapper: note: " + note + "\n");
    }

    @Test
    void aDomainWithoutItsReleaseIsAnErrorThatSaysWhatToLoad() {
        Cli.Run run = run(List.of(enterprise, cloud, mdm, plant), "coverage", "--fail-under", "1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.MISSING_DATA);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("mapper: no ATT&CK release to measure coverage against for Mobile (none is "
                + "loaded; add --data mobile-attack-13.0.json), ICS (none is loaded; add --data ics-attack-15.0.json)")
                .contains("or narrow with --domain", "--mapping-only");

        Cli.Run narrowed = run(List.of(enterprise, cloud, mdm, plant), "coverage", "--domain", "enterprise");
        assertThat(narrowed.exitCode()).as(narrowed.err()).isZero();
        Cli.Run mappingOnly = run(List.of(enterprise, cloud, mdm, plant), "coverage", "--mapping-only", "--format",
                "json");
        assertThat(mappingOnly.exitCode()).as(mappingOnly.err()).isZero();
        JsonNode mobileMapped = domain(Parsed.json(mappingOnly.out()), "mobile");
        assertThat(mobileMapped.path("covered").asInt())
                .isEqualTo(Corpus.mappedIds(List.of(Corpus.tree(mdm))).size());
        assertThat(mobileMapped.path("total").isNull()).isTrue();
    }

    @Test
    void domainSelectsTheDomainsReported() {
        JsonNode doc = json(everything(), "coverage", "--domain", "mobile");

        assertThat(doc.path("domains").findValuesAsText("domain")).containsExactly("mobile");
        assertThat(doc.path("mapping_sets")).extracting(JsonNode::asText).containsExactly("acme_mdm@2.3@13.0@mobile");
        assertThat(doc.path("covered").asInt()).isEqualTo(Expected.of(mobile, mdm).covered());
    }

    @Test
    void listedTechniquesCountInTheirOwnDomain() {
        JsonNode doc = json(everything(), "coverage", "--techniques", "T1528,T1556,T1474,t0866");

        assertThat(doc.path("scope").asText()).isEqualTo("T1528,T1556,T1474,t0866");
        assertThat(doc.path("domains").findValuesAsText("domain")).containsExactly("enterprise", "mobile", "ics");
        assertThat(domain(doc, "enterprise").path("total").asInt()).isEqualTo(2);
        assertThat(domain(doc, "enterprise").path("covered").asInt()).isEqualTo(1);
        assertThat(domain(doc, "mobile").path("covered").asInt()).isEqualTo(1);
        assertThat(domain(doc, "ics").path("covered").asInt()).isZero();
        assertThat(doc.path("uncovered").findValuesAsText("id")).containsExactly("T1556", "T0866");

        Cli.Run unknown = run(List.of(enterprise, cloud), "coverage", "--techniques", "T1650");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void tacticsCarryTheirDomainAndDeprecatedOnesAreMarked() {
        JsonNode items = json(List.of(enterprise, mobile, ics), "list", "tactics").path("items");
        List<String> keys = new ArrayList<>();
        items.forEach(t -> keys.add(t.path("domain").asText() + "/" + t.path("shortname").asText()
                + (t.path("deprecated").asBoolean() ? " deprecated" : "")));
        assertThat(keys).containsExactly("enterprise/initial-access", "enterprise/persistence",
                "enterprise/credential-access", "mobile/initial-access", "mobile/execution", "mobile/defense-evasion",
                "mobile/command-and-control", "mobile/network-effects deprecated", "ics/initial-access-ics", "ics/execution-ics",
                "ics/inhibit-response-function");

        // Beside them, the bundled sample's one tactic is listed as what it is, an Enterprise tactic.
        String table = flat(Cli.run("--data", mobile.toString(), "--data", ics.toString(), "list", "tactics").out());
        assertThat(table).startsWith("DOMAIN ID SHORTNAME TECHNIQUES MAPPINGS NAME Enterprise TA0006 credential-access")
                .contains("Mobile TA0027 initial-access", "ICS TA0108 initial-access-ics",
                        "Network Effects (deprecated)");
        Cli.Run mobileOnly = Cli.run("--data", mobile.toString(), "list", "tactics", "--domain", "mobile");
        assertThat(mobileOnly.out()).contains("Mobile").doesNotContain("Enterprise", "Credential Access");
    }

    @Test
    void aTacticNameSeveralDomainsShareIsAmbiguousUnlessTheDomainIsKnown() {
        Cli.Run ambiguous = run(everything(), "coverage", "--tactic", "initial-access");
        assertThat(ambiguous.exitCode()).isEqualTo(ExitCodes.AMBIGUOUS);
        assertThat(ambiguous.out()).isEmpty();
        assertThat(ambiguous.err()).startsWith("mapper: 'initial-access' matches 2 tactics; ATT&CK Enterprise, Mobile "
                + "each have one; give the domain or the ID:")
                .contains("enterprise/initial-access  TA0001 Initial Access (Enterprise)",
                        "mobile/initial-access  TA0027 Initial Access (Mobile)");
        Cli.Run byName = run(everything(), "list", "tactics", "--tactic", "Initial Access");
        assertThat(byName.exitCode()).isEqualTo(ExitCodes.AMBIGUOUS);
        assertThat(byName.err()).contains("ATT&CK Enterprise, Mobile, ICS each have one");

        for (String named : List.of("mobile/initial-access", "TA0027", "Mobile/Initial Access")) {
            JsonNode doc = json(everything(), "coverage", "--tactic", named);
            assertThat(doc.path("domains").findValuesAsText("domain")).as(named).containsExactly("mobile");
            assertThat(doc.path("by_tactic").findValuesAsText("id")).as(named).containsExactly("TA0027");
        }
        // A framework of one domain settles it: the same gate whatever else is loaded.
        JsonNode cloudOnly = json(everything(), "coverage", "--framework", "acme_cloud", "--tactic", "initial-access");
        assertThat(cloudOnly.path("by_tactic").findValuesAsText("id")).containsExactly("TA0001");
        assertThat(cloudOnly.path("domains")).isEqualTo(json(List.of(enterprise, cloud), "coverage", "--framework",
                "acme_cloud", "--tactic", "initial-access").path("domains"));
    }

    @Test
    void everyFormatSaysWhichDomainARowIsOf() {
        String markdown = run(everything(), "coverage", "--format", "markdown").out();
        assertThat(markdown).contains("## Enterprise", "## Mobile", "## ICS", "| Initial Access | TA0027 |");
        List<java.util.Map<String, String>> csv = Parsed.delimited(run(everything(), "coverage", "--format", "csv")
                .out(), ',');
        assertThat(csv).extracting(r -> r.get("domain")).contains("enterprise", "mobile", "ics");
    }
}
