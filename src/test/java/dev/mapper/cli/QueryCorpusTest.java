package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapper.model.Capability;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Corpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code capability}, {@code search}, {@code list} and the filters over the real corpus. Expected values come from
 * plain Jackson tree walks over the same files; each mapper run loads the corpus, so runs are few and check much.
 */
class QueryCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<Path, JsonNode> files;
    /** attack_object_id → [tactic shortnames, platforms] of every attack-pattern in the ATT&CK bundle. */
    private static Map<String, List<Set<String>>> attack;

    @BeforeAll
    static void readCorpusIndependently() {
        files = new TreeMap<>();
        Corpus.mappingFiles().forEach(file -> files.put(file, Corpus.tree(file)));
        attack = new HashMap<>();
        for (JsonNode o : Corpus.tree(Corpus.attack()).path("objects")) {
            if ("attack-pattern".equals(o.path("type").asText())) {
                Set<String> tactics = new java.util.HashSet<>();
                o.path("kill_chain_phases").forEach(p -> tactics.add(p.path("phase_name").asText()));
                Set<String> platforms = new java.util.HashSet<>();
                o.path("x_mitre_platforms").forEach(p -> platforms.add(p.asText()));
                for (JsonNode ref : o.path("external_references")) {
                    if ("mitre-attack".equals(ref.path("source_name").asText())) {
                        attack.put(ref.path("external_id").asText(), List.of(tactics, platforms));
                    }
                }
            }
        }
    }

    private static JsonNode run(String... args) throws Exception {
        List<String> full = new ArrayList<>(List.of("--data", Corpus.root().toString()));
        full.addAll(List.of(args));
        full.addAll(List.of("--format", "json"));
        Cli.Run run = Cli.run(full.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private static long count(JsonNode file, Predicate<JsonNode> mapping) {
        long n = 0;
        for (JsonNode m : file.path("mapping_objects")) {
            if (mapping.test(m)) {
                n++;
            }
        }
        return n;
    }

    private static JsonNode newestAws() {
        return files.entrySet().stream().filter(e -> e.getKey().toString().contains("aws-12.12.2024"))
                .findFirst().orElseThrow().getValue();
    }

    @Test
    void capabilityCountsTheNewestFileAndEveryVersionWithAll() throws Exception {
        Predicate<JsonNode> secrets = m -> "aws_secrets_manager".equals(m.path("capability_id").asText());
        JsonNode doc = run("capability", "aws_secrets_manager");
        assertThat(doc.path("mappings")).hasSize((int) count(newestAws(), secrets)).hasSize(8);
        assertThat(doc.path("mappings").findValuesAsText("mapping_set")).containsOnly("aws@12/12/2024@16.1");
        Predicate<JsonNode> guardDuty = m -> "amazon_guardduty".equals(m.path("capability_id").asText());
        long everyVersion = files.values().stream().mapToLong(f -> count(f, guardDuty)).sum();
        assertThat(run("capability", "GuardDuty", "--all-versions", "--min-score", "partial").path("mappings"))
                .hasSize((int) files.values().stream().mapToLong(f -> count(f,
                        guardDuty.and(m -> "partial".equals(m.path("score_value").asText())))).sum())
                .hasSizeLessThan((int) everyVersion).isNotEmpty();
    }

    @Test
    void nistControlsAreOneCapabilityWhateverTheZeroPadding() throws Exception {
        // Mappings Explorer spells the control AC-2 in older NIST files and AC-02 in newer ones.
        Predicate<JsonNode> accountManagement = m -> Set.of("AC-2", "AC-02").contains(m.path("capability_id").asText());
        JsonNode newestNist = files.entrySet().stream()
                .filter(e -> e.getKey().toString().contains("nist_800_53-rev5_attack-16.1")).findFirst().orElseThrow()
                .getValue();

        JsonNode padded = run("capability", "AC-02");
        JsonNode unpadded = run("capability", "AC-2");
        assertThat(unpadded).isEqualTo(padded);
        assertThat(unpadded.path("capability").path("capability_id").asText()).isEqualTo("AC-02");
        assertThat(unpadded.path("mappings")).hasSize((int) count(newestNist, accountManagement)).isNotEmpty();

        long everyVersion = files.values().stream().mapToLong(f -> count(f, accountManagement)).sum();
        assertThat(run("capability", "AC-2", "--all-versions").path("mappings").findValuesAsText("capability_id"))
                .hasSize((int) everyVersion).contains("AC-2", "AC-02");

        List<String> listed = run("list", "capabilities", "--all-versions", "--framework", "nist_800_53")
                .path("items").findValuesAsText("capability_id");
        assertThat(listed).contains("AC-02").doesNotContain("AC-2")
                .doesNotHaveDuplicates().hasSameSizeAs(listed.stream().map(Capability::comparableId).distinct().toList());
    }

    @Test
    void searchForAccessTokenPutsT1528AmongTheFirstHits() throws Exception {
        JsonNode doc = run("search", "access", "token");
        List<String> firstIds = new ArrayList<>();
        doc.path("results").forEach(hit -> firstIds.add(hit.path("attack_object_id").asText()));
        assertThat(firstIds.subList(0, 5)).contains("T1528");
        assertThat(doc.path("results")).hasSize(SearchCommand.DEFAULT_LIMIT);
        assertThat(doc.path("total").asInt()).isGreaterThan(SearchCommand.DEFAULT_LIMIT);
    }

    @Test
    void listFrameworksListsEverySetWithItsFileCountAndOneDefaultPerFramework() throws Exception {
        JsonNode items = run("list", "frameworks").path("items");
        assertThat(items).hasSize(files.size()).hasSize(24);
        Map<String, Long> expected = new TreeMap<>();
        files.forEach((path, tree) -> expected.put(path.toString(), (long) tree.path("mapping_objects").size()));
        Map<String, Long> actual = new TreeMap<>();
        items.forEach(item -> actual.put(item.path("source").asText(), item.path("mapping_count").asLong()));
        assertThat(actual).isEqualTo(expected);
        List<String> defaults = new ArrayList<>();
        items.forEach(item -> {
            if (item.path("default").asBoolean()) {
                defaults.add(item.path("mapping_set").asText());
            }
        });
        assertThat(defaults).hasSize(7).contains("aws@12/12/2024@16.1", "nist_800_53@rev5@16.1", "kev@07/28/2025@16.1");
    }

    /** Each filter, on {@code list frameworks} (every set, counted), against a tree walk of every file. */
    @Test
    void eachFilterNarrowsToExactlyTheIndependentCount() throws Exception {
        Map<String[], Predicate<JsonNode>> filters = new java.util.LinkedHashMap<>();
        filters.put(new String[] {"--framework", "aws,kev"}, m -> true);
        filters.put(new String[] {"--mapping-type", "technique_score"},
                m -> "technique_score".equals(m.path("mapping_type").asText()));
        filters.put(new String[] {"--category", "detect"}, m -> "detect".equals(m.path("score_category").asText()));
        filters.put(new String[] {"--min-score", "partial"},
                m -> Stream.of("partial", "significant").anyMatch(s -> s.equals(m.path("score_value").asText())));
        filters.put(new String[] {"--tactic", "credential-access"}, m -> attackOf(m, 0).contains("credential-access"));
        filters.put(new String[] {"--platform", "IaaS"}, m -> attackOf(m, 1).contains("IaaS"));
        for (Map.Entry<String[], Predicate<JsonNode>> filter : filters.entrySet()) {
            Map<String, Long> expected = new TreeMap<>();
            files.forEach((path, tree) -> {
                boolean frameworkOk = !filter.getKey()[0].equals("--framework")
                        || Set.of("aws", "kev").contains(tree.path("metadata").path("mapping_framework").asText());
                long n = count(tree, filter.getValue());
                if (frameworkOk && n > 0) {
                    expected.put(path.toString(), n);
                }
            });
            Map<String, Long> actual = new TreeMap<>();
            run("list", "frameworks", filter.getKey()[0], filter.getKey()[1]).path("items")
                    .forEach(item -> actual.put(item.path("source").asText(), item.path("mapping_count").asLong()));
            assertThat(actual).as(String.join(" ", filter.getKey())).isEqualTo(expected).isNotEmpty();
        }
    }

    private static Set<String> attackOf(JsonNode mapping, int which) {
        List<Set<String>> known = attack.get(mapping.path("attack_object_id").asText());
        return known == null ? Set.of() : known.get(which);
    }

    @Test
    void listCapabilitiesAndTechniquesOfOneFrameworkMatchItsNewestFile() throws Exception {
        JsonNode aws = newestAws();
        Map<String, Long> expected = new TreeMap<>();
        aws.path("mapping_objects").forEach(m -> expected.merge(m.path("capability_id").asText(), 1L, Long::sum));
        Map<String, Long> actual = new TreeMap<>();
        run("list", "capabilities", "--framework", "aws").path("items")
                .forEach(i -> actual.put(i.path("capability_id").asText(), i.path("mapping_count").asLong()));
        assertThat(actual).isEqualTo(expected).hasSize(30);

        Map<String, Long> techniques = new TreeMap<>();
        aws.path("mapping_objects").forEach(m -> {
            if (!m.path("attack_object_id").isNull()) {
                techniques.merge(m.path("attack_object_id").asText(), 1L, Long::sum);
            }
        });
        Map<String, Long> listed = new TreeMap<>();
        run("list", "techniques", "--framework", "aws").path("items")
                .forEach(i -> listed.put(i.path("attack_object_id").asText(), i.path("mapping_count").asLong()));
        assertThat(listed).isEqualTo(techniques);
    }
}
