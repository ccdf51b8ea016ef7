package dev.mapper.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingSet;
import dev.mapper.model.SelectionReport;
import dev.mapper.model.Technique;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A STIX 2.1 bundle of a selection, built offline: one {@code course-of-action} per capability and one
 * {@code relationship} per mapping ({@code mitigates} for protect and mitigates-type mappings, {@code related-to}
 * otherwise) whose {@code target_ref} is the {@code attack-pattern} id in the loaded ATT&CK data. Ids are UUIDv5 of
 * the content and timestamps come from the mapping files, so the same data always gives the same bundle.
 */
public final class StixBundle {

    /** The namespace of mapper's UUIDv5 ids (a fixed random UUID, so ids differ from other tools' on the same names). */
    static final UUID NAMESPACE = UUID.fromString("2f1e0d0c-8b5a-4c7e-9f41-6a3d2b9e7c15");
    /** For files without a usable date: a fixed instant keeps the output reproducible. */
    static final String UNDATED = "1970-01-01T00:00:00.000Z";
    private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Set<String> MITIGATING_TYPES = Set.of("mitigates", "protects");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StixBundle() {
    }

    /** Writes the bundle; returns how many mappings were left out because no loaded ATT&CK data has their technique. */
    public static int write(SelectionReport report, Writer out) throws IOException {
        Map<String, ObjectNode> capabilities = new TreeMap<>();
        Map<String, ObjectNode> relationships = new TreeMap<>();
        int unresolved = 0;
        for (Mapping m : report.mappings()) {
            if (m.nonMappable() || m.capabilityId() == null) {
                continue;
            }
            Technique technique = m.techniqueId() == null ? null : report.techniques().get(m.techniqueId());
            if (technique == null || technique.stixId() == null) {
                unresolved++;
                continue;
            }
            ObjectNode capability = capabilities.computeIfAbsent(capabilityKey(m), k -> courseOfAction(m, k));
            ObjectNode relationship = relationship(m, capability.get("id").asText(), technique.stixId());
            relationships.putIfAbsent(relationship.get("id").asText(), relationship);
        }
        ArrayNode objects = NODES.arrayNode();
        capabilities.values().forEach(objects::add);
        relationships.values().forEach(objects::add);
        StringBuilder ids = new StringBuilder();
        objects.forEach(o -> ids.append(o.get("id").asText()).append('\n'));
        ObjectNode bundle = NODES.objectNode();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + uuid5(ids.toString()));
        bundle.set("objects", objects);
        JsonRenderer.writeDocument(bundle, out);
        return unresolved;
    }

    /** {@code mitigates} for protect-category scores and mitigates/protects mapping types, else {@code related-to}. */
    static String relationshipType(Mapping m) {
        return "protect".equalsIgnoreCase(m.scoreCategory()) || MITIGATING_TYPES.contains(m.mappingType())
                ? "mitigates" : "related-to";
    }

    private static String capabilityKey(Mapping m) {
        return m.set().framework() + "\u0000" + m.capabilityId().trim();
    }

    private static ObjectNode courseOfAction(Mapping m, String key) {
        MappingSet set = m.set();
        ObjectNode coa = common("course-of-action", "course-of-action--" + uuid5("course-of-action\n" + key), set);
        String id = m.capabilityId().trim();
        coa.put("name", m.capabilityDescription() == null || m.capabilityDescription().isBlank()
                ? id : m.capabilityDescription());
        coa.putArray("external_references").addObject().put("source_name", set.framework()).put("external_id", id);
        coa.put("x_mapex_capability_id", id);
        putIfPresent(coa, "x_mapex_capability_group", m.capabilityGroup());
        coa.put("x_mapex_mapping_framework", set.framework());
        return coa;
    }

    private static ObjectNode relationship(Mapping m, String source, String target) {
        String type = relationshipType(m);
        String content = String.join("\n", "relationship", source, type, target, m.set().key().toString(),
                String.valueOf(m.mappingType()), String.valueOf(m.scoreCategory()), String.valueOf(m.scoreValue()));
        ObjectNode rel = common("relationship", "relationship--" + uuid5(content), m.set());
        rel.put("relationship_type", type);
        rel.put("source_ref", source);
        rel.put("target_ref", target);
        if (m.comments() != null && !m.comments().isBlank()) {
            rel.put("description", m.comments());
        }
        if (m.references() != null && !m.references().isEmpty()) {
            ArrayNode refs = rel.putArray("external_references");
            m.references().forEach(url -> refs.addObject().put("source_name", "reference").put("url", url));
        }
        putIfPresent(rel, "x_mapex_mapping_type", m.mappingType());
        putIfPresent(rel, "x_mapex_score_category", m.scoreCategory());
        putIfPresent(rel, "x_mapex_score_value", m.scoreValue());
        rel.put("x_mapex_mapping_set", m.set().key().toString());
        return rel;
    }

    /** STIX 2.1 forbids null property values: an absent field is left out. */
    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** The properties every STIX 2.1 object has; created/modified from the set's creation and update dates. */
    private static ObjectNode common(String type, String id, MappingSet set) {
        String created = timestamp(set.creationDate());
        String modified = timestamp(set.lastUpdate());
        if (created == null) {
            created = modified == null ? UNDATED : modified;
        }
        if (modified == null || modified.compareTo(created) < 0) {
            modified = created;
        }
        ObjectNode node = NODES.objectNode();
        node.put("type", type);
        node.put("spec_version", "2.1");
        node.put("id", id);
        node.put("created", created);
        node.put("modified", modified);
        return node;
    }

    /** Mappings Explorer dates are MM/DD/YYYY; STIX wants an RFC 3339 UTC timestamp. */
    private static String timestamp(String usDate) {
        Matcher date = usDate == null ? null : US_DATE.matcher(usDate.trim());
        if (date == null || !date.matches()) {
            return null;
        }
        return String.format("%s-%02d-%02dT00:00:00.000Z", date.group(3), Integer.parseInt(date.group(1)),
                Integer.parseInt(date.group(2)));
    }

    /** RFC 4122 name-based UUID, version 5 (SHA-1), in {@link #NAMESPACE}. */
    static UUID uuid5(String name) {
        return uuid5(NAMESPACE, name);
    }

    static UUID uuid5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                    .putLong(namespace.getLeastSignificantBits()).array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
        }
    }
}
