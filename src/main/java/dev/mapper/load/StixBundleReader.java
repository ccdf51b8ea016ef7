package dev.mapper.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mapper.model.AttackRelease;
import dev.mapper.model.Mitigation;
import dev.mapper.model.Tactic;
import dev.mapper.model.Technique;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams an ATT&CK STIX 2.0 or 2.1 bundle (any domain) into techniques, tactics and their relationships.
 * Objects are read one at a time; only the types mapper uses are kept.
 */
final class StixBundleReader {

    private static final Set<String> ATTACK_SOURCES = Set.of("mitre-attack", "mitre-mobile-attack", "mitre-ics-attack");
    private static final Pattern VERSION_IN_NAME = Pattern.compile("(\\d+\\.\\d+)(?:\\.\\d+)?(?=[^0-9]*$)");

    /** Types read whole; of a relationship only its ends and status are read, of any other type only its id. */
    private static final Set<String> READ_WHOLE = Set.of("attack-pattern", "x-mitre-tactic", "course-of-action",
            "x-mitre-matrix", "x-mitre-collection");
    private static final Set<String> RELATIONSHIP_FIELDS = Set.of("type", "id", "relationship_type", "source_ref",
            "target_ref", "revoked", "x_mitre_deprecated");
    private static final Set<String> ID_ONLY = Set.of("type", "id");

    private final String file;
    private final JsonParser parser;

    private final Map<String, JsonNode> attackPatterns = new LinkedHashMap<>();
    private final Map<String, JsonNode> tactics = new LinkedHashMap<>();
    private final Map<String, Mitigation> mitigations = new HashMap<>();
    private final Map<String, String> parentOf = new HashMap<>();
    private final Map<String, String> revokedBy = new HashMap<>();
    private final Map<String, List<String>> mitigatedBy = new HashMap<>();
    private final List<String> tacticOrder = new ArrayList<>();
    private String collectionVersion;
    private String collectionDomain;

