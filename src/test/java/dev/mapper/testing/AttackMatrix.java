package dev.mapper.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

/**
 * An ATT&CK bundle's matrix read plainly from the JSON tree, independently of mapper's reader: the tactics in the
 * order of the {@code x-mitre-matrix}, the active (neither revoked nor deprecated) techniques by ID, and the active
 * techniques that are not sub-techniques by tactic shortname.
 */
public final class AttackMatrix {

    public final List<String> tacticNames = new ArrayList<>();
    public final List<String> tacticShortnames = new ArrayList<>();
    public final Map<String, JsonNode> active = new LinkedHashMap<>();
    public final Map<String, Set<String>> parentsByTactic = new HashMap<>();

    public AttackMatrix(JsonNode bundle) {
        Map<String, JsonNode> byStixId = new HashMap<>();
        JsonNode matrix = null;
        for (JsonNode o : bundle.path("objects")) {
            byStixId.put(o.path("id").asText(), o);
            if (o.path("type").asText().equals("x-mitre-matrix")) {
                matrix = o;
            }
        }
        for (JsonNode ref : matrix.path("tactic_refs")) {
            tacticNames.add(byStixId.get(ref.asText()).path("name").asText());
            tacticShortnames.add(byStixId.get(ref.asText()).path("x_mitre_shortname").asText());
        }
        tacticShortnames.forEach(t -> parentsByTactic.put(t, new TreeSet<>()));
        for (JsonNode o : bundle.path("objects")) {
            if (!o.path("type").asText().equals("attack-pattern") || o.path("revoked").asBoolean()
                    || o.path("x_mitre_deprecated").asBoolean()) {
                continue;
            }
            String id = StreamSupport.stream(o.path("external_references").spliterator(), false)
                    .filter(r -> r.path("source_name").asText().equals("mitre-attack"))
                    .map(r -> r.path("external_id").asText()).findFirst().orElse(null);
            active.put(id, o);
            if (!o.path("x_mitre_is_subtechnique").asBoolean()) {
                o.path("kill_chain_phases").forEach(p -> parentsByTactic
                        .computeIfAbsent(p.path("phase_name").asText(), k -> new TreeSet<>()).add(id));
            }
        }
    }

    /** What a cell with its sub-techniques folded in shows: the strongest score ("" when none) and the mappings. */
    public record Folded(String strongest, int mappings) {
    }

    /**
     * The mappings of a mapping file folded into the cells of this matrix: real mappings (not "nothing maps here")
     * to active techniques, each counted under its parent, with the strongest {@code score_value}.
     */
    public Map<String, Folded> fold(JsonNode mappingFile) {
        List<String> order = List.of("", "minimal", "partial", "significant");
        Map<String, Folded> folded = new HashMap<>();
        for (JsonNode m : mappingFile.path("mapping_objects")) {
            String id = m.path("attack_object_id").asText("");
            String type = m.path("mapping_type").asText("");
            if (id.isEmpty() || type.isEmpty() || type.equals("non_mappable")
                    || m.path("status").asText().equals("non_mappable") || !active.containsKey(id)) {
                continue;
            }
            String parent = id.contains(".") ? id.substring(0, id.indexOf('.')) : id;
            String score = m.path("score_value").asText("");
            folded.merge(parent, new Folded(score, 1), (a, b) -> new Folded(
                    order.indexOf(a.strongest()) >= order.indexOf(b.strongest()) ? a.strongest() : b.strongest(),
                    a.mappings() + b.mappings()));
        }
        return folded;
    }
}
