package dev.mapper.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mapper.model.AttackDomain;
import dev.mapper.model.AttackObjects;
import dev.mapper.model.AttackRef;
import dev.mapper.model.AttackRelease;
import dev.mapper.model.Campaign;
import dev.mapper.model.DataSource;
import dev.mapper.model.Deferred;
import dev.mapper.model.DetectionStrategy;
import dev.mapper.model.ExternalReference;
import dev.mapper.model.Group;
import dev.mapper.model.Mitigation;
import dev.mapper.model.Relationship;
import dev.mapper.model.Software;
import dev.mapper.model.Tactic;
import dev.mapper.model.Technique;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Streams an ATT&CK STIX 2.0 or 2.1 bundle (any domain) into techniques and tactics, and the other objects mapper
 * uses (groups, software, campaigns, mitigations, detection strategies with their analytics) with the relationships
 * between them. Objects are read one at a time; only the types and fields mapper uses are kept.
 */
final class StixBundleReader {

    private static final Set<String> ATTACK_SOURCES = Arrays.stream(AttackDomain.values()).map(AttackDomain::sourceName)
            .collect(Collectors.toUnmodifiableSet());
    private static final Pattern VERSION_IN_NAME = Pattern.compile("(\\d+\\.\\d+)(?:\\.\\d+)?(?=[^0-9]*$)");

    /**
     * The fields read of each type mapper uses (null: every field); of a relationship only its ends, status and
     * description are read, of any other type only its id.
     */
    private static final Map<String, Set<String>> KEPT_FIELDS = keptFields();
    private static final Set<String> ID_ONLY = Set.of("type", "id");

    private static Map<String, Set<String>> keptFields() {
        Set<String> common = Set.of("type", "id", "name", "description", "external_references", "revoked",
                "x_mitre_deprecated", "x_mitre_domains");
        Map<String, Set<String>> kept = new HashMap<>();
        for (String type : List.of("attack-pattern", "x-mitre-tactic", "x-mitre-matrix", "x-mitre-collection")) {
            kept.put(type, null);
        }
        kept.put("course-of-action", common);
        kept.put("intrusion-set", with(common, "aliases"));
        kept.put("malware", with(common, "x_mitre_aliases", "x_mitre_platforms"));
        kept.put("tool", with(common, "x_mitre_aliases", "x_mitre_platforms"));
        kept.put("campaign", with(common, "aliases", "first_seen", "last_seen"));
        kept.put("x-mitre-detection-strategy", with(common, "x_mitre_analytic_refs"));
        kept.put("x-mitre-analytic", with(common, "x_mitre_platforms", "x_mitre_log_source_references"));
        kept.put("x-mitre-data-component", Set.of("type", "id", "name"));
        kept.put("relationship", Set.of("type", "id", "relationship_type", "source_ref", "target_ref", "revoked",
                "x_mitre_deprecated", "description"));
        return kept;
    }

    private static Set<String> with(Set<String> common, String... more) {
        Set<String> fields = new HashSet<>(common);
        fields.addAll(List.of(more));
        return Set.copyOf(fields);
    }

    private final String file;
    private final JsonParser parser;

    private final Map<String, JsonNode> attackPatterns = new LinkedHashMap<>();
    private final Map<String, JsonNode> tactics = new LinkedHashMap<>();
    /** Groups, software, campaigns, mitigations, detection strategies, analytics, data components: by STIX id. */
    private final Map<String, JsonNode> otherObjects = new LinkedHashMap<>();
    private final Map<String, String> parentOf = new HashMap<>();
    private final Map<String, String> revokedBy = new HashMap<>();
    private final Map<String, List<String>> mitigatedBy = new HashMap<>();
    private final Map<String, List<String>> detectedBy = new HashMap<>();
    private final List<Relationship> adversaryRelationships = new ArrayList<>();
    private final List<String> tacticOrder = new ArrayList<>();
    private String collectionVersion;
    private String collectionDomain;