    StixBundleReader(String file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /** Reads the whole bundle; {@code fileName} is the fallback source of the version (enterprise-attack-18.1.json). */
    AttackRelease read(String source, String fileName) throws IOException {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.START_OBJECT) {
            throw error("expected a STIX bundle object, found " + MappingFileReader.describe(token));
        }
        boolean sawObjects = false;
        Set<String> topLevel = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            if (!topLevel.add(field)) {
                throw error("duplicate top-level field \"" + field + "\"");
            }
            token = parser.nextToken();
            if (field.equals("objects")) {
                if (token != JsonToken.START_ARRAY) {
                    throw error("expected \"objects\" to be an array, found " + MappingFileReader.describe(token));
                }
                readObjects();
                sawObjects = true;
            } else if (field.equals("type") && !"bundle".equals(parser.getValueAsString())) {
                throw error("expected a STIX bundle (\"type\": \"bundle\"), found type \"" + parser.getText() + "\"");
            } else {
                parser.skipChildren();
            }
        }
        if (parser.nextToken() != null) {
            throw error("unexpected content after the end of the STIX bundle");
        }
        if (!sawObjects) {
            throw new DataFileException(file, 1, 1, "a STIX bundle needs an \"objects\" array");
        }
        return build(source, fileName);
    }

    private void readObjects() throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                throw error("expected a STIX object, found " + MappingFileReader.describe(token));
            }
            int line = Json.line(parser);
            int column = Json.column(parser);
            ObjectNode object = readObject();
            String type = object.path("type").asText("");
            String id = object.path("id").asText("");
            if (type.isEmpty() || id.isEmpty()) {
                throw new DataFileException(file, line, column, "a STIX object needs \"type\" and \"id\"");
            }
            switch (type) {
                case "attack-pattern" -> attackPatterns.put(id, object);
                case "x-mitre-tactic" -> tactics.put(id, object);
                case "course-of-action" -> {
                    if (!object.path("revoked").asBoolean(false) && !object.path("x_mitre_deprecated").asBoolean(false)) {
                        JsonNode ref = attackReference(object);
                        mitigations.put(id, new Mitigation(text(ref, "external_id"), text(object, "name"), text(ref, "url")));
                    }
                }
                case "relationship" -> relationship(object);
                case "x-mitre-matrix" -> object.path("tactic_refs").forEach(ref -> tacticOrder.add(ref.asText()));
                case "x-mitre-collection" -> {
                    collectionVersion = text(object, "x_mitre_version");
                    collectionDomain = domainOf(object);
                }
                default -> {
                    // Groups, software, campaigns, detections, data sources: not used by mapper.
                }
            }
        }
    }

    /**
     * One object, as a tree of only the fields mapper uses. ATT&CK writes {@code "type"} first: when it comes first,
     * the fields of a relationship other than its ends, and everything but the {@code "id"} of a type mapper does not
     * use (analytics, malware, detection strategies: most of the bundle), are skipped without decoding their strings
     * or building nodes. An object whose type comes later is read whole.
     */
    private ObjectNode readObject() throws IOException {
        ObjectNode object = Json.mapper().createObjectNode();
        Set<String> kept = null; // every field, until the type is known
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (object.isEmpty() && field.equals("type") && value == JsonToken.VALUE_STRING) {
                kept = keptFields(parser.getText());
            }
            if (kept != null && !kept.contains(field)) {
                parser.skipChildren();
                continue;
            }
            if (object.has(field)) {
                throw error("duplicate field \"" + field + "\" in a STIX object");
            }
            object.set(field, value(value));
        }
        return object;
    }

    /** The current value as a node; scalars directly, as most values are (a readTree each costs more than it reads). */
    private JsonNode value(JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> TextNode.valueOf(parser.getText());
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.instance;
            default -> Json.mapper().readTree(parser);
        };
    }

    /** The fields read of an object of this type; null for all. */
    private static Set<String> keptFields(String type) {
        if (READ_WHOLE.contains(type)) {
            return null;
        }
        return type.equals("relationship") ? RELATIONSHIP_FIELDS : ID_ONLY;
    }

    private void relationship(JsonNode object) {
        if (object.path("revoked").asBoolean(false) || object.path("x_mitre_deprecated").asBoolean(false)) {
            return;
        }
        String source = text(object, "source_ref");
        String target = text(object, "target_ref");
        switch (object.path("relationship_type").asText("")) {
            case "subtechnique-of" -> parentOf.put(source, target);
            case "revoked-by" -> revokedBy.put(source, target);
            case "mitigates" -> mitigatedBy.computeIfAbsent(target, k -> new ArrayList<>()).add(source);
            default -> {
            }
        }
    }

    private AttackRelease build(String source, String fileName) {
        Map<String, String> attackIds = new HashMap<>();
        attackPatterns.forEach((stixId, node) -> attackIds.put(stixId, text(attackReference(node), "external_id")));
        String domain = collectionDomain != null ? collectionDomain : mostCommonDomain();
        String version = collectionVersion != null ? collectionVersion : versionFromName(fileName);

        List<Technique> techniques = new ArrayList<>(attackPatterns.size());
        attackPatterns.forEach((stixId, node) -> {
            String id = attackIds.get(stixId);
            if (id == null) {
                return; // an attack-pattern without an ATT&CK ID (e.g. a CAPEC-only object) is not a technique
            }
            JsonNode ref = attackReference(node);
            List<String> tacticNames = new ArrayList<>();
            node.path("kill_chain_phases").forEach(phase -> {
                if (ATTACK_SOURCES.contains(phase.path("kill_chain_name").asText())) {
                    tacticNames.add(phase.path("phase_name").asText());
                }
            });
            List<Mitigation> mitigationList = new ArrayList<>();
            for (String coa : mitigatedBy.getOrDefault(stixId, List.of())) {
                Mitigation m = mitigations.get(coa);
                if (m != null && m.id() != null) {
                    mitigationList.add(m);
                }
            }
            mitigationList.sort(Comparator.comparing(Mitigation::id));
            String parent = parentOf.containsKey(stixId) ? attackIds.get(parentOf.get(stixId)) : null;
            boolean sub = node.path("x_mitre_is_subtechnique").asBoolean(parent != null || id.contains("."));
            if (parent == null && sub && id.contains(".")) {
                parent = id.substring(0, id.indexOf('.'));
            }
            techniques.add(new Technique(
                    id,
                    stixId,
                    text(node, "name"),
                    text(node, "description"),
                    text(ref, "url"),
                    domainOf(node) != null ? domainOf(node) : domain,
                    version,
                    tacticNames,
                    strings(node.path("x_mitre_platforms")),
                    text(node, "x_mitre_detection"),
                    sub,
                    parent,
                    node.path("revoked").asBoolean(false),
                    revokedBy.containsKey(stixId) ? attackIds.get(revokedBy.get(stixId)) : null,
                    node.path("x_mitre_deprecated").asBoolean(false),
                    mitigationList));
        });

        List<Tactic> tacticList = new ArrayList<>();
        List<String> order = new ArrayList<>(tacticOrder);
        tactics.keySet().stream().filter(id -> !order.contains(id)).forEach(order::add);
        for (String stixId : order) {
            JsonNode node = tactics.get(stixId);
            if (node == null) {
                continue;
            }
            tacticList.add(new Tactic(
                    text(attackReference(node), "external_id"),
                    text(node, "x_mitre_shortname"),
                    text(node, "name"),
                    text(node, "description"),
                    domainOf(node) != null ? domainOf(node) : domain,
                    tacticList.size()));
        }
        return new AttackRelease(domain, version, source, techniques, tacticList);
    }

    private String mostCommonDomain() {
        Map<String, Integer> counts = new HashMap<>();
        attackPatterns.values().forEach(node -> {
            String d = domainOf(node);
            if (d != null) {
                counts.merge(d, 1, Integer::sum);
            }
        });
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("enterprise");
    }

    /**
     * True when the release's version may have come from the file name (it is what the name gives), so that the same
     * bundle under another name may read differently; false when the bundle names its own version.
     */
    static boolean versionFromName(String fileName, AttackRelease release) {
        return versionFromName(fileName).equals(release.version());
    }

    private static String versionFromName(String fileName) {
        Matcher m = VERSION_IN_NAME.matcher(fileName);
        return m.find() ? m.group(1) : "unknown";
    }

    /** "enterprise-attack" → "enterprise", as mapping files spell the domain. */
    private static String domainOf(JsonNode node) {
        JsonNode domains = node.path("x_mitre_domains");
        if (domains.isArray() && !domains.isEmpty()) {
            String d = domains.get(0).asText();
            return d.endsWith("-attack") ? d.substring(0, d.length() - "-attack".length()) : d;
        }
        return null;
    }

    private static JsonNode attackReference(JsonNode node) {
        for (JsonNode ref : node.path("external_references")) {
            if (ATTACK_SOURCES.contains(ref.path("source_name").asText())) {
                return ref;
            }
        }
        return MissingNode.getInstance();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private DataFileException error(String problem) {
        return new DataFileException(file, Json.line(parser), Json.column(parser), problem);
    }
}
