package dev.mapper.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A plain Jackson walk over an ATT&CK STIX bundle, written apart from mapper's reader, that tests compare mapper's
 * answers against: objects by STIX id and by ATT&CK ID, and the relationships between them, read straight from
 * the JSON (revoked or deprecated relationships left out, as ATT&CK's own tools do).
 */
public final class RawAttack {

    private static RawAttack corpus;

    private final Map<String, JsonNode> byStixId = new HashMap<>();
    private final Map<String, JsonNode> byAttackId = new HashMap<>();
    private final List<JsonNode> relationships;

    private RawAttack(JsonNode bundle) {
        List<JsonNode> rels = new ArrayList<>();
        for (JsonNode o : bundle.path("objects")) {
            byStixId.put(o.path("id").asText(), o);
            String id = attackId(o);
            // Analytics are named through their strategies; old mitigations carry the ID of the technique they
            // were for (T1174), which names the technique.
            String type = o.path("type").asText();
            if (id != null && !type.equals("x-mitre-analytic")
                    && !(type.equals("course-of-action") && byAttackId.containsKey(id))) {
                byAttackId.put(id, o);
            }
            if (o.path("type").asText().equals("relationship") && !o.path("revoked").asBoolean()
                    && !o.path("x_mitre_deprecated").asBoolean()) {
                rels.add(o);
            }
        }
        relationships = rels;
    }

    /** The corpus's enterprise bundle, read once. */
    public static synchronized RawAttack corpus() {
        if (corpus == null) {
            corpus = new RawAttack(Corpus.tree(Corpus.attack()));
        }
        return corpus;
    }

    public static String attackId(JsonNode object) {
        for (JsonNode ref : object.path("external_references")) {
            if (ref.path("source_name").asText().startsWith("mitre-") && ref.hasNonNull("external_id")) {
                return ref.path("external_id").asText();
            }
        }
        return null;
    }

    public JsonNode byAttackId(String id) {
        return byAttackId.get(id);
    }

    /** ATT&CK IDs of the targets of {@code type} relationships from the sources, whose STIX type starts with the prefix. */
    public Set<String> targets(Set<String> sourceAttackIds, String type, String targetPrefix) {
        Set<String> sources = new HashSet<>();
        sourceAttackIds.forEach(id -> sources.add(byAttackId.get(id).path("id").asText()));
        Set<String> found = new TreeSet<>();
        for (JsonNode r : relationships) {
            if (r.path("relationship_type").asText().equals(type) && sources.contains(r.path("source_ref").asText())
                    && r.path("target_ref").asText().startsWith(targetPrefix)) {
                found.add(attackId(byStixId.get(r.path("target_ref").asText())));
            }
        }
        return found;
    }

    /** ATT&CK IDs of the sources of {@code type} relationships to the target, whose STIX type starts with the prefix. */
    public Set<String> sources(String targetAttackId, String type, String sourcePrefix) {
        String target = byAttackId.get(targetAttackId).path("id").asText();
        Set<String> found = new TreeSet<>();
        for (JsonNode r : relationships) {
            if (r.path("relationship_type").asText().equals(type) && r.path("target_ref").asText().equals(target)
                    && r.path("source_ref").asText().startsWith(sourcePrefix)) {
                found.add(attackId(byStixId.get(r.path("source_ref").asText())));
            }
        }
        return found;
    }

    /**
     * The techniques a group uses as ATT&CK's group page counts them: its own and those of the campaigns
     * attributed to it; with {@code software}, also those of the software the group or those campaigns use.
     */
    public Set<String> techniquesOfGroup(String groupId, boolean software) {
        Set<String> users = new TreeSet<>(Set.of(groupId));
        users.addAll(sources(groupId, "attributed-to", "campaign--"));
        if (software) {
            users.addAll(targets(Set.copyOf(users), "uses", "malware--"));
            users.addAll(targets(Set.copyOf(users), "uses", "tool--"));
        }
        return targets(users, "uses", "attack-pattern--");
    }

    /** Every intrusion-set neither revoked nor deprecated, by ATT&CK ID. */
    public Set<String> activeGroups() {
        Set<String> groups = new TreeSet<>();
        byAttackId.forEach((id, o) -> {
            if (o.path("type").asText().equals("intrusion-set") && !o.path("revoked").asBoolean()
                    && !o.path("x_mitre_deprecated").asBoolean()) {
                groups.add(id);
            }
        });
        return groups;
    }
}
