package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapper.model.Score;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Corpus;
import dev.mapper.testing.Parsed;
import dev.mapper.testing.Structure;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Exports over the corpus, checked against plain Jackson walks of the same files. */
class ExportCorpusTest {

    private static final Pattern TECHNIQUE_ID = Pattern.compile("T\\d{4}(\\.\\d{3})?");
    private static JsonNode newestAws;
    private static List<JsonNode> newest;

    @BeforeAll
    static void readCorpusIndependently() {
        newest = Corpus.newestPerFramework();
        newestAws = newest.stream().filter(f -> f.path("metadata").path("mapping_framework").asText().equals("aws"))
                .findFirst().orElseThrow();
    }

    private static String run(String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "--data";
        full[1] = Corpus.root().toString();
        System.arraycopy(args, 0, full, 2, args.length);
        Cli.Run run = Cli.run(full);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    private static boolean mapped(JsonNode m) {
        String type = m.path("mapping_type").asText("");
        return !type.isEmpty() && !type.equals("non_mappable") && !m.path("status").asText().equals("non_mappable")
                && TECHNIQUE_ID.matcher(m.path("attack_object_id").asText("")).matches();
    }

    @Test
    void aCapabilityExportOverSetsWithNonMappableRows() {
        // NIST files hold non_mappable rows with no capability_id; selecting a capability must pass over them.
        long expected = 0;
        for (JsonNode file : Corpus.allFiles()) {
            for (JsonNode m : file.path("mapping_objects")) {
                // AC-2 and AC-02 are the same control, spelled as older and newer NIST files spell it.
                if ("AC-02".equals(m.path("capability_id").asText(null)) || "AC-2".equals(m.path("capability_id").asText(null))) {
                    expected++;
                }
            }
        }
        JsonNode doc = Parsed.json(
                run("export", "mappings", "--capability", "AC-02", "--all-versions", "--format", "json"));
        assertThat(doc.path("mappings")).hasSize((int) expected);
        assertThat(expected).isPositive();
    }

    @Test
    void aMappingTypeUsedOnlyWithoutTechniquesIsAValidFilter() {
        // The AWS 9.0 file records non_mappable capabilities with a null attack_object_id and does not define the
        // type in its metadata: the filter must still know it.
        java.nio.file.Path aws9 = Corpus.mappings().resolve("aws/aws-09.21.2021_attack-9.0-enterprise.json");
        long expected = 0;
        for (JsonNode m : Corpus.tree(aws9).path("mapping_objects")) {
            if ("non_mappable".equals(m.path("mapping_type").asText(null))) {
                expected++;
            }
        }
        Cli.Run run = Cli.run("--no-bundled", "--data", aws9.toString(), "export", "mappings", "--mapping-type",
                "non_mappable", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Parsed.json(run.out()).path("mappings")).hasSize((int) expected);
        assertThat(expected).isPositive();
    }

    /** The ATT&CK ID of each revoked technique of the corpus's ATT&CK bundle, to the ID of its replacement. */
    private static Map<String, String> revokedToReplacement() {
        Map<String, String> ids = new HashMap<>();
        Set<String> revoked = new HashSet<>();
        JsonNode attack = Corpus.tree(Corpus.attack());
        for (JsonNode o : attack.path("objects")) {
            if (o.path("type").asText().equals("attack-pattern")) {
                ids.put(o.path("id").asText(), o.path("external_references").get(0).path("external_id").asText());
                if (o.path("revoked").asBoolean()) {
                    revoked.add(o.path("id").asText());
                }
            }
        }
        Map<String, String> replacements = new TreeMap<>();
        for (JsonNode o : attack.path("objects")) {
            if (o.path("relationship_type").asText().equals("revoked-by") && revoked.contains(o.path("source_ref").asText())) {
                replacements.put(ids.get(o.path("source_ref").asText()), ids.get(o.path("target_ref").asText()));
            }
        }
        return replacements;
    }

    /** The major version of the corpus's ATT&CK bundle, as its file name gives it (the bundle does not name it). */
    private static String attackMajor() {
        Matcher version = Pattern.compile("-(\\d+)\\.\\d+\\.json$").matcher(Corpus.attack().getFileName().toString());
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    @Test
    void awsLayerDeclaresTheLoadedReleaseAndShowsRevokedTechniquesOnTheirReplacements() {
        Cli.Run run = Cli.run("--data", Corpus.root().toString(), "export", "layer", "--framework", "aws");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode layer = Parsed.json(run.out());
        Structure.assertValidLayer(layer);
        Map<String, String> replacements = revokedToReplacement();
        Set<String> expectedIds = new TreeSet<>();
        Set<String> moved = new TreeSet<>();
        int t1528 = 0;
        int t1528Mappings = 0;
        for (JsonNode m : newestAws.path("mapping_objects")) {
            if (mapped(m)) {
                String id = m.path("attack_object_id").asText();
                if (replacements.containsKey(id)) {
                    moved.add(id + " -> " + replacements.get(id));
                    id = replacements.get(id);
                }
                expectedIds.add(id);
                if (id.equals("T1528")) {
                    t1528Mappings++;
                    t1528 = Math.max(t1528, Score.of(m.path("score_value").asText()).ordinal() + 1);
                }
            }
        }
        assertThat(t1528Mappings).isGreaterThanOrEqualTo(2);
        Set<String> annotated = new TreeSet<>();
        Set<String> all = new TreeSet<>();
        for (JsonNode t : layer.path("techniques")) {
            all.add(t.path("techniqueID").asText());
            if (t.has("comment")) {
                annotated.add(t.path("techniqueID").asText());
            }
            if (t.path("techniqueID").asText().equals("T1528")) {
                assertThat(t.path("score").asInt()).isEqualTo(t1528);
            }
        }
        assertThat(annotated).isEqualTo(expectedIds);
        // Beside them, only the parents of sub-techniques, there to show their sub-techniques.
        Set<String> parents = new TreeSet<>();
        expectedIds.stream().filter(id -> id.contains(".")).forEach(id -> parents.add(id.split("\\.")[0]));
        assertThat(all).containsAll(annotated).isSubsetOf(union(annotated, parents));
        assertThat(layer.path("versions").path("attack").asText()).isEqualTo(attackMajor());
        assertThat(layer.path("metadata").toString()).contains("Enterprise 18.1").doesNotContain("16.1 (bundled");
        assertThat(moved).isNotEmpty();
        moved.forEach(move -> assertThat(run.err()).contains(move));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> both = new TreeSet<>(a);
        both.addAll(b);
        return both;
    }

    @Test
    void nistLayerTooltipsNameTheFirstFiveCapabilitiesAndCountTheRest() {
        JsonNode nist = newest.stream().filter(f -> f.path("metadata").path("mapping_framework").asText()
                .equals("nist_800_53")).findFirst().orElseThrow();
        Set<String> t1078 = new TreeSet<>();
        for (JsonNode m : nist.path("mapping_objects")) {
            if (mapped(m) && m.path("attack_object_id").asText().equals("T1078")) {
                t1078.add(m.path("capability_id").asText());
            }
        }
        assertThat(t1078.size()).isGreaterThan(5);
        JsonNode layer = Parsed.json(run("export", "layer", "--framework", "nist_800_53"));
        Structure.assertValidLayer(layer);
        for (JsonNode t : layer.path("techniques")) {
            if (!t.has("comment")) {
                continue;
            }
            int capabilities = Integer.parseInt(t.path("metadata").get(0).path("value").asText());
            String[] named = t.path("comment").asText().split("; ");
            if (capabilities > 5) {
                assertThat(named).hasSize(6);
                assertThat(named[5]).isEqualTo("and " + (capabilities - 5) + " more");
            } else {
                assertThat(named).hasSize(capabilities);
            }
            assertThat(t.path("metadata").size()).isLessThanOrEqualTo(2);
            if (t.path("techniqueID").asText().equals("T1078")) {
                assertThat(capabilities).isEqualTo(t1078.size());
                assertThat(t.path("score").asInt()).isEqualTo(t1078.size());
                assertThat(t.path("comment").asText()).startsWith(t1078.iterator().next() + " (mitigates)");
            }
        }
    }

    @Test
    void aLayerWhereEveryScoreIsOneHasOneLegendItem() {
        JsonNode layer = Parsed.json(run("export", "layer", "--capability", "AC-2"));
        Structure.assertValidLayer(layer);
        assertThat(layer.path("techniques").findValues("score")).isNotEmpty().allMatch(s -> s.asInt() == 1);
        assertThat(layer.path("legendItems").findValuesAsText("label")).containsExactly("1 capability");
        assertThat(layer.path("name").asText()).isEqualTo("AC-2 mappings");
    }

    @Test
    void stixBundleOfEverythingIsValidStixAndFollowsRevocations() {
        JsonNode attack = Corpus.tree(Corpus.attack());
        Cli.Run run = Cli.run("--data", Corpus.root().toString(), "export", "stix");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode bundle = Parsed.json(run.out());
        Structure.assertValidStixBundle(bundle, Structure.currentAttackPatternIds(attack));
        Map<String, String> replacements = revokedToReplacement();
        Set<String> capabilities = new HashSet<>();
        Set<String> vulnerabilities = new HashSet<>();
        int movedRelationships = 0;
        for (JsonNode o : bundle.path("objects")) {
            JsonNode extension = o.path("extensions").elements().hasNext() ? o.path("extensions").elements().next()
                    : o.path("extensions");
            switch (o.path("type").asText()) {
                case "course-of-action" -> capabilities.add(extension.path("mapping_framework").asText() + " "
                        + extension.path("capability_id").asText());
                case "vulnerability" -> {
                    vulnerabilities.add(o.path("name").asText());
                    capabilities.add(extension.path("mapping_framework").asText() + " " + o.path("name").asText());
                    assertThat(o.path("external_references").get(0).path("source_name").asText()).isEqualTo("cve");
                }
                case "relationship" -> {
                    if (replacements.containsKey(extension.path("attack_object_id").asText())) {
                        movedRelationships++;
                    }
                }
                default -> { }
            }
        }
        Set<String> expected = new HashSet<>();
        Set<String> expectedCves = new HashSet<>();
        Set<String> movedMappings = new HashSet<>();
        for (JsonNode file : newest) {
            String framework = file.path("metadata").path("mapping_framework").asText();
            for (JsonNode m : file.path("mapping_objects")) {
                if (mapped(m) && !m.path("capability_id").asText("").isBlank()) {
                    String capability = m.path("capability_id").asText().trim();
                    expected.add(framework + " " + capability);
                    if (capability.matches("CVE-\\d{4}-\\d+")) {
                        expectedCves.add(capability);
                    }
                    if (replacements.containsKey(m.path("attack_object_id").asText())) {
                        movedMappings.add(m.toString());
                    }
                }
            }
        }
        // Mappings whose technique is missing from ATT&CK 18.1 have no relationship, so their capability may be
        // absent; every capability in the bundle must come from the files.
        assertThat(expected).containsAll(capabilities);
        assertThat(capabilities.size()).isGreaterThan(expected.size() - 5);
        assertThat(expectedCves).containsAll(vulnerabilities);
        assertThat(vulnerabilities.size()).isGreaterThan(expectedCves.size() - 5);
        // Each mapping to a revoked technique is a relationship to its replacement (exact duplicates count once).
        assertThat(movedRelationships).isPositive().isEqualTo(movedMappings.size());
        assertThat(run.err()).contains("point at their replacements (" + movedMappings.size() + " mappings)");
    }

    @Test
    void allOfAwsInEveryFormat() {
        int expected = newestAws.path("mapping_objects").size();
        assertThat(Parsed.json(run("export", "mappings", "--framework", "aws", "-f", "json")).path("mappings"))
                .hasSize(expected);
        assertThat(Parsed.jsonLines(run("export", "mappings", "--framework", "aws", "-f", "jsonl"))).hasSize(expected);
        assertThat(Parsed.delimited(run("export", "mappings", "--framework", "aws", "-f", "csv"), ',')).hasSize(expected);
        assertThat(Parsed.yaml(run("export", "mappings", "--framework", "aws", "-f", "yaml")).path("mappings"))
                .hasSize(expected);
    }
}
