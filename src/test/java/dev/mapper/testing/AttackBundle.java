package dev.mapper.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A small ATT&CK STIX bundle, built by hand for what the corpus lacks and written the way ATT&CK publishes one:
 * {@code "type"} first in every object, a collection naming the domain and version, a matrix ordering the tactics,
 * kill chain phases and external references under the domain's source name ({@code mitre-mobile-attack}, unless
 * {@link #sourceName} says otherwise; groups, software and campaigns, which ATT&CK shares between domains, under
 * {@code mitre-attack}), relationships between STIX ids. Every method that relates or marks objects names them by
 * ATT&CK ID; their STIX ids are UUIDs derived from type and ATT&CK ID, the same on every run ({@link #stixId}).
 *
 * <pre>{@code
 * AttackBundle.of("enterprise", "18.1")
 *         .credentialAccess()
 *         .technique("T1528", "Steal Application Access Token")
 *         .group("G0016", "APT29")
 *         .uses("G0016", "T1528", "APT29 stole tokens.")
 *         .write(dir.resolve("attack.json"));
 * }</pre>
 */
public final class AttackBundle {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHARED_SOURCE = "mitre-attack";

    private final ObjectNode bundle = JSON.createObjectNode();
    private final ArrayNode objects;
    private final ArrayNode tacticRefs;
    private final String domain;
    private final Map<String, ObjectNode> byAttackId = new HashMap<>();
    /** The external references and kill chain phases written under the domain's source name. */
    private final List<ObjectNode> domainSourced = new ArrayList<>();
    private String domainSource;
    private String site = "https://attack.mitre.org/";
    private String lastTactic;
    private int relationships;

    private AttackBundle(String domain, String version) {
        this.domain = domain;
        // As model/AttackDomain spells it.
        domainSource = domain.equals("enterprise") ? SHARED_SOURCE : "mitre-" + domain + "-attack";
        bundle.put("type", "bundle").put("id", derivedId("bundle", domain)).put("spec_version", "2.1");
        objects = bundle.putArray("objects");
        ObjectNode collection = object("x-mitre-collection", derivedId("x-mitre-collection", domain))
                .put("name", "Test " + domain + " ATT&CK").put("x_mitre_version", version);
        collection.putArray("x_mitre_domains").add(domain + "-attack");
        ObjectNode matrix = object("x-mitre-matrix", derivedId("x-mitre-matrix", domain))
                .put("name", "Test " + domain + " matrix");
        matrix.putArray("x_mitre_domains").add(domain + "-attack");
        tacticRefs = matrix.putArray("tactic_refs");
    }

    /** An empty STIX 2.1 bundle of the domain (enterprise, mobile, ics) at an ATT&CK version. */
    public static AttackBundle of(String domain, String version) {
        return new AttackBundle(domain, version);
    }

    /** Written as STIX 2.0, as older releases are: the version on the bundle only (mapper reads both alike). */
    public AttackBundle stix20() {
        bundle.put("spec_version", "2.0");
        return this;
    }

    /** Where the objects' pages are ({@code https://attack.mitre.org/} unless set); before any object is added. */
    public AttackBundle site(String url) {
        if (!byAttackId.isEmpty()) {
            throw new IllegalStateException("set the site before adding objects: their URLs are made with them");
        }
        site = url;
        return this;
    }

    /**
     * Files the domain's own objects (tactics, techniques, mitigations, detection strategies and analytics) and the
     * kill chain phases under {@code sourceName} in place of the domain's own source name, added or to be added: an
     * ICS or Mobile bundle under {@code mitre-attack}, say. Shared objects stay under {@code mitre-attack}.
     */
    public AttackBundle sourceName(String sourceName) {
        domainSource = sourceName;
        for (ObjectNode node : domainSourced) {
            node.put(node.has("kill_chain_name") ? "kill_chain_name" : "source_name", sourceName);
        }
        return this;
    }

    /** A tactic, the next column of the matrix; techniques added after it without tactics of their own go in it. */
    public AttackBundle tactic(String id, String shortname, String name) {
        attackObject("x-mitre-tactic", id, name, true).put("x_mitre_shortname", shortname);
        tacticRefs.add(derivedId("x-mitre-tactic", id));
        lastTactic = shortname;
        return this;
    }

    /** Enterprise's Credential Access (TA0006): the one column of a bundle whose tactics the test does not look at. */
    public AttackBundle credentialAccess() {
        return tactic("TA0006", "credential-access", "Credential Access");
    }

    /**
     * A technique under the tactics of those shortnames, or under the last tactic added when none is given; with a
     * dot in its ID a sub-technique, with its {@code subtechnique-of} relationship to the parent's STIX id (the parent
     * need not be in the bundle).
     */
    public AttackBundle technique(String id, String name, String... tactics) {
        if (tactics.length == 0 && lastTactic == null) {
            throw new IllegalStateException("add a tactic before " + id + ", or name its tactics");
        }
        ObjectNode t = attackObject("attack-pattern", id, name, true);
        ArrayNode phases = t.putArray("kill_chain_phases");
        for (String tactic : tactics.length == 0 ? new String[] {lastTactic} : tactics) {
            domainSourced.add(phases.addObject().put("kill_chain_name", domainSource).put("phase_name", tactic));
        }
        t.putArray("x_mitre_platforms").add(platform());
        boolean sub = id.contains(".");
        t.put("x_mitre_is_subtechnique", sub);
        if (sub) {
            relationship("subtechnique-of", derivedId("attack-pattern", id),
                    derivedId("attack-pattern", id.substring(0, id.indexOf('.'))), null);
        }
        return this;
    }

    public AttackBundle group(String id, String name, String... aliases) {
        attackObject("intrusion-set", id, name, false).set("aliases", strings(aliases));
        return this;
    }

    public AttackBundle malware(String id, String name, String... aliases) {
        return software("malware", id, name, aliases);
    }

    public AttackBundle tool(String id, String name, String... aliases) {
        return software("tool", id, name, aliases);
    }

    /** A campaign seen from 2020-01-01 to 2021-01-01. */
    public AttackBundle campaign(String id, String name, String... aliases) {
        ObjectNode campaign = attackObject("campaign", id, name, false);
        campaign.set("aliases", strings(aliases));
        campaign.put("first_seen", "2020-01-01T00:00:00.000Z").put("last_seen", "2021-01-01T00:00:00.000Z");
        return this;
    }

    public AttackBundle mitigation(String id, String name) {
        attackObject("course-of-action", id, name, true);
        return this;
    }

    /**
     * A detection strategy with one analytic (ID {@code analyticId}, named "Analytic ID") that reads the AWS
     * CloudTrail log of a data component named "Component of ID".
     */
    public AttackBundle detectionStrategy(String id, String name, String analyticId) {
        ObjectNode component = object("x-mitre-data-component", derivedId("x-mitre-data-component", analyticId));
        component.put("name", "Component of " + analyticId);
        ObjectNode analytic = attackObject("x-mitre-analytic", analyticId, "Analytic " + analyticId, true);
        analytic.putArray("x_mitre_platforms").add(platform());
        analytic.putArray("x_mitre_log_source_references").addObject()
                .put("x_mitre_data_component_ref", component.path("id").asText())
                .put("name", "AWS:CloudTrail").put("channel", "GetSecretValue");
        ObjectNode strategy = attackObject("x-mitre-detection-strategy", id, name, true);
        strategy.putArray("x_mitre_analytic_refs").add(analytic.path("id").asText());
        // ATT&CK shows an analytic on its strategy's page, not one of its own.
        ((ObjectNode) analytic.path("external_references").get(0))
                .put("url", site + "detectionstrategies/" + id + "#" + analyticId);
        return this;
    }

    /** The object's description, in place of the "NAME described." every object starts with. */
    public AttackBundle describe(String id, String description) {
        find(id).put("description", description);
        return this;
    }

    /** A source the object's text cites: an external reference beside its ATT&CK ID ({@code url} may be null). */
    public AttackBundle cites(String id, String source, String url, String description) {
        ObjectNode reference = find(id).withArray("external_references").addObject().put("source_name", source);
        if (url != null) {
            reference.put("url", url);
        }
        reference.put("description", description);
        return this;
    }

    /** {@code source} uses {@code target}; a null description writes none. */
    public AttackBundle uses(String source, String target, String description) {
        return relationship("uses", stixId(source), stixId(target), description);
    }

    public AttackBundle attributedTo(String campaign, String group) {
        return relationship("attributed-to", stixId(campaign), stixId(group), null);
    }

    public AttackBundle mitigates(String mitigation, String technique) {
        return relationship("mitigates", stixId(mitigation), stixId(technique), null);
    }

    public AttackBundle detects(String strategy, String technique) {
        return relationship("detects", stixId(strategy), stixId(technique), null);
    }

    /** {@code old} is revoked by {@code replacement}: its revoked flag and the relationship. */
    public AttackBundle revokedBy(String old, String replacement) {
        find(old).put("revoked", true);
        return relationship("revoked-by", stixId(old), stixId(replacement), null);
    }

    /** Marks the object deprecated; a deprecated tactic leaves the matrix, as in ATT&CK's releases. */
    public AttackBundle deprecated(String id) {
        ObjectNode object = find(id).put("x_mitre_deprecated", true);
        tacticRefs.removeIf(ref -> ref.asText().equals(object.path("id").asText()));
        return this;
    }

    /**
     * A deprecated matrix of the tactics of those IDs (deprecated themselves, say), first among the objects, as
     * Mobile's "Network-Based Effects" comes before "Mobile ATT&CK" in its releases.
     */
    public AttackBundle deprecatedMatrix(String name, String... tacticIds) {
        ObjectNode matrix = JSON.createObjectNode().put("type", "x-mitre-matrix")
                .put("id", derivedId("x-mitre-matrix", name)).put("name", name)
                .put("x_mitre_deprecated", true);
        matrix.putArray("x_mitre_domains").add(domain + "-attack");
        ArrayNode refs = matrix.putArray("tactic_refs");
        for (String id : tacticIds) {
            refs.add(stixId(id));
        }
        objects.insert(0, matrix);
        return this;
    }

    /** The STIX id of the object with that ATT&CK ID, for tests that follow references by STIX id. */
    public String stixId(String attackId) {
        return find(attackId).path("id").asText();
    }

    /** The bundle as a tree of its own, for tests that read it plainly beside mapper (testing/AttackMatrix). */
    public ObjectNode tree() {
        return bundle.deepCopy();
    }

    public String json() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(bundle);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the bundle to {@code file}, making its folder, and returns the path. */
    public Path write(Path file) {
        return TextFiles.write(file, json());
    }

    private AttackBundle software(String type, String id, String name, String... aliases) {
        ObjectNode software = attackObject(type, id, name, false);
        software.set("x_mitre_aliases", strings(aliases));
        software.putArray("x_mitre_platforms").add("Windows");
        return this;
    }

    private AttackBundle relationship(String type, String source, String target, String description) {
        ObjectNode r = object("relationship", derivedId("relationship", domain + "-" + (++relationships)));
        if (description != null) {
            r.put("description", description);
        }
        r.put("relationship_type", type).put("source_ref", source).put("target_ref", target);
        return this;
    }

    /** A STIX id as STIX 2.1 wants it, {@code type--UUID}: a UUID named by the type and {@code key}. */
    private static String derivedId(String type, String key) {
        return type + "--" + UUID.nameUUIDFromBytes((type + "--" + key).getBytes(StandardCharsets.UTF_8));
    }

    private ObjectNode object(String type, String id) {
        return objects.addObject().put("type", type).put("id", id);
    }

    /**
     * An object with an ATT&CK ID: its name, a description, the ID and its page (under the domain's source name when
     * {@code ofTheDomain}, else under the shared one), and the domain.
     */
    private ObjectNode attackObject(String type, String attackId, String name, boolean ofTheDomain) {
        if (byAttackId.containsKey(attackId)) {
            throw new IllegalArgumentException(attackId + " is in the bundle already");
        }
        ObjectNode o = object(type, derivedId(type, attackId)).put("name", name)
                .put("description", name + " described.");
        ObjectNode reference = o.putArray("external_references").addObject()
                .put("source_name", ofTheDomain ? domainSource : SHARED_SOURCE).put("external_id", attackId)
                .put("url", site + page(type) + "/" + attackId.replace('.', '/'));
        if (ofTheDomain) {
            domainSourced.add(reference);
        }
        o.putArray("x_mitre_domains").add(domain + "-attack");
        byAttackId.put(attackId, o);
        return o;
    }

    /** The folder of ATT&CK's site for objects of the type. */
    private static String page(String type) {
        return switch (type) {
            case "attack-pattern" -> "techniques";
            case "x-mitre-tactic" -> "tactics";
            case "intrusion-set" -> "groups";
            case "malware", "tool" -> "software";
            case "campaign" -> "campaigns";
            case "course-of-action" -> "mitigations";
            case "x-mitre-detection-strategy", "x-mitre-analytic" -> "detectionstrategies";
            default -> throw new IllegalArgumentException("no page for " + type);
        };
    }

    private String platform() {
        return switch (domain) {
            case "mobile" -> "Android";
            case "ics" -> "None";
            default -> "IaaS";
        };
    }

    private static ArrayNode strings(String... values) {
        ArrayNode array = JSON.createArrayNode();
        List.of(values).forEach(array::add);
        return array;
    }

    private ObjectNode find(String attackId) {
        ObjectNode object = byAttackId.get(attackId);
        if (object == null) {
            throw new IllegalArgumentException("no object " + attackId + " in the bundle yet");
        }
        return object;
    }

}
