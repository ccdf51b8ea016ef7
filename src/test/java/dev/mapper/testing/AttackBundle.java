package dev.mapper.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small ATT&CK STIX bundle, built by hand for what the corpus lacks and written the way ATT&CK publishes one:
 * {@code "type"} first in every object, a collection naming the domain and version, a matrix ordering the tactics,
 * kill chain phases and external references under the domain's source name ({@code mitre-mobile-attack}; groups,
 * software and campaigns, which ATT&CK shares between domains, under {@code mitre-attack}), relationships between
 * STIX ids. STIX ids are derived from the ATT&CK IDs ({@code attack-pattern--t1078-004}), and every method that
 * relates or marks objects names them by ATT&CK ID.
 *
 * <pre>{@code
 * AttackBundle.of("enterprise", "18.1")
 *         .tactic("TA0006", "credential-access", "Credential Access")
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
    private String site = "https://attack.mitre.org/";
    private String lastTactic;
    private int relationships;

    private AttackBundle(String domain, String version) {
        this.domain = domain;
        bundle.put("type", "bundle").put("id", "bundle--" + domain).put("spec_version", "2.1");
        objects = bundle.putArray("objects");
        ObjectNode collection = object("x-mitre-collection", "x-mitre-collection--" + domain)
                .put("name", "Test " + domain + " ATT&CK").put("x_mitre_version", version);
        collection.putArray("x_mitre_domains").add(domain + "-attack");
        ObjectNode matrix = object("x-mitre-matrix", "x-mitre-matrix--" + domain)
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

    /** A tactic, the next column of the matrix; techniques added after it without tactics of their own go in it. */
    public AttackBundle tactic(String id, String shortname, String name) {
        attackObject("x-mitre-tactic", id, name, domainSource()).put("x_mitre_shortname", shortname);
        tacticRefs.add(stixId("x-mitre-tactic", id));
        lastTactic = shortname;
        return this;
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
        ObjectNode t = attackObject("attack-pattern", id, name, domainSource());
        ArrayNode phases = t.putArray("kill_chain_phases");
        for (String tactic : tactics.length == 0 ? new String[] {lastTactic} : tactics) {
            phases.addObject().put("kill_chain_name", domainSource()).put("phase_name", tactic);
        }
        t.putArray("x_mitre_platforms").add(platform());
        boolean sub = id.contains(".");
        t.put("x_mitre_is_subtechnique", sub);
        if (sub) {
            relationship("subtechnique-of", stixId("attack-pattern", id),
                    stixId("attack-pattern", id.substring(0, id.indexOf('.'))), null);
        }
        return this;
    }

    public AttackBundle group(String id, String name, String... aliases) {
        attackObject("intrusion-set", id, name, SHARED_SOURCE).set("aliases", strings(aliases));
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
        ObjectNode campaign = attackObject("campaign", id, name, SHARED_SOURCE);
        campaign.set("aliases", strings(aliases));
        campaign.put("first_seen", "2020-01-01T00:00:00.000Z").put("last_seen", "2021-01-01T00:00:00.000Z");
        return this;
    }

    public AttackBundle mitigation(String id, String name) {
        attackObject("course-of-action", id, name, domainSource());
        return this;
    }

    /**
     * A detection strategy with one analytic (ID {@code analyticId}, named "Analytic ID") that reads the AWS
     * CloudTrail log of a data component named "Component of ID".
     */
    public AttackBundle detectionStrategy(String id, String name, String analyticId) {
        ObjectNode component = object("x-mitre-data-component", stixId("x-mitre-data-component", analyticId));
        component.put("name", "Component of " + analyticId);
        ObjectNode analytic = attackObject("x-mitre-analytic", analyticId, "Analytic " + analyticId, domainSource());
        analytic.putArray("x_mitre_platforms").add(platform());
        analytic.putArray("x_mitre_log_source_references").addObject()
                .put("x_mitre_data_component_ref", component.path("id").asText())
                .put("name", "AWS:CloudTrail").put("channel", "GetSecretValue");
        ObjectNode strategy = attackObject("x-mitre-detection-strategy", id, name, domainSource());
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
        return relationship("uses", stixIdOf(source), stixIdOf(target), description);
    }

    public AttackBundle attributedTo(String campaign, String group) {
        return relationship("attributed-to", stixIdOf(campaign), stixIdOf(group), null);
    }

    public AttackBundle mitigates(String mitigation, String technique) {
        return relationship("mitigates", stixIdOf(mitigation), stixIdOf(technique), null);
    }

    public AttackBundle detects(String strategy, String technique) {
        return relationship("detects", stixIdOf(strategy), stixIdOf(technique), null);
    }

    /** {@code old} is revoked by {@code replacement}: its revoked flag and the relationship. */
    public AttackBundle revokedBy(String old, String replacement) {
        find(old).put("revoked", true);
        return relationship("revoked-by", stixIdOf(old), stixIdOf(replacement), null);
    }

    /** Marks the object deprecated; a deprecated tactic leaves the matrix, as in ATT&CK's releases. */
    public AttackBundle deprecated(String id) {
        ObjectNode object = find(id).put("x_mitre_deprecated", true);
        tacticRefs.removeIf(ref -> ref.asText().equals(object.path("id").asText()));
        return this;
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
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AttackBundle software(String type, String id, String name, String... aliases) {
        ObjectNode software = attackObject(type, id, name, SHARED_SOURCE);
        software.set("x_mitre_aliases", strings(aliases));
        software.putArray("x_mitre_platforms").add("Windows");
        return this;
    }

    private AttackBundle relationship(String type, String source, String target, String description) {
        ObjectNode r = object("relationship", "relationship--" + domain + "-" + (++relationships));
        if (description != null) {
            r.put("description", description);
        }
        r.put("relationship_type", type).put("source_ref", source).put("target_ref", target);
        return this;
    }

    private static String stixId(String type, String attackId) {
        return type + "--" + attackId.toLowerCase(Locale.ROOT).replace('.', '-');
    }

    private ObjectNode object(String type, String id) {
        return objects.addObject().put("type", type).put("id", id);
    }

    /** An object with an ATT&CK ID: its name, a description, the ID and its page, and the domain. */
    private ObjectNode attackObject(String type, String attackId, String name, String source) {
        if (byAttackId.containsKey(attackId)) {
            throw new IllegalArgumentException(attackId + " is in the bundle already");
        }
        ObjectNode o = object(type, stixId(type, attackId)).put("name", name)
                .put("description", name + " described.");
        o.putArray("external_references").addObject().put("source_name", source).put("external_id", attackId)
                .put("url", site + page(type) + "/" + attackId.replace('.', '/'));
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

    /** The {@code source_name} of the domain's own objects, as model/AttackDomain spells it. */
    private String domainSource() {
        return domain.equals("enterprise") ? SHARED_SOURCE : "mitre-" + domain + "-attack";
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

    private String stixIdOf(String attackId) {
        return find(attackId).path("id").asText();
    }
}
