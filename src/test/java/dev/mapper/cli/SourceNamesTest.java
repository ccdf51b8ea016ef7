package dev.mapper.cli;

import static dev.mapper.testing.MappingFiles.file;
import static dev.mapper.testing.MappingFiles.mapping;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapper.testing.AttackBundle;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Corpus;
import dev.mapper.testing.MappingFiles;
import dev.mapper.testing.Parsed;
import dev.mapper.testing.SampleReleases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ICS and Mobile releases whose own objects (tactics, techniques, kill chain phases, mitigations) are filed under
 * {@code mitre-attack}, Enterprise's source name, rather than their domain's ({@code mitre-ics-attack},
 * {@code mitre-mobile-attack}): mapper takes an ATT&CK ID under any domain's source name, so a technique is shown,
 * listed and counted in coverage alike under both spellings, as a plain walk of the files says.
 */
class SourceNamesTest {

    @TempDir
    static Path dir;

    /** A sample release of a domain, a mapping file of the domain, and the mapped technique the tests show. */
    private record Domain(Supplier<AttackBundle> release, MappingFiles.File mappings, String shown,
                          String shownName, String shownTactic) {
    }

    private static final Map<String, Domain> DOMAINS = Map.of(
            "ics", new Domain(SampleReleases::ics,
                    file("plant_controls").version("1.0").attack("15.0").domain("ics").add(
                            mapping("PC-1", "T0819").type("protects"), mapping("PC-2", "T0800").type("protects")),
                    "T0819", "Exploit Public-Facing Application", "TA0108"),
            "mobile", new Domain(SampleReleases::mobile,
                    file("acme_mdm").version("2.3").attack("13.0").domain("mobile").add(mapping("MDM-1", "T1406"),
                            mapping("MDM-2", "T1406.001"), mapping("MDM-3", "T1474")),
                    "T1406", "Obfuscated Files or Information", "TA0030"));

    /** The domain's own source name, as ATT&CK spells it. */
    private static String own(String domain) {
        return "mitre-" + domain + "-attack";
    }

    /** Each domain's mapping file, and its release under its own source name and under mitre-attack. */
    @BeforeAll
    static void writeFiles() {
        DOMAINS.forEach((domain, d) -> {
            d.mappings().write(mappings(domain));
            for (String sourceName : List.of(own(domain), "mitre-attack")) {
                d.release().get().sourceName(sourceName).write(bundle(domain, sourceName));
            }
        });
    }

    private static Path bundle(String domain, String sourceName) {
        return dir.resolve(domain + "/" + sourceName + "/" + domain + "-attack.json");
    }

    private static Path mappings(String domain) {
        return dir.resolve(domain + "/mappings.json");
    }

    /** The JSON document of a run on the domain's release filed under the source name and its mapping file. */
    private static JsonNode json(String domain, String sourceName, String... args) {
        return Cli.json(List.of("--no-bundled", "--data", bundle(domain, sourceName).toString(), "--data",
                mappings(domain).toString()), args);
    }

    @ParameterizedTest
    @CsvSource({"ics, mitre-ics-attack", "ics, mitre-attack", "mobile, mitre-mobile-attack", "mobile, mitre-attack"})
    void theReleaseIsFiledUnderTheSourceNameAlone(String domain, String sourceName) {
        Set<String> names = new TreeSet<>();
        for (JsonNode o : Corpus.tree(bundle(domain, sourceName)).path("objects")) {
            if (Set.of("attack-pattern", "x-mitre-tactic", "course-of-action").contains(o.path("type").asText())) {
                o.path("external_references").forEach(ref -> names.add(ref.path("source_name").asText()));
                o.path("kill_chain_phases").forEach(phase -> names.add(phase.path("kill_chain_name").asText()));
            }
        }
        assertThat(names).containsExactly(sourceName);
    }

    @ParameterizedTest
    @CsvSource({"ics, mitre-ics-attack", "ics, mitre-attack", "mobile, mitre-mobile-attack", "mobile, mitre-attack"})
    void theTechniqueIsShownWithItsTacticAndMappings(String domain, String sourceName) {
        Domain d = DOMAINS.get(domain);
        JsonNode doc = json(domain, sourceName, "show", d.shown());

        JsonNode technique = doc.path("technique");
        assertThat(technique.path("name").asText()).isEqualTo(d.shownName());
        assertThat(technique.path("domain").asText()).isEqualTo(domain);
        assertThat(technique.path("tactics").findValuesAsText("id")).containsExactly(d.shownTactic());
        assertThat(doc.path("mappings").findValuesAsText("attack_object_id"))
                .allMatch(id -> id.equals(d.shown()) || id.startsWith(d.shown() + "."))
                .hasSize((int) Corpus.count(List.of(d.mappings().tree()), d.shown(), true)).isNotEmpty();
        if (domain.equals("mobile")) {
            assertThat(technique.path("subtechniques").findValuesAsText("id")).containsExactly("T1406.001",
                    "T1406.002");
            assertThat(technique.path("mitigations").findValuesAsText("id")).containsExactly("M1001");
        }
    }

