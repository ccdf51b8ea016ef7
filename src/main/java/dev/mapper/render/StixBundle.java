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
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A STIX 2.1 bundle of a selection, built offline: one {@code course-of-action} per capability (a
 * {@code vulnerability} for a capability that is a CVE) and one {@code relationship} per mapping, to the
 * {@code attack-pattern} id in the loaded ATT&CK data, following revoked-by to the technique that replaced a revoked
 * one. What Mappings Explorer says beyond STIX travels in a property extension that the bundle defines
 * ({@code extension-definition}, schema text {@link #EXTENSION_SCHEMA}), so strict STIX parsers accept every object.
 * Ids are UUIDv5 of the content and timestamps come from the mapping files, so the same data always gives the same
 * bundle.
 */
public final class StixBundle {

    /** The namespace of mapper's UUIDv5 ids (a fixed random UUID, so ids differ from other tools' on the same names). */
    static final UUID NAMESPACE = UUID.fromString("2f1e0d0c-8b5a-4c7e-9f41-6a3d2b9e7c15");
    /** For files without a usable date: a fixed instant keeps the output reproducible. */
    static final String UNDATED = "1970-01-01T00:00:00.000Z";
    /** When mapper's own objects (its identity, version 1.0.0 of its extension) were defined. */
    static final String DEFINED = "2026-12-01T00:00:00.000Z";
    static final String IDENTITY_ID = "identity--" + uuid5("identity\nmapper");
    static final String EXTENSION_ID =
            "extension-definition--" + uuid5("extension-definition\nmapex-properties\n1.0.0");
    /** The JSON Schema of the extension's properties (docs/export.md quotes it; a test checks they agree). */
    static final String EXTENSION_SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "Mappings Explorer properties",
              "description": "What a Mappings Explorer mapping file says beyond STIX. On the course-of-action or vulnerability of a capability: capability_id, capability_group, mapping_framework. On the relationship of a mapping: attack_object_id, mapping_type, score_category, score_value, mapping_set.",
              "type": "object",
              "properties": {
                "extension_type": { "const": "property-extension" },
                "capability_id": { "type": "string", "description": "The capability's capability_id in the mapping file." },
                "capability_group": { "type": "string", "description": "The capability's capability_group, a key of the file's capability_groups." },
                "mapping_framework": { "type": "string", "description": "The file's mapping_framework, e.g. aws, nist_800_53, kev." },
                "attack_object_id": { "type": "string", "description": "The technique ID as the mapping gives it; differs from the target's when ATT&CK revoked that technique." },
                "mapping_type": { "type": "string", "description": "The mapping's mapping_type, a key of the file's mapping_types." },
                "score_category": { "type": "string", "description": "The mapping's score_category, e.g. protect, detect, respond." },
                "score_value": { "type": "string", "description": "The mapping's score_value: minimal, partial or significant." },
                "mapping_set": { "type": "string", "description": "The mapping file: framework@framework-version@attack-version, with @domain for domains other than enterprise." }
              },
              "required": ["extension_type"],
              "additionalProperties": false
            }
            """;
    /** How CVE IDs are spelled: a capability with such an ID is a vulnerability (KEV's are). */
    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}", Pattern.CASE_INSENSITIVE);
    private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Set<String> MITIGATING_TYPES = Set.of("mitigates", "protects");
    /** Mapping types saying the technique exploits the vulnerability: the attack-pattern targets it. */
    private static final Set<String> EXPLOITING_TYPES = Set.of("exploitation_technique");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * What the bundle could not say as the mappings do: mappings left out because no loaded ATT&CK data has their
     * technique as a current one; mappings to revoked techniques given to the replacements (revoked ID to
     * replacement ID, and how many mappings); techniques deprecated in the loaded data that relationships still
     * point at.
     */
    public record Result(int unresolved, Map<String, String> moved, int movedMappings, Set<String> deprecated) {
    }

    private StixBundle() {
    }

    /** Writes the bundle of the selection. */
    public static Result write(SelectionReport report, Writer out) throws IOException {
        Map<String, ObjectNode> capabilities = new TreeMap<>();
        Map<String, ObjectNode> relationships = new TreeMap<>();
        Map<String, String> moved = new TreeMap<>();
        Set<String> deprecated = new TreeSet<>();
        int unresolved = 0;
        int movedMappings = 0;
        for (Mapping m : report.mappings()) {
            if (m.nonMappable() || m.capabilityId() == null) {
                continue;
            }
            Technique technique = m.techniqueId() == null ? null : report.current(m.techniqueId());
            if (technique == null || technique.stixId() == null || technique.revoked()) {
                unresolved++;
                continue;
            }
            if (!technique.id().equals(m.techniqueId())) {
                moved.put(m.techniqueId(), technique.id());
                movedMappings++;
            }
            if (technique.deprecated()) {
                deprecated.add(technique.id());
            }
            ObjectNode capability = capabilities.computeIfAbsent(capabilityKey(m), k -> capability(m, k));
            ObjectNode relationship = relationship(m, capability.get("id").asText(), technique);
            relationships.putIfAbsent(relationship.get("id").asText(), relationship);
        }
        ArrayNode objects = NODES.arrayNode();
        objects.add(identity());
        objects.add(extensionDefinition());
        capabilities.values().forEach(objects::add);
        relationships.values().forEach(objects::add);
        StringBuilder ids = new StringBuilder();
        objects.forEach(o -> ids.append(o.get("id").asText()).append('\n'));
        ObjectNode bundle = NODES.objectNode();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + uuid5(ids.toString()));
        bundle.set("objects", objects);
        JsonRenderer.writeDocument(bundle, out);
        return new Result(unresolved, moved, movedMappings, deprecated);
    }

    /**
     * The relationship type of a mapping: {@code targets} (attack-pattern to vulnerability) when the technique
     * exploits a vulnerability, {@code mitigates} for protect-category scores and mitigates/protects mapping types,
     * else {@code related-to}.
     */
    static String relationshipType(Mapping m) {
        if (isVulnerability(m)) {
            return EXPLOITING_TYPES.contains(m.mappingType()) ? "targets" : "related-to";
        }
        return "protect".equalsIgnoreCase(m.scoreCategory()) || MITIGATING_TYPES.contains(m.mappingType())
                ? "mitigates" : "related-to";
    }

    private static boolean isVulnerability(Mapping m) {
        return CVE.matcher(m.capabilityId().trim()).matches();
    }

    private static String capabilityKey(Mapping m) {
        return m.set().framework() + "\u0000" + m.capabilityId().trim();
    }

    /** mapper itself, the producer of every object in the bundle, this one included (as interop profiles ask). */
    private static ObjectNode identity() {
        ObjectNode identity = common("identity", IDENTITY_ID, DEFINED, DEFINED);
        identity.put("name", "mapper");
        identity.put("description", "mapper, the command-line tool that turned Mappings Explorer mapping files into "
                + "this bundle.");
        identity.put("identity_class", "system");
        return identity;
    }

    private static ObjectNode extensionDefinition() {
        ObjectNode definition = common("extension-definition", EXTENSION_ID, DEFINED, DEFINED);
        definition.put("name", "Mappings Explorer properties");
        definition.put("description", "What a Mappings Explorer mapping file says beyond STIX: the capability's "
                + "ID, group and framework; the mapping's type, score and file, and the technique ID as the mapping "
                + "gives it. The schema is a JSON Schema of the extension's object.");
        definition.put("schema", EXTENSION_SCHEMA);
        definition.put("version", "1.0.0");
        definition.putArray("extension_types").add("property-extension");
        return definition;
    }

    /** A course-of-action, or a vulnerability for a CVE: STIX has an object for what a CVE is. */
    private static ObjectNode capability(Mapping m, String key) {
        MappingSet set = m.set();
        String id = m.capabilityId().trim();
        boolean vulnerability = isVulnerability(m);
        String type = vulnerability ? "vulnerability" : "course-of-action";
        ObjectNode node = common(type, type + "--" + uuid5(type + "\n" + key), set);
        boolean described = m.capabilityDescription() != null && !m.capabilityDescription().isBlank();
        if (vulnerability) {
            node.put("name", id);
            if (described) {
                node.put("description", m.capabilityDescription());
            }
        } else {
            node.put("name", described ? m.capabilityDescription() : id);
        }
        // The validator requires source_name "cve" for a CVE ID; other frameworks are named as the file names them.
        node.putArray("external_references").addObject().put("source_name", vulnerability ? "cve" : set.framework())
                .put("external_id", id);
        ObjectNode extension = extension(node);
        extension.put("capability_id", id);
        putIfPresent(extension, "capability_group", m.capabilityGroup());
        extension.put("mapping_framework", set.framework());
        return node;
    }

    private static ObjectNode relationship(Mapping m, String capability, Technique technique) {
        String type = relationshipType(m);
        boolean fromTechnique = type.equals("targets");
        String source = fromTechnique ? technique.stixId() : capability;
        String target = fromTechnique ? capability : technique.stixId();
        boolean moved = !technique.id().equals(m.techniqueId());
        String content = String.join("\n", "relationship", source, type, target, m.set().key().toString(),
                String.valueOf(m.mappingType()), String.valueOf(m.scoreCategory()), String.valueOf(m.scoreValue()))
                + (moved ? "\nmapped as " + m.techniqueId() : "");
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
        ObjectNode extension = extension(rel);
        extension.put("attack_object_id", m.techniqueId());
        putIfPresent(extension, "mapping_type", m.mappingType());
        putIfPresent(extension, "score_category", m.scoreCategory());
        putIfPresent(extension, "score_value", m.scoreValue());
        extension.put("mapping_set", m.set().key().toString());
        return rel;
    }

    /** The object's entry of mapper's property extension, to put the properties in. */
    private static ObjectNode extension(ObjectNode object) {
        ObjectNode extension = object.putObject("extensions").putObject(EXTENSION_ID);
        extension.put("extension_type", "property-extension");
        return extension;
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
        return common(type, id, created, modified);
    }

    private static ObjectNode common(String type, String id, String created, String modified) {
        ObjectNode node = NODES.objectNode();
        node.put("type", type);
        node.put("spec_version", "2.1");
        node.put("id", id);
        node.put("created_by_ref", IDENTITY_ID);
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
