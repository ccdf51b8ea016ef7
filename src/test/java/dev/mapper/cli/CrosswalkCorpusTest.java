package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code crosswalk aws_secrets_manager --to nist_800_53} over the corpus against a plain walk of the newest AWS and
 * NIST files: every control sharing a technique, with the shared techniques and the Jaccard overlap.
 */
class CrosswalkCorpusTest {

    @Test
    void awsSecretsManagerToNistMatchesAnIndependentCount() throws Exception {
        Map<String, Set<String>> aws = techniquesByCapability("aws/aws-12.12.2024_attack-16.1-enterprise.json");
        Map<String, Set<String>> nist = techniquesByCapability("nist_800_53/nist_800_53-rev5_attack-16.1-enterprise.json");
        Set<String> source = aws.get("aws_secrets_manager");
        Map<String, Set<String>> expected = new TreeMap<>();
        nist.forEach((control, ids) -> {
            Set<String> shared = new TreeSet<>(ids);
            shared.retainAll(source);
            if (!shared.isEmpty()) {
                expected.put(control, shared);
            }
        });

        Cli.Run run = Cli.run("--data", Corpus.root().toString(), "crosswalk", "aws_secrets_manager",
                "--to", "nist_800_53", "--limit", "0", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.path("techniques").findValuesAsText("id")).containsExactlyElementsOf(source);
        assertThat(doc.path("total").asInt()).isEqualTo(expected.size()).isEqualTo(doc.path("items").size());
        double previous = 1;
        for (JsonNode item : doc.path("items")) {
            String control = item.path("capability_id").asText();
            Set<String> shared = expected.get(control);
            assertThat(shared).as(control).isNotNull();
            List<String> listed = new ArrayList<>();
            item.path("shared_techniques").forEach(t -> listed.add(t.asText()));
            assertThat(listed).as(control).containsExactlyElementsOf(shared);
            int union = source.size() + nist.get(control).size() - shared.size();
            assertThat(item.path("jaccard").asDouble()).as(control)
                    .isEqualTo(Math.round(shared.size() * 10000.0 / union) / 10000.0).isLessThanOrEqualTo(previous);
            previous = item.path("jaccard").asDouble();
        }
    }

    /** Technique IDs per capability_id in one file, non-mappable entries left out. */
    private static Map<String, Set<String>> techniquesByCapability(String file) {
        Map<String, Set<String>> byCapability = new TreeMap<>();
        for (JsonNode m : Corpus.tree(Corpus.mappings().resolve(file)).path("mapping_objects")) {
            String type = m.path("mapping_type").asText("");
            if (m.hasNonNull("attack_object_id") && m.hasNonNull("capability_id") && !type.isEmpty()
                    && !type.equals("non_mappable") && !m.path("status").asText().equals("non_mappable")) {
                byCapability.computeIfAbsent(m.path("capability_id").asText(), k -> new TreeSet<>())
                        .add(m.path("attack_object_id").asText());
            }
        }
        return byCapability;
    }
}
