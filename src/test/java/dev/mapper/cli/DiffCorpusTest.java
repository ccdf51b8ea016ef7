package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Corpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code diff} over the real corpus. Expected counts come from {@link Expected}, a plain Jackson tree walk over the
 * same two files (and the ATT&CK bundle's revoked-by relationships) with its own keying.
 */
class DiffCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path file(String framework, String name) {
        return Corpus.mappings().resolve(framework).resolve(name);
    }

    private static Path aws9() {
        return file("aws", "aws-09.21.2021_attack-9.0-enterprise.json");
    }

    private static Path aws16() {
        return file("aws", "aws-12.12.2024_attack-16.1-enterprise.json");
    }

    private static Path nist(String attack) {
        return file("nist_800_53", "nist_800_53-rev5_attack-" + attack + "-enterprise.json");
    }

    private static JsonNode diffJson(String... args) throws Exception {
        Cli.Run run = Cli.run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private static JsonNode diffWithAttack(Path old, Path neu) throws Exception {
        return diffJson("--data", Corpus.attack().toString(), "diff", old.toString(), neu.toString(), "-f", "json");
    }

    private static void assertCounts(JsonNode doc, Expected expected) {
        JsonNode summary = doc.path("summary");
        Map<String, Integer> actual = new LinkedHashMap<>();
        for (String kind : Expected.KINDS) {
            actual.put(kind, summary.path(kind).asInt(-1));
        }
        assertThat(actual).isEqualTo(expected.counts);
        assertThat(summary.path("differences").asInt()).isEqualTo(doc.path("items").size())
                .isEqualTo(expected.differences());
        Map<String, Integer> kinds = new HashMap<>();
        doc.path("items").forEach(item -> kinds.merge(item.path("kind").asText(), 1, Integer::sum));
        expected.counts.forEach((kind, n) -> {
            if (!kind.equals("unchanged")) {
                assertThat(kinds.getOrDefault(kind, 0)).as(kind).isEqualTo(n);
            }
        });
        assertThat(ids(summary.path("coverage_gained"))).isEqualTo(expected.gained);
        assertThat(ids(summary.path("coverage_lost"))).isEqualTo(expected.lost);
        Map<String, Integer> fields = new TreeMap<>();
        summary.path("changed_fields").fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asInt()));
        assertThat(fields).isEqualTo(expected.fields);
    }

    private static Set<String> ids(JsonNode notes) {
        Set<String> ids = new TreeSet<>();
        notes.forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    @Test
    void aws90To161MatchesAnIndependentCount() throws Exception {
        Expected expected = Expected.of(aws9(), aws16(), Expected.revocations());
        assertCounts(diffWithAttack(aws9(), aws16()), expected);
        // Pinned too, so that a fault shared by mapper and the oracle above still shows.
        assertThat(expected.counts).containsEntry("added", 34).containsEntry("removed", 0)
                .containsEntry("changed", 261).containsEntry("moved", 0).containsEntry("unchanged", 202);
    }

    @Test
    void nistRev5From141To161IsMostlyARenamedMappingType() throws Exception {
        Expected expected = Expected.of(nist("14.1"), nist("16.1"), Expected.revocations());
        JsonNode doc = diffWithAttack(nist("14.1"), nist("16.1"));
        assertCounts(doc, expected);
        assertThat(expected.counts).containsEntry("added", 312).containsEntry("removed", 85)
                .containsEntry("changed", 5048).containsEntry("duplicated", 0);
        assertThat(expected.fields).containsEntry("mapping_type", 5048);
        for (JsonNode item : doc.path("items")) {
            if (item.path("kind").asText().equals("changed")) {
                assertThat(item.path("old").path("mapping_type").asText()).isIn("protects", "non_mappable");
                assertThat(item.path("new").path("mapping_type").asText(null)).isIn("mitigates", null);
            }
        }
        assertThat(doc.path("new").path("exact_duplicates").asInt()).isEqualTo(expected.newDuplicates).isEqualTo(50);
    }

    @Test
    void aRevokedTechniqueReappearingUnderItsReplacementIsMoved() throws Exception {
        Map<String, String> revocations = Expected.revocations();
        Expected expected = Expected.of(nist("8.2"), nist("16.1"), revocations);
        assertThat(expected.counts.get("moved")).isPositive();
        JsonNode doc = diffWithAttack(nist("8.2"), nist("16.1"));
        assertCounts(doc, expected);
        for (JsonNode item : doc.path("items")) {
            if (item.path("kind").asText().equals("moved")) {
                String from = item.path("moved_from").asText();
                assertThat(Expected.resolves(from, item.path("attack_object_id").asText(), revocations)).isTrue();
                assertThat(ids(doc.path("techniques"))).contains(from);
            }
        }

        // Without ATT&CK data nothing is known to be revoked: each move is a remove + add.
        JsonNode blind = diffJson("--no-bundled", "diff", nist("8.2").toString(), nist("16.1").toString(),
                "-f", "json");
        Expected unexplained = Expected.of(nist("8.2"), nist("16.1"), Map.of());
        assertCounts(blind, unexplained);
        assertThat(unexplained.counts.get("removed"))
                .isEqualTo(expected.counts.get("removed") + expected.counts.get("moved"));
    }

    @Test
    void loadedSetNamesGiveTheSameDiffAsPaths() throws Exception {
        String nistDir = Corpus.mappings().resolve("nist_800_53").toString();
        JsonNode byName = diffJson("--data", nistDir, "diff", "nist_800_53@rev5@14.1", "NIST_800_53@rev5", "-f", "json");
        assertThat(byName.path("new").path("mapping_set").asText()).isEqualTo("nist_800_53@rev5@16.1");
        JsonNode byPath = diffJson("diff", nist("14.1").toString(), nist("16.1").toString(), "-f", "json");
        assertThat(byName.path("summary")).isEqualTo(byPath.path("summary"));
    }

    @Test
    void aFileDiffedWithItselfReportsNothingAndExitsZero() throws Exception {
        for (Path file : List.of(aws16(), nist("16.1"))) {
            Cli.Run json = Cli.run("diff", file.toString(), file.toString(), "--exit-code", "-f", "json");
            assertThat(json.exitCode()).as(json.err()).isEqualTo(ExitCodes.OK);
            JsonNode doc = JSON.readTree(json.out());
            assertThat(doc.path("items")).isEmpty();
            assertThat(doc.path("summary").path("differences").asInt()).isZero();
            assertThat(doc.path("summary").path("unchanged").asInt())
                    .isEqualTo(doc.path("new").path("mapping_objects").asInt()
                            - doc.path("new").path("exact_duplicates").asInt());
            Cli.Run table = Cli.run("diff", file.toString(), file.toString(), "--exit-code");
            assertThat(table.exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(table.out()).contains("no differences").doesNotContain("Added", "Changed");
        }
    }

    @Test
    void exitCodeIsOneOnDifferencesOnlyWhenAsked() {
        Cli.Run asked = Cli.run("diff", aws9().toString(), aws16().toString(), "--exit-code");
        assertThat(asked.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED).isEqualTo(1);
        assertThat(asked.out()).contains("Summary");
        assertThat(asked.out().indexOf("Summary")).isLessThan(asked.out().indexOf("Added (34)"));
        assertThat(Cli.run("diff", aws9().toString(), aws16().toString()).exitCode()).isZero();
    }

    /** The independent computation: every rule of docs/diff.md, written out plainly over Jackson trees. */
    static final class Expected {

        static final List<String> KINDS = List.of("added", "removed", "changed", "moved", "duplicated", "unchanged");
        private static final Set<String> KEY_FIELDS = Set.of("capability_id", "attack_object_id", "score_category");
        private static final Set<String> SET_FIELDS = Set.of("mapping_framework", "mapping_framework_version",
                "attack_version", "technology_domain");

        final Map<String, Integer> counts = new LinkedHashMap<>();
        final Map<String, Integer> fields = new TreeMap<>();
        final Set<String> gained = new TreeSet<>();
        final Set<String> lost = new TreeSet<>();
        int newDuplicates;

        int differences() {
            return counts.values().stream().mapToInt(Integer::intValue).sum() - counts.get("unchanged");
        }

        private static Map<String, String> revocations;

        /** "T1234" → the ID that revoked it, from the bundle's revoked-by relationships; read once. */
        static synchronized Map<String, String> revocations() {
            if (revocations == null) {
                revocations = readRevocations();
            }
            return revocations;
        }

        private static Map<String, String> readRevocations() {
            JsonNode bundle = Corpus.tree(Corpus.attack());
            Map<String, String> idOf = new HashMap<>();
            for (JsonNode o : bundle.path("objects")) {
                for (JsonNode ref : o.path("external_references")) {
                    if (o.path("type").asText().equals("attack-pattern")
                            && ref.path("source_name").asText().equals("mitre-attack")) {
                        idOf.put(o.path("id").asText(), ref.path("external_id").asText());
                    }
                }
            }
            Map<String, String> revokedBy = new HashMap<>();
            for (JsonNode o : bundle.path("objects")) {
                String from = idOf.get(o.path("source_ref").asText());
                String to = idOf.get(o.path("target_ref").asText());
                if (o.path("relationship_type").asText().equals("revoked-by") && !o.path("revoked").asBoolean()
                        && from != null && to != null) {
                    revokedBy.put(from, to);
                }
            }
            return revokedBy;
        }

        static boolean resolves(String from, String to, Map<String, String> revokedBy) {
            Set<String> seen = new HashSet<>();
            for (String id = revokedBy.get(from); id != null && seen.add(id); id = revokedBy.get(id)) {
                if (id.equals(to)) {
                    return true;
                }
            }
            return false;
        }

        static Expected of(Path oldFile, Path newFile, Map<String, String> revokedBy) {
            Expected e = new Expected();
            KINDS.forEach(k -> e.counts.put(k, 0));
            Map<List<String>, Map<JsonNode, Integer>> olds = group(Corpus.tree(oldFile));
            Map<List<String>, Map<JsonNode, Integer>> news = group(Corpus.tree(newFile));
            e.newDuplicates = news.values().stream().flatMap(m -> m.values().stream()).mapToInt(n -> n - 1).sum();
            TreeMap<List<String>, Map<JsonNode, Integer>> onlyOld = new TreeMap<>(KEY_ORDER);
            TreeMap<List<String>, Map<JsonNode, Integer>> onlyNew = new TreeMap<>(KEY_ORDER);
            olds.forEach((key, contents) -> {
                if (news.containsKey(key)) {
                    e.match(contents, news.get(key), "changed");
                } else {
                    onlyOld.put(key, contents);
                }
            });
            news.forEach((key, contents) -> {
                if (!olds.containsKey(key)) {
                    onlyNew.put(key, contents);
                }
            });
            for (List<String> key : new ArrayList<>(onlyOld.keySet())) {
                Set<String> seen = new HashSet<>();
                for (String id = revokedBy.get(key.get(1)); id != null && seen.add(id); id = revokedBy.get(id)) {
                    List<String> target = java.util.Arrays.asList(key.get(0), id, key.get(2));
                    if (onlyNew.containsKey(target)) {
                        e.match(onlyOld.remove(key), onlyNew.remove(target), "moved");
                        break;
                    }
                }
            }
            onlyOld.values().forEach(c -> e.counts.merge("removed", c.size(), Integer::sum));
            onlyNew.values().forEach(c -> e.counts.merge("added", c.size(), Integer::sum));
            Set<String> oldCovered = covered(Corpus.tree(oldFile));
            Set<String> newCovered = covered(Corpus.tree(newFile));
            newCovered.stream().filter(id -> !oldCovered.contains(id)).forEach(e.gained::add);
            oldCovered.stream().filter(id -> !newCovered.contains(id)).forEach(e.lost::add);
            return e;
        }

        /** Identical contents first; then as many pairs as both sides have left; the rest removed or added. */
        private void match(Map<JsonNode, Integer> olds, Map<JsonNode, Integer> news, String kind) {
            List<JsonNode> oldLeft = new ArrayList<>(olds.keySet());
            List<JsonNode> newLeft = new ArrayList<>(news.keySet());
            for (JsonNode content : olds.keySet()) {
                if (news.containsKey(content)) {
                    oldLeft.remove(content);
                    newLeft.remove(content);
                    String outcome = kind.equals("moved") ? "moved"
                            : Objects.equals(olds.get(content), news.get(content)) ? "unchanged" : "duplicated";
                    counts.merge(outcome, 1, Integer::sum);
                }
            }
            int pairs = Math.min(oldLeft.size(), newLeft.size());
            counts.merge(kind, pairs, Integer::sum);
            counts.merge("removed", oldLeft.size() - pairs, Integer::sum);
            counts.merge("added", newLeft.size() - pairs, Integer::sum);
            if (oldLeft.size() == 1 && newLeft.size() == 1) {
                JsonNode a = oldLeft.get(0);
                JsonNode b = newLeft.get(0);
                Set<String> names = new TreeSet<>();
                a.fieldNames().forEachRemaining(names::add);
                b.fieldNames().forEachRemaining(names::add);
                names.stream().filter(n -> !Objects.equals(a.get(n), b.get(n)))
                        .forEach(n -> fields.merge(n, 1, Integer::sum));
            }
        }

        private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
        private static final Comparator<List<String>> KEY_ORDER = Comparator
                .comparing((List<String> k) -> k.get(1), NULLS_FIRST)
                .thenComparing(k -> k.get(0), NULLS_FIRST)
                .thenComparing(k -> k.get(2), NULLS_FIRST);

        /** Key → distinct content → copies. Content: the object without key fields, set copies and null fields. */
        private static Map<List<String>, Map<JsonNode, Integer>> group(JsonNode file) {
            Map<List<String>, Map<JsonNode, Integer>> groups = new LinkedHashMap<>();
            for (JsonNode m : file.path("mapping_objects")) {
                String attack = m.path("attack_object_id").isTextual() && !m.path("attack_object_id").asText().isBlank()
                        ? m.path("attack_object_id").asText().trim().toUpperCase(java.util.Locale.ROOT) : null;
                List<String> key = java.util.Arrays.asList(m.path("capability_id").textValue(), attack,
                        m.path("score_category").textValue());
                ObjectNode content = JSON.createObjectNode();
                m.fields().forEachRemaining(f -> {
                    if (!KEY_FIELDS.contains(f.getKey()) && !SET_FIELDS.contains(f.getKey()) && !f.getValue().isNull()) {
                        content.set(f.getKey(), f.getValue());
                    }
                });
                groups.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(content, 1, Integer::sum);
            }
            return groups;
        }

        private static Set<String> covered(JsonNode file) {
            Set<String> ids = new TreeSet<>();
            for (JsonNode m : file.path("mapping_objects")) {
                String type = m.path("mapping_type").textValue();
                boolean nonMappable = type == null || type.equals("non_mappable")
                        || "non_mappable".equals(m.path("status").textValue());
                if (!nonMappable && m.path("attack_object_id").isTextual()) {
                    ids.add(m.path("attack_object_id").asText().trim().toUpperCase(java.util.Locale.ROOT));
                }
            }
            return ids;
        }
    }
}
