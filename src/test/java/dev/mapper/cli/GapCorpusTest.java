package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Corpus;
import dev.mapper.testing.RawAttack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gap --have} over the corpus, every group against ten AWS services, checked against the same ranking and
 * greedy picks computed here from a plain walk of the bundle and the newest AWS file.
 */
class GapCorpusTest {

    /** Ten AWS services a team runs: the input of the recipe in docs/threats.md. */
    static final List<String> HAVE = List.of("aws_identity_and_access_management", "amazon_guardduty",
            "aws_cloudtrail", "amazon_virtual_private_cloud", "aws_web_application_firewall", "aws_config",
            "aws_security_hub", "amazon_inspector", "aws_key_management_service", "aws_secrets_manager");

    @TempDir
    Path dir;

    @Test
    void everyGroupAgainstTenAwsServicesMatchesAnIndependentRankingAndGreedyPicks() throws Exception {
        RawAttack attack = RawAttack.corpus();
        Map<String, Set<String>> usersOf = new TreeMap<>();
        for (String group : attack.activeGroups()) {
            for (String technique : attack.techniquesOfGroup(group, false)) {
                JsonNode t = attack.byAttackId(technique);
                if (!t.path("revoked").asBoolean() && !t.path("x_mitre_deprecated").asBoolean()) {
                    usersOf.computeIfAbsent(technique, k -> new TreeSet<>()).add(group);
                }
            }
        }
        // capability -> technique -> strongest score weight, in the newest AWS file
        Map<String, Map<String, Integer>> aws = new TreeMap<>();
        for (JsonNode m : Corpus.tree(Corpus.mappings().resolve("aws/aws-12.12.2024_attack-16.1-enterprise.json"))
                .path("mapping_objects")) {
            String type = m.path("mapping_type").asText("");
            if (m.hasNonNull("attack_object_id") && !type.isEmpty() && !type.equals("non_mappable")) {
                int weight = switch (m.path("score_value").asText("")) {
                    case "significant" -> 3;
                    case "partial" -> 2;
                    default -> 1;
                };
                aws.computeIfAbsent(m.path("capability_id").asText(), k -> new HashMap<>())
                        .merge(m.path("attack_object_id").asText(), weight, Math::max);
            }
        }
        Set<String> open = new TreeSet<>(usersOf.keySet());
        HAVE.forEach(c -> open.removeAll(aws.getOrDefault(c, Map.of()).keySet()));
        Map<String, Integer> closable = new HashMap<>();
        aws.forEach((c, techniques) -> {
            if (!HAVE.contains(c)) {
                techniques.keySet().forEach(t -> closable.merge(t, 1, Integer::sum));
            }
        });
        List<String> ranked = new ArrayList<>(open);
        ranked.sort(Comparator.comparingInt((String t) -> -usersOf.get(t).size())
                .thenComparingInt(t -> -closable.getOrDefault(t, 0)).thenComparing(t -> t));
        List<String> picks = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        Set<String> remaining = new TreeSet<>(open);
        for (int round = 0; round < 3; round++) {
            String best = null;
            int bestValue = 0;
            int bestCount = 0;
            for (Map.Entry<String, Map<String, Integer>> c : aws.entrySet()) {
                if (HAVE.contains(c.getKey())) {
                    continue;
                }
                int value = 0;
                int count = 0;
                for (Map.Entry<String, Integer> t : c.getValue().entrySet()) {
                    if (remaining.contains(t.getKey())) {
                        value += usersOf.get(t.getKey()).size() * t.getValue();
                        count++;
                    }
                }
                if (value > bestValue || (value == bestValue && value > 0 && count > bestCount)) {
                    best = c.getKey();
                    bestValue = value;
                    bestCount = count;
                }
            }
            picks.add(best);
            values.add(bestValue);
            remaining.removeAll(aws.get(best).keySet());
        }

        Path have = Files.writeString(dir.resolve("have.txt"), String.join("\n", HAVE) + "\n");
        Cli.Run run = Cli.run("--data", Corpus.root().toString(), "gap", "--have", have.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.path("adversaries")).hasSize(attack.activeGroups().size());
        assertThat(doc.path("techniques_used").asInt()).isEqualTo(usersOf.size());
        assertThat(doc.path("uncovered").asInt()).isEqualTo(open.size());
        List<String> top = new ArrayList<>();
        doc.path("gap").forEach(g -> {
            top.add(g.path("id").asText());
            assertThat(g.path("users").asInt()).isEqualTo(usersOf.get(g.path("id").asText()).size());
        });
        assertThat(top).containsExactlyElementsOf(ranked.subList(0, 10));
        assertThat(doc.path("recommendations").findValuesAsText("capability_id")).containsExactlyElementsOf(picks);
        List<Integer> actualValues = new ArrayList<>();
        doc.path("recommendations").forEach(r -> actualValues.add(r.path("value").asInt()));
        assertThat(actualValues).containsExactlyElementsOf(values);
    }
}
