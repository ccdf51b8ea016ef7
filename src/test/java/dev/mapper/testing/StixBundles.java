package dev.mapper.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Small ATT&CK STIX 2.1 bundles written the way ATT&CK publishes them ({@code "type"} first, IDs in a
 * {@code mitre-attack} external reference, relationships between STIX ids), for edge cases the corpus lacks.
 * STIX ids are derived from the ATT&CK IDs ({@code intrusion-set--g0001}), so tests can name either.
 */
public final class StixBundles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode bundle = JSON.createObjectNode();
    private final ArrayNode objects;
    private final String domain;
    private int relationships;

    private StixBundles(String domain, String version) {
        this.domain = domain;
        bundle.put("type", "bundle").put("id", "bundle--" + domain);
        objects = bundle.putArray("objects");
        ObjectNode collection = object("x-mitre-collection", "x-mitre-collection--" + domain);
        collection.put("name", "test " + domain).put("x_mitre_version", version);
        collection.putArray("x_mitre_domains").add(domain + "-attack");
        ObjectNode tactic = attackObject("x-mitre-tactic", "TA0006", "Credential Access");
        tactic.put("x_mitre_shortname", "credential-access");
        ObjectNode tactic2 = attackObject("x-mitre-tactic", "TA0001", "Initial Access");
        tactic2.put("x_mitre_shortname", "initial-access");
        object("x-mitre-matrix", "x-mitre-matrix--" + domain).putArray("tactic_refs")
                .add(stixId("x-mitre-tactic", "TA0001")).add(stixId("x-mitre-tactic", "TA0006"));
    }

    /** An empty bundle of the domain (enterprise, mobile, ics) at an ATT&CK version, with two tactics. */
    public static StixBundles of(String domain, String version) {
        return new StixBundles(domain, version);
    }

    /** The STIX id the builder gives the object of that type and ATT&CK ID. */
    public static String stixId(String type, String attackId) {
        return type + "--" + attackId.toLowerCase(Locale.ROOT).replace('.', '-');
    }

    /** A technique (a sub-technique when the ID has a dot) of the credential-access tactic. */
    public ObjectNode technique(String id, String name) {
        ObjectNode t = attackObject("attack-pattern", id, name);
        t.putArray("kill_chain_phases").addObject().put("kill_chain_name", "mitre-attack")
                .put("phase_name", "credential-access");
        t.putArray("x_mitre_platforms").add("IaaS");
        t.put("x_mitre_is_subtechnique", id.contains("."));
        if (id.contains(".")) {
            relationship("subtechnique-of", stixId("attack-pattern", id),
                    stixId("attack-pattern", id.substring(0, id.indexOf('.'))), null);
        }
        return t;
    }

    public ObjectNode group(String id, String name, String... aliases) {
        ObjectNode g = attackObject("intrusion-set", id, name);
        ArrayNode list = g.putArray("aliases");
        List.of(aliases).forEach(list::add);
        return g;
    }

    /** Malware, or a tool with {@code type} "tool". */
    public ObjectNode software(String type, String id, String name, String... aliases) {
        ObjectNode s = attackObject(type, id, name);
        ArrayNode list = s.putArray("x_mitre_aliases");
        List.of(aliases).forEach(list::add);
        s.putArray("x_mitre_platforms").add("Windows");
        return s;
    }

    public ObjectNode campaign(String id, String name, String... aliases) {
        ObjectNode c = attackObject("campaign", id, name);
        ArrayNode list = c.putArray("aliases");
        List.of(aliases).forEach(list::add);
        c.put("first_seen", "2020-01-01T00:00:00.000Z").put("last_seen", "2021-01-01T00:00:00.000Z");
        return c;
    }

    public ObjectNode mitigation(String id, String name) {
        return attackObject("course-of-action", id, name);
    }

    /** A detection strategy with one analytic (ID {@code analyticId}) reading one log of a data component. */
    public ObjectNode detectionStrategy(String id, String name, String analyticId) {
        ObjectNode component = object("x-mitre-data-component", "x-mitre-data-component--" + analyticId.toLowerCase(Locale.ROOT));
        component.put("name", "Component of " + analyticId);
        ObjectNode analytic = attackObject("x-mitre-analytic", analyticId, "Analytic " + analyticId);
        analytic.putArray("x_mitre_platforms").add("IaaS");
        analytic.putArray("x_mitre_log_source_references").addObject()
                .put("x_mitre_data_component_ref", component.path("id").asText())
                .put("name", "AWS:CloudTrail").put("channel", "GetSecretValue");
        ObjectNode strategy = attackObject("x-mitre-detection-strategy", id, name);
        strategy.putArray("x_mitre_analytic_refs").add(analytic.path("id").asText());
        return strategy;
    }

    /** {@code source} uses {@code target} (both ATT&CK IDs; the types are looked up among the objects so far). */
    public StixBundles uses(String source, String target, String description) {
        return relationship("uses", stixIdOf(source), stixIdOf(target), description);
    }

    public StixBundles attributedTo(String campaign, String group) {
        return relationship("attributed-to", stixIdOf(campaign), stixIdOf(group), null);
    }

    public StixBundles mitigates(String mitigation, String technique) {
        return relationship("mitigates", stixIdOf(mitigation), stixIdOf(technique), null);
    }

    public StixBundles detects(String strategy, String technique) {
        return relationship("detects", stixIdOf(strategy), stixIdOf(technique), null);
    }

    /** {@code old} is revoked by {@code replacement}: its revoked flag and the relationship. */
    public StixBundles revokedBy(String old, String replacement) {
        find(old).put("revoked", true);
        return relationship("revoked-by", stixIdOf(old), stixIdOf(replacement), null);
    }

    public StixBundles deprecated(String id) {
        find(id).put("x_mitre_deprecated", true);
        return this;
    }

    public String json() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(bundle);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the bundle to {@code file} and returns the path. */
    public Path write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StixBundles relationship(String type, String source, String target, String description) {
        ObjectNode r = object("relationship", "relationship--" + domain + "-" + (++relationships));
        if (description != null) {
            r.put("description", description);
        }
        r.put("relationship_type", type).put("source_ref", source).put("target_ref", target);
        return this;
    }

    private ObjectNode object(String type, String id) {
        ObjectNode o = objects.addObject();
        o.put("type", type).put("id", id).put("spec_version", "2.1");
        return o;
    }

    private ObjectNode attackObject(String type, String attackId, String name) {
        ObjectNode o = object(type, stixId(type, attackId));
        o.put("name", name).put("description", name + " described.");
        o.putArray("external_references").addObject().put("source_name", "mitre-attack")
                .put("external_id", attackId).put("url", "https://attack.mitre.org/" + attackId);
        o.putArray("x_mitre_domains").add(domain + "-attack");
        return o;
    }

    private ObjectNode find(String attackId) {
        for (var o : objects) {
            for (var ref : o.path("external_references")) {
                if (ref.path("external_id").asText().equals(attackId)) {
                    return (ObjectNode) o;
                }
            }
        }
        throw new IllegalArgumentException("no object " + attackId + " in the bundle yet");
    }

    private String stixIdOf(String attackId) {
        return find(attackId).path("id").asText();
    }
}