    @ParameterizedTest
    @CsvSource({"ics, mitre-ics-attack", "ics, mitre-attack", "mobile, mitre-mobile-attack", "mobile, mitre-attack"})
    void everyTechniqueOfTheReleaseIsListedWithItsTactics(String domain, String sourceName) {
        Map<String, Set<String>> active = Corpus.activeTechniqueTactics(Corpus.tree(bundle(domain, sourceName)));
        Map<String, Set<String>> listed = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode row : json(domain, sourceName, "list", "techniques").path("items")) {
            String id = row.path("attack_object_id").asText();
            assertThat(row.path("in_attack_data").asBoolean()).as(id).isTrue();
            assertThat(row.path("domain").asText()).as(id).isEqualTo(domain);
            if (!row.path("revoked").asBoolean() && !row.path("deprecated").asBoolean()) {
                Set<String> tactics = new TreeSet<>();
                row.path("tactics").forEach(t -> tactics.add(t.asText()));
                listed.put(id, tactics);
            }
            counts.put(id, row.path("mapping_count").asLong());
        }

        assertThat(listed).isEqualTo(active);
        Domain d = DOMAINS.get(domain);
        assertThat(counts.get(d.shown())).isEqualTo(Corpus.count(List.of(d.mappings().tree()), d.shown(), false));
    }

    @ParameterizedTest
    @CsvSource({"ics, mitre-ics-attack", "ics, mitre-attack", "mobile, mitre-mobile-attack", "mobile, mitre-attack"})
    void coverageCountsTheReleasesTechniquesAsAWalkOfTheFilesDoes(String domain, String sourceName) {
        Map<String, Set<String>> active = Corpus.activeTechniqueTactics(Corpus.tree(bundle(domain, sourceName)));
        Set<String> mapped = Corpus.mappedIds(List.of(DOMAINS.get(domain).mappings().tree()));
        Map<String, int[]> byTactic = new HashMap<>();
        active.forEach((id, tactics) -> tactics.forEach(t -> {
            int[] c = byTactic.computeIfAbsent(t, k -> new int[2]);
            c[0] += mapped.contains(id) ? 1 : 0;
            c[1]++;
        }));

        JsonNode doc = json(domain, sourceName, "coverage");

        JsonNode measured = doc.path("domains").get(0);
        assertThat(doc.path("domains")).hasSize(1);
        assertThat(measured.path("domain").asText()).isEqualTo(domain);
        assertThat(measured.path("total").asInt()).isEqualTo(active.size()).isPositive();
        assertThat(measured.path("covered").asInt())
                .isEqualTo((int) active.keySet().stream().filter(mapped::contains).count()).isPositive();
        Map<String, int[]> rows = new HashMap<>();
        doc.path("by_tactic").forEach(r -> rows.put(r.path("shortname").asText(),
                new int[] {r.path("covered").asInt(), r.path("total").asInt()}));
        assertThat(rows).containsOnlyKeys(byTactic.keySet());
        byTactic.forEach((t, c) -> assertThat(rows.get(t)).as(t).containsExactly(c));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ics", "mobile"})
    void mitreAttackReadsAsTheDomainsOwnSourceName(String domain) {
        Domain d = DOMAINS.get(domain);
        List<String[]> runs = List.of(new String[] {"show", d.shown()}, new String[] {"list", "techniques"},
                new String[] {"list", "tactics"}, new String[] {"coverage"});
        List<JsonNode> own = new ArrayList<>();
        List<JsonNode> shared = new ArrayList<>();
        for (String[] run : runs) {
            own.add(withoutPaths(json(domain, own(domain), run)));
            shared.add(withoutPaths(json(domain, "mitre-attack", run)));
        }
        assertThat(shared).isEqualTo(own);
    }

    /** The document with the folder of the release replaced: the runs differ in where their bundle is, no more. */
    private static JsonNode withoutPaths(JsonNode doc) {
        return Parsed.json(doc.toString().replaceAll("/(mitre-attack|mitre-[a-z]+-attack)/", "/SOURCE/"));
    }
}