    StixBundleReader(String file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /** Reads the whole bundle; {@code fileName} is the fallback source of the version (enterprise-attack-18.1.json). */
    AttackRelease read(DataSource source, String fileName) throws IOException {
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
                case "relationship" -> relationship(object);
                case "x-mitre-matrix" -> object.path("tactic_refs").forEach(ref -> tacticOrder.add(ref.asText()));
                case "x-mitre-collection" -> {
                    collectionVersion = text(object, "x_mitre_version");
                    collectionDomain = domainOf(object);
                }
                default -> {
                    if (KEPT_FIELDS.containsKey(type)) {
                        otherObjects.put(id, object);
                    } // else data sources, identities, markings: not used by mapper
                }
            }
        }
    }

    /**
     * One object, as a tree of only the fields mapper uses. ATT&CK writes {@code "type"} first: when it comes first,
     * the fields mapper does not use (the citations of a relationship, everything but the {@code "id"} of a data
     * source) are skipped without decoding their strings or building nodes. An object whose type comes later is
     * read whole.
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
        return KEPT_FIELDS.containsKey(type) ? KEPT_FIELDS.get(type) : ID_ONLY;
    }

    private void relationship(JsonNode object) {
        if (object.path("revoked").asBoolean(false) || object.path("x_mitre_deprecated").asBoolean(false)) {
            return;
        }
        String source = text(object, "source_ref");
        String target = text(object, "target_ref");
        String type = object.path("relationship_type").asText("");
        switch (type) {
            case "subtechnique-of" -> parentOf.put(source, target);
            case "revoked-by" -> revokedBy.put(source, target);
            case "mitigates" -> mitigatedBy.computeIfAbsent(target, k -> new ArrayList<>()).add(source);
            case "detects" -> detectedBy.computeIfAbsent(target, k -> new ArrayList<>()).add(source);
            case Relationship.USES, Relationship.ATTRIBUTED_TO -> {
                if (source != null && target != null) {
                    adversaryRelationships.add(new Relationship(type, source, target, text(object, "description")));
                }
            }
            default -> {
            }
        }
    }

    private AttackRelease build(DataSource source, String fileName) {
        Map<String, String> attackIds = new HashMap<>();
        attackPatterns.forEach((stixId, node) -> attackIds.put(stixId, text(attackReference(node), "external_id")));
        otherObjects.forEach((stixId, node) -> attackIds.put(stixId, text(attackReference(node), "external_id")));
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
                    references(mitigatedBy.get(stixId), attackIds),
                    references(detectedBy.get(stixId), attackIds),
                    citedSources(node)));
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
                    tacticList.size(),
                    node.path("revoked").asBoolean(false) || node.path("x_mitre_deprecated").asBoolean(false)));
        }
        AttackObjects objects = new AttackObjectsBuilder(attackIds, domain).build();
        return new AttackRelease(domain, version, source, techniques, tacticList, Deferred.now(objects));
    }

    /**
     * The active objects among {@code stixIds} (the sources of a technique's {@code mitigates} or {@code detects}
     * relationships) that have an ATT&CK ID, by ID.
     */
    private List<AttackRef> references(List<String> stixIds, Map<String, String> attackIds) {
        if (stixIds == null) {
            return List.of();
        }
        List<AttackRef> refs = new ArrayList<>();
        for (String stixId : stixIds) {
            JsonNode node = otherObjects.get(stixId);
            String id = attackIds.get(stixId);
            if (node != null && id != null && active(node)) {
                refs.add(new AttackRef(id, text(node, "name"), text(attackReference(node), "url")));
            }
        }
        refs.sort(Comparator.comparing(AttackRef::id));
        return refs;
    }

    private static boolean active(JsonNode node) {
        return !node.path("revoked").asBoolean(false) && !node.path("x_mitre_deprecated").asBoolean(false);
    }

    /** The bundle's objects other than techniques and tactics, in bundle order; those without an ATT&CK ID left out. */
    private final class AttackObjectsBuilder {
        private final Map<String, String> attackIds;
        private final String domain;

        AttackObjectsBuilder(Map<String, String> attackIds, String domain) {
            this.attackIds = attackIds;
            this.domain = domain;
        }

        AttackObjects build() {
            List<Group> groups = new ArrayList<>();
            List<Software> software = new ArrayList<>();
            List<Campaign> campaigns = new ArrayList<>();
            List<Mitigation> mitigations = new ArrayList<>();
            List<DetectionStrategy> strategies = new ArrayList<>();
            otherObjects.forEach((stixId, node) -> {
                String id = attackIds.get(stixId);
                if (id == null) {
                    return;
                }
                String name = text(node, "name");
                String description = text(node, "description");
                String url = text(attackReference(node), "url");
                boolean revoked = node.path("revoked").asBoolean(false);
                String replacement = revokedBy.containsKey(stixId) ? attackIds.get(revokedBy.get(stixId)) : null;
                boolean deprecated = node.path("x_mitre_deprecated").asBoolean(false);
                switch (node.path("type").asText()) {
                    case "intrusion-set" -> groups.add(new Group(id, stixId, name, description,
                            strings(node.path("aliases")), url, domains(node), revoked, replacement, deprecated));
                    case "malware", "tool" -> software.add(new Software(id, stixId, node.path("type").asText(), name,
                            description, strings(node.path("x_mitre_aliases")), url, domains(node),
                            strings(node.path("x_mitre_platforms")), revoked, replacement, deprecated));
                    case "campaign" -> campaigns.add(new Campaign(id, stixId, name, description,
                            strings(node.path("aliases")), url, domains(node), text(node, "first_seen"),
                            text(node, "last_seen"), revoked, replacement, deprecated));
                    case "course-of-action" -> mitigations.add(new Mitigation(id, stixId, name, description, url,
                            domains(node), revoked, replacement, deprecated));
                    case "x-mitre-detection-strategy" -> strategies.add(new DetectionStrategy(id, stixId, name, url,
                            domains(node), revoked, replacement, deprecated, analytics(node)));
                    default -> {
                        // analytics and data components: read through the detection strategies that name them
                    }
                }
            });
            return new AttackObjects(groups, software, campaigns, mitigations, strategies, adversaryRelationships);
        }

        private List<DetectionStrategy.Analytic> analytics(JsonNode strategy) {
            List<DetectionStrategy.Analytic> analytics = new ArrayList<>();
            for (JsonNode ref : strategy.path("x_mitre_analytic_refs")) {
                JsonNode node = otherObjects.get(ref.asText());
                if (node == null || !node.path("type").asText().equals("x-mitre-analytic")) {
                    continue; // an analytic the bundle does not hold
                }
                List<DetectionStrategy.LogSource> logs = new ArrayList<>();
                for (JsonNode log : node.path("x_mitre_log_source_references")) {
                    JsonNode component = otherObjects.get(log.path("x_mitre_data_component_ref").asText());
                    logs.add(new DetectionStrategy.LogSource(component == null ? null : text(component, "name"),
                            text(log, "name"), text(log, "channel")));
                }
                analytics.add(new DetectionStrategy.Analytic(text(attackReference(node), "external_id"),
                        text(node, "name"), text(node, "description"), strings(node.path("x_mitre_platforms")),
                        logs));
            }
            return analytics;
        }

        /** The object's domains as mapping files spell them; the bundle's domain when it names none. */
        private List<String> domains(JsonNode node) {
            List<String> domains = new ArrayList<>();
            node.path("x_mitre_domains").forEach(d -> domains.add(domainName(d.asText())));
            return domains.isEmpty() ? List.of(domain) : domains;
        }
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
        return m.find() ? m.group(1) : AttackRelease.UNKNOWN_VERSION;
    }

    /** The object's first domain, "enterprise-attack" → "enterprise", as mapping files spell the domain. */
    private static String domainOf(JsonNode node) {
        JsonNode domains = node.path("x_mitre_domains");
        if (domains.isArray() && !domains.isEmpty()) {
            return domainName(domains.get(0).asText());
        }
        return null;
    }

    private static String domainName(String attackDomain) {
        return attackDomain.endsWith("-attack")
                ? attackDomain.substring(0, attackDomain.length() - "-attack".length()) : attackDomain;
    }

    /** The external references besides the ATT&CK ID: what the object's text cites, by {@code source_name}. */
    private static List<ExternalReference> citedSources(JsonNode node) {
        List<ExternalReference> cited = new ArrayList<>();
        for (JsonNode ref : node.path("external_references")) {
            String source = text(ref, "source_name");
            if (source != null && !ATTACK_SOURCES.contains(source)) {
                cited.add(new ExternalReference(source, text(ref, "url"), text(ref, "description")));
            }
        }
        return cited;
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
