package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapper.testing.AttackBundle;
import dev.mapper.testing.Cli;
import dev.mapper.testing.MappingFiles.MappingObject;
import dev.mapper.testing.MappingFiles;
import dev.mapper.testing.Parsed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matching rules of docs/diff.md, each on two small mapping files written by the test. */
class DiffRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A mapping whose description and technique name follow from its IDs ("c description", "Name of T1001"). */
    private static MappingObject mapping(String capability, String technique, String category, String type,
                                         String score) {
        return MappingFiles.mapping(capability, technique).type(type).score(category, score)
                .description(capability == null ? null : capability + " description")
                .name(technique == null ? null : "Name of " + technique);
    }

    /** A file of the test framework's set (version 1) mapped to that ATT&CK version, written to {@code name}. */
    private Path file(String name, String attackVersion, MappingObject... mappings) {
        return MappingFiles.file("test").attack(attackVersion).add(mappings).write(dir.resolve(name));
    }

    private static JsonNode diff(Path old, Path neu, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of(more));
        args.addAll(List.of("diff", old.toString(), neu.toString(), "-f", "json"));
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private static List<String> kinds(JsonNode doc) {
        List<String> kinds = new ArrayList<>();
        doc.path("items").forEach(item -> kinds.add(item.path("kind").asText()));
        return kinds;
    }

    @Test
    void protectAndDetectOfOnePairAreTwoMappings() throws Exception {
        Path old = file("old.json", "9.0", mapping("c", "T1001", "protect", "technique_scores", "minimal"),
                mapping("c", "T1001", "detect", "technique_scores", "partial"));
        Path neu = file("new.json", "16.1", mapping("c", "T1001", "protect", "technique_scores", "minimal"),
                mapping("c", "T1001", "detect", "technique_scores", "significant"));
        JsonNode doc = diff(old, neu);
        assertThat(kinds(doc)).containsExactly("changed");
        JsonNode item = doc.path("items").get(0);
        assertThat(item.path("score_category").asText()).isEqualTo("detect");
        assertThat(item.path("fields")).extracting(JsonNode::asText).containsExactly("score_value");
        assertThat(doc.path("summary").path("unchanged").asInt()).isEqualTo(1);
    }

    @Test
    void aRenamedMappingTypeIsAChangeNotARemoveAndAdd() throws Exception {
        Path old = file("old.json", "14.1", mapping("AC-2", "T1078", null, "protects", null));
        Path neu = file("new.json", "16.1", mapping("AC-2", "T1078", null, "mitigates", null));
        JsonNode doc = diff(old, neu);
        assertThat(kinds(doc)).containsExactly("changed");
        assertThat(doc.path("summary").path("changed_fields").path("mapping_type").asInt()).isEqualTo(1);
        Cli.Run table = Cli.run("diff", old.toString(), neu.toString());
        assertThat(table.out()).contains("mapping_type: protects → mitigates");
    }

    @Test
    void exactDuplicatesAreReportedAsSuchNotAsChanges() throws Exception {
        MappingObject a = mapping("c", "T1001", "protect", "technique_scores", "minimal");
        Path old = file("old.json", "16.1", a);
        Path neu = file("new.json", "16.1", a, a);
        JsonNode doc = diff(old, neu);
        assertThat(kinds(doc)).containsExactly("duplicated");
        assertThat(doc.path("items").get(0).path("old_copies").asInt()).isEqualTo(1);
        assertThat(doc.path("items").get(0).path("new_copies").asInt()).isEqualTo(2);
        assertThat(doc.path("new").path("exact_duplicates").asInt()).isEqualTo(1);
        assertThat(Cli.run("diff", old.toString(), neu.toString(), "--exit-code").exitCode())
                .isEqualTo(ExitCodes.CHECK_FAILED);

        JsonNode self = diff(neu, neu);
        assertThat(self.path("items")).isEmpty();
        assertThat(self.path("summary").path("unchanged").asInt()).isEqualTo(1);
    }

    @Test
    void severalMappingsWithOneKeyPairIdenticalFirstThenClosest() throws Exception {
        MappingObject same = mapping("c", "T1001", "protect", "technique_scores", "minimal").comments("one");
        MappingObject before = mapping("c", "T1001", "protect", "technique_scores", "partial").comments("two");
        MappingObject after = mapping("c", "T1001", "protect", "technique_scores", "significant").comments("two");
        MappingObject extra = mapping("c", "T1001", "protect", "technique_scores", "minimal").comments("three")
                .description("other");
        JsonNode doc = diff(file("old.json", "16.1", same, before), file("new.json", "16.1", extra, after, same));
        assertThat(kinds(doc)).containsExactly("added", "changed");
        assertThat(doc.path("items").get(1).path("fields")).extracting(JsonNode::asText).containsExactly("score_value");
        assertThat(doc.path("summary").path("unchanged").asInt()).isEqualTo(1);
    }

    @Test
    void aNullScoreCategoryIsAValueOfItsOwn() throws Exception {
        JsonNode doc = diff(file("old.json", "16.1", mapping("c", "T1001", null, "related_to", null)),
                file("new.json", "16.1", mapping("c", "T1001", "protect", "related_to", null)));
        assertThat(kinds(doc)).containsExactly("added", "removed");
    }

    @Test
    void nonMappableEntriesMatchOnTheirOneIdAndDoNotCover() throws Exception {
        Path old = file("old.json", "14.1", mapping(null, "T1002", null, "non_mappable", null),
                mapping("aws_artifact", null, null, "non_mappable", null),
                mapping("c", "T1003", null, "protects", null));
        Path neu = file("new.json", "16.1", mapping(null, "T1002", null, null, null).comments("none"),
                mapping("aws_artifact", null, null, "non_mappable", null),
                mapping(null, "T1003", null, null, null));
        JsonNode doc = diff(old, neu);
        assertThat(kinds(doc)).containsExactly("added", "removed", "changed");
        JsonNode changed = doc.path("items").get(2);
        assertThat(changed.path("capability_id").isNull()).isTrue();
        assertThat(changed.path("attack_object_id").asText()).isEqualTo("T1002");
        assertThat(changed.path("fields")).extracting(JsonNode::asText).containsExactly("mapping_type", "comments");
        assertThat(doc.path("summary").path("unchanged").asInt()).isEqualTo(1);
        assertThat(doc.path("summary").path("coverage_lost")).extracting(n -> n.path("id").asText())
                .containsExactly("T1003");
        assertThat(doc.path("summary").path("coverage_gained")).isEmpty();
    }

    @Test
    void aMappingToARevokedTechniqueThatReappearsUnderItsReplacementIsMoved() throws Exception {
        Path attack = AttackBundle.of("enterprise", "17.0").credentialAccess().technique("T1000", "Old Name")
                .technique("T2000", "New Name").revokedBy("T1000", "T2000")
                .write(dir.resolve("enterprise-attack-17.0.json"));
        Path old = file("old.json", "9.0", mapping("c", "T1000", "protect", "technique_scores", "minimal"));
        Path neu = file("new.json", "16.1", mapping("c", "T2000", "protect", "technique_scores", "minimal"));

        JsonNode doc = diff(old, neu, "--no-bundled", "--data", attack.toString());
        assertThat(kinds(doc)).containsExactly("moved");
        JsonNode moved = doc.path("items").get(0);
        assertThat(moved.path("moved_from").asText()).isEqualTo("T1000");
        assertThat(moved.path("attack_object_id").asText()).isEqualTo("T2000");
        assertThat(moved.path("fields")).extracting(JsonNode::asText).containsExactly("attack_object_name");
        assertThat(doc.path("techniques")).anySatisfy(note -> {
            assertThat(note.path("id").asText()).isEqualTo("T1000");
            assertThat(note.path("revoked_by").asText()).isEqualTo("T2000");
        });
        Cli.Run table = Cli.run("--no-bundled", "--data", attack.toString(), "diff", old.toString(), neu.toString());
        assertThat(table.out()).contains("Moved (1)", "T1000 → T2000", "revoked by T2000");

        assertThat(kinds(diff(old, neu, "--no-bundled"))).containsExactly("added", "removed");
    }

    @Test
    void everyFormatCarriesTheItemsOfJson() throws Exception {
        Path old = file("old.json", "14.1", mapping("AC-2", "T1078", null, "protects", null),
                mapping("AC-3", "T1078", null, "protects", null));
        Path neu = file("new.json", "16.1", mapping("AC-2", "T1078", null, "mitigates", null),
                mapping("AC-4", "T1078", null, "mitigates", null));
        JsonNode items = diff(old, neu).path("items");
        List<String> kinds = List.of("added", "removed", "changed");
        assertThat(items).extracting(i -> i.path("kind").asText()).isEqualTo(kinds);
        String[] args = {"diff", old.toString(), neu.toString(), "-f"};

        List<JsonNode> lines = new ArrayList<>();
        items.forEach(lines::add);
        assertThat(Parsed.jsonLines(Cli.run(with(args, "jsonl")).out())).isEqualTo(lines);
        assertThat(Parsed.yaml(Cli.run(with(args, "yaml")).out()).path("items")).isEqualTo(items);
        for (String format : List.of("csv", "tsv")) {
            assertThat(Parsed.delimited(Cli.run(with(args, format)).out(), format.equals("csv") ? ',' : '\t'))
                    .extracting(row -> row.get("kind") + " " + row.get("capability_id")).containsExactly(
                            "added AC-4", "removed AC-3", "changed AC-2");
        }
        String markdown = Cli.run(with(args, "markdown")).out();
        assertThat(markdown).startsWith("# test@1@14.1 → test@1@16.1\n").contains("| changed | AC-2 | T1078 |");
        String table = Cli.run(with(args, "table")).out();
        assertThat(table.indexOf("Summary")).isLessThan(table.indexOf("Added (1)"));
        assertThat(table).contains("+ AC-4", "- AC-3", "~ AC-2", "mapping_type: protects → mitigates");
    }

    private static String[] with(String[] args, String format) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = format;
        return all;
    }

    @Test
    void unknownSetNamesAndWrongFilesFailWithTheirExitCodes() throws Exception {
        Path one = file("one.json", "16.1", mapping("c", "T1001", "protect", "technique_scores", "minimal"));
        Path copy = Files.copy(one, dir.resolve("copy.json"));

        Cli.Run unknown = Cli.run("--data", one.toString(), "diff", "test@2", one.toString());
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(unknown.err()).contains("unknown mapping set test@2", "test@1@16.1");
        assertThat(unknown.out()).isEmpty();

        Cli.Run twice = Cli.run("--data", one.toString(), "--data", copy.toString(), "diff", "test@1@16.1", "test@1");
        assertThat(twice.exitCode()).isEqualTo(ExitCodes.AMBIGUOUS);
        assertThat(twice.err()).contains(one.toString(), copy.toString(), "give the file path instead");

        Cli.Run missing = Cli.run("diff", dir.resolve("nope.json").toString(), one.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_DATA);
        assertThat(missing.err()).contains("no such file");

        Path bundle = dir.resolve("bundle.json");
        Files.writeString(bundle, "{\"type\": \"bundle\", \"objects\": []}");
        Cli.Run stix = Cli.run("diff", bundle.toString(), one.toString());
        assertThat(stix.exitCode()).isEqualTo(ExitCodes.BAD_DATA);
        assertThat(stix.err()).contains("not a Mappings Explorer mapping file");
    }
}
