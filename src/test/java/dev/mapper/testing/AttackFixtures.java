package dev.mapper.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Small hand-made ATT&CK STIX bundles and Mappings Explorer files in the published formats, for what the corpus
 * lacks: the Mobile and ICS domains (whose tactics share names, and Mobile's shortnames, with Enterprise), deprecated
 * tactics, and an Enterprise release small enough to reason about. Shaped like the official files: a collection
 * naming the version, a matrix ordering the tactics, kill chain phases and external references under each domain's
 * source name, sub-technique, revocation and mitigation relationships. Also plain Jackson walks over such files,
 * to count what mapper should report independently of its readers.
 */
public final class AttackFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AttackFixtures() {
    }

    /**
     * ATT&CK Mobile 13.0 as STIX 2.0 (the version on the bundle, none on the objects): Initial Access, Execution,
     * Defense Evasion and Command and Control, and the deprecated Network Effects with its deprecated technique;
     * T1406 with two sub-techniques and a mitigation; T1400 revoked by T1406; T1521.003, which one official
     * Enterprise mapping file maps.
     */
    public static ObjectNode mobile() {
        ObjectNode bundle = bundle("2.0");
        ArrayNode objects = bundle.withArray("objects");
        objects.add(collection("mobile", "13.0"));
        objects.add(matrix("mobile", "x-mitre-tactic--m-ia", "x-mitre-tactic--m-ex", "x-mitre-tactic--m-de",
                "x-mitre-tactic--m-c2"));
        objects.add(tactic("x-mitre-tactic--m-ia", "TA0027", "Initial Access", "initial-access", "mobile"));
        objects.add(tactic("x-mitre-tactic--m-ex", "TA0041", "Execution", "execution", "mobile"));
        objects.add(tactic("x-mitre-tactic--m-de", "TA0030", "Defense Evasion", "defense-evasion", "mobile"));
        objects.add(tactic("x-mitre-tactic--m-c2", "TA0037", "Command and Control", "command-and-control", "mobile"));
        objects.add(tactic("x-mitre-tactic--m-ne", "TA0038", "Network Effects", "network-effects", "mobile")
                .put("x_mitre_deprecated", true));
        objects.add(technique("attack-pattern--m1", "T1474", "Supply Chain Compromise", "mobile", "initial-access", false));
        objects.add(technique("attack-pattern--m2", "T1456", "Drive-By Compromise", "mobile", "initial-access", false));
        objects.add(technique("attack-pattern--m3", "T1603", "Scheduled Task/Job", "mobile", "execution", false));
        objects.add(technique("attack-pattern--m4", "T1406", "Obfuscated Files or Information", "mobile",
                "defense-evasion", false));
        objects.add(technique("attack-pattern--m5", "T1406.001", "Steganography", "mobile", "defense-evasion", true));
        objects.add(technique("attack-pattern--m6", "T1406.002", "Software Packing", "mobile", "defense-evasion", true));
        objects.add(technique("attack-pattern--m7", "T1400", "Modify System Partition", "mobile", "defense-evasion",
                false).put("revoked", true));
        objects.add(technique("attack-pattern--m9", "T1521", "Encrypted Channel", "mobile", "command-and-control", false));
        objects.add(technique("attack-pattern--m10", "T1521.003", "SSL Pinning", "mobile", "command-and-control", true));
        objects.add(technique("attack-pattern--m8", "T1466", "Downgrade to Insecure Protocols", "mobile",
                "network-effects", false).put("x_mitre_deprecated", true));
        objects.add(JSON.createObjectNode().put("type", "course-of-action").put("id", "course-of-action--m1")
                .put("name", "Security Updates").set("external_references", JSON.createArrayNode().add(
                        JSON.createObjectNode().put("source_name", "mitre-mobile-attack").put("external_id", "M1001"))));
        objects.add(relationship("subtechnique-of", "attack-pattern--m5", "attack-pattern--m4"));
        objects.add(relationship("subtechnique-of", "attack-pattern--m6", "attack-pattern--m4"));
        objects.add(relationship("subtechnique-of", "attack-pattern--m10", "attack-pattern--m9"));
        objects.add(relationship("revoked-by", "attack-pattern--m7", "attack-pattern--m4"));
        objects.add(relationship("mitigates", "course-of-action--m1", "attack-pattern--m4"));
        return bundle;
    }

    /**
     * ATT&CK ICS 15.0 as STIX 2.1: its tactics' shortnames end in {@code -ics}; T0803 is deprecated.
     */
    public static ObjectNode ics() {
        ObjectNode bundle = bundle("2.1");
        ArrayNode objects = bundle.withArray("objects");
        objects.add(collection("ics", "15.0"));
        objects.add(matrix("ics", "x-mitre-tactic--i-ia", "x-mitre-tactic--i-ex", "x-mitre-tactic--i-ir"));
        objects.add(tactic("x-mitre-tactic--i-ia", "TA0108", "Initial Access", "initial-access-ics", "ics"));
        objects.add(tactic("x-mitre-tactic--i-ex", "TA0104", "Execution", "execution-ics", "ics"));
        objects.add(tactic("x-mitre-tactic--i-ir", "TA0107", "Inhibit Response Function", "inhibit-response-function",
                "ics"));
        objects.add(technique("attack-pattern--i1", "T0819", "Exploit Public-Facing Application", "ics",
                "initial-access-ics", false));
        objects.add(technique("attack-pattern--i2", "T0866", "Exploitation of Remote Services", "ics",
                "initial-access-ics", false));
        objects.add(technique("attack-pattern--i3", "T0807", "Command-Line Interface", "ics", "execution-ics", false));
        objects.add(technique("attack-pattern--i4", "T0800", "Activate Firmware Update Mode", "ics",
                "inhibit-response-function", false));
        objects.add(technique("attack-pattern--i5", "T0803", "Block Command Message", "ics",
                "inhibit-response-function", false).put("x_mitre_deprecated", true));
        return bundle;
    }

    /**
     * A small ATT&CK Enterprise release: Initial Access, Persistence and Credential Access; ten techniques and
     * sub-techniques that count (T1078 under two tactics), T1108 revoked by T1078 and T1527 deprecated. Like the
     * real one it grows: before 16 it lacks T1556, from 17 on it has T1650 too.
     */
    public static ObjectNode enterprise(String version) {
        ObjectNode bundle = enterprise16(version);
        double number = Double.parseDouble(version);
        if (number < 16) {
            bundle.withArray("objects").removeIf(o -> o.path("id").asText().equals("attack-pattern--e10"));
        }
        if (number >= 17) {
            bundle.withArray("objects").add(technique("attack-pattern--e13", "T1650", "Acquire Access", "enterprise",
                    "initial-access", false));
        }
        return bundle;
    }

    private static ObjectNode enterprise16(String version) {
        ObjectNode bundle = bundle("2.1");
        ArrayNode objects = bundle.withArray("objects");
        objects.add(collection("enterprise", version));
        objects.add(matrix("enterprise", "x-mitre-tactic--e-ia", "x-mitre-tactic--e-pe", "x-mitre-tactic--e-ca"));
        objects.add(tactic("x-mitre-tactic--e-ia", "TA0001", "Initial Access", "initial-access", "enterprise"));
        objects.add(tactic("x-mitre-tactic--e-pe", "TA0003", "Persistence", "persistence", "enterprise"));
        objects.add(tactic("x-mitre-tactic--e-ca", "TA0006", "Credential Access", "credential-access", "enterprise"));
        ObjectNode validAccounts = technique("attack-pattern--e1", "T1078", "Valid Accounts", "enterprise",
                "initial-access", false);
        validAccounts.withArray("kill_chain_phases").addObject().put("kill_chain_name", "mitre-attack")
                .put("phase_name", "persistence");
        objects.add(validAccounts);
        objects.add(technique("attack-pattern--e2", "T1078.004", "Cloud Accounts", "enterprise", "initial-access", true));
        objects.add(technique("attack-pattern--e3", "T1190", "Exploit Public-Facing Application", "enterprise",
                "initial-access", false));
        objects.add(technique("attack-pattern--e4", "T1133", "External Remote Services", "enterprise",
                "persistence", false));
        objects.add(technique("attack-pattern--e5", "T1098", "Account Manipulation", "enterprise", "persistence", false));
        objects.add(technique("attack-pattern--e6", "T1098.001", "Additional Cloud Credentials", "enterprise",
                "persistence", true));
        objects.add(technique("attack-pattern--e7", "T1528", "Steal Application Access Token", "enterprise",
                "credential-access", false));
        objects.add(technique("attack-pattern--e8", "T1110", "Brute Force", "enterprise", "credential-access", false));
        objects.add(technique("attack-pattern--e9", "T1110.001", "Password Guessing", "enterprise",
                "credential-access", true));
        objects.add(technique("attack-pattern--e10", "T1556", "Modify Authentication Process", "enterprise",
                "credential-access", false));
        objects.add(technique("attack-pattern--e11", "T1108", "Redundant Access", "enterprise", "persistence", false)
                .put("revoked", true));
        objects.add(technique("attack-pattern--e12", "T1527", "Application Access Token", "enterprise",
                "credential-access", false).put("x_mitre_deprecated", true));
        objects.add(relationship("subtechnique-of", "attack-pattern--e2", "attack-pattern--e1"));
        objects.add(relationship("subtechnique-of", "attack-pattern--e6", "attack-pattern--e5"));
        objects.add(relationship("subtechnique-of", "attack-pattern--e9", "attack-pattern--e8"));
        objects.add(relationship("revoked-by", "attack-pattern--e11", "attack-pattern--e1"));
        return bundle;
    }

    public static ObjectNode bundle(String specVersion) {
        ObjectNode bundle = JSON.createObjectNode().put("type", "bundle").put("id", "bundle--test");
        if (specVersion.equals("2.0")) {
            bundle.put("spec_version", "2.0");
        }
        bundle.putArray("objects");
        return bundle;
    }

    /** The collection object the official bundles open with, naming the release's version. */
    public static ObjectNode collection(String domain, String version) {
        ObjectNode collection = JSON.createObjectNode().put("type", "x-mitre-collection")
                .put("id", "x-mitre-collection--" + domain).put("name", domain + " ATT&CK")
                .put("x_mitre_version", version);
        collection.putArray("x_mitre_domains").add(domain + "-attack");
        return collection;
    }

    /** The matrix: the domain's tactics in column order. */
    public static ObjectNode matrix(String domain, String... tacticStixIds) {
        ObjectNode matrix = JSON.createObjectNode().put("type", "x-mitre-matrix").put("id", "x-mitre-matrix--" + domain)
                .put("name", domain + " ATT&CK");
        matrix.putArray("x_mitre_domains").add(domain + "-attack");
        ArrayNode refs = matrix.putArray("tactic_refs");
        for (String id : tacticStixIds) {
            refs.add(id);
        }
        return matrix;
    }

    public static ObjectNode tactic(String stixId, String id, String name, String shortname, String domain) {
        ObjectNode tactic = JSON.createObjectNode().put("type", "x-mitre-tactic").put("id", stixId).put("name", name)
                .put("x_mitre_shortname", shortname);
        tactic.putArray("x_mitre_domains").add(domain + "-attack");
        tactic.putArray("external_references").addObject().put("source_name", source(domain)).put("external_id", id);
        return tactic;
    }

    public static ObjectNode technique(String stixId, String id, String name, String domain, String tactic,
                                       boolean sub) {
        ObjectNode t = JSON.createObjectNode().put("type", "attack-pattern").put("id", stixId).put("name", name)
                .put("x_mitre_is_subtechnique", sub);
        t.putArray("x_mitre_domains").add(domain + "-attack");
        t.putArray("x_mitre_platforms").add(domain.equals("mobile") ? "Android" : domain.equals("ics") ? "None" : "IaaS");
        t.putArray("kill_chain_phases").addObject().put("kill_chain_name", source(domain)).put("phase_name", tactic);
        t.putArray("external_references").addObject().put("source_name", source(domain)).put("external_id", id)
                .put("url", "https://attack.mitre.org/techniques/" + id.replace('.', '/'));
        return t;
    }

    /** The {@code source_name} of the domain's ATT&CK IDs. */
    public static String source(String domain) {
        return domain.equals("enterprise") ? "mitre-attack" : "mitre-" + domain + "-attack";
    }

    public static ObjectNode relationship(String type, String source, String target) {
        return JSON.createObjectNode().put("type", "relationship").put("id", "relationship--" + source + target)
                .put("relationship_type", type).put("source_ref", source).put("target_ref", target);
    }

    /** A mapping file of the unified schema: metadata with the types and group its mappings use, then the objects. */
    public static ObjectNode mappingFile(String framework, String version, String attack, String domain,
                                         List<ObjectNode> objects) {
        ObjectNode file = JSON.createObjectNode();
        ObjectNode metadata = file.putObject("metadata").put("mapping_version", "1").put("attack_version", attack)
                .put("technology_domain", domain).put("creation_date", "01/02/2025").put("last_update", "01/02/2025")
                .put("mapping_framework", framework).put("mapping_framework_version", version);
        ObjectNode types = metadata.putObject("mapping_types");
        objects.forEach(o -> {
            String type = o.path("mapping_type").asText();
            if (!type.equals("non_mappable")) {
                types.putObject(type).put("name", type).put("description", "");
            }
        });
        metadata.putObject("capability_groups").put("g", "Group");
        file.putArray("mapping_objects").addAll(objects);
        return file;
    }

    public static ObjectNode mapping(String capability, String technique, String type) {
        return JSON.createObjectNode().put("capability_id", capability).put("mapping_type", type)
                .put("attack_object_id", technique).put("capability_group", "g")
                .put("status", "non_mappable".equals(type) ? "non_mappable" : "complete");
    }

    public static void write(Path file, JsonNode tree) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The IDs of a bundle's techniques that are neither revoked nor deprecated, with their tactics' phase names. */
    public static Map<String, Set<String>> activeTechniques(JsonNode bundle) {
        Map<String, Set<String>> active = new TreeMap<>();
        for (JsonNode object : bundle.path("objects")) {
            if (object.path("type").asText().equals("attack-pattern") && !object.path("revoked").asBoolean()
                    && !object.path("x_mitre_deprecated").asBoolean()) {
                Set<String> phases = new TreeSet<>();
                object.path("kill_chain_phases").forEach(p -> phases.add(p.path("phase_name").asText()));
                for (JsonNode ref : object.path("external_references")) {
                    if (ref.path("source_name").asText().startsWith("mitre-")) {
                        active.put(ref.path("external_id").asText(), phases);
                    }
                }
            }
        }
        return active;
    }

    /** The IDs mapping files map: objects with an {@code attack_object_id} and a mapping type other than non_mappable. */
    public static Set<String> mappedIds(List<JsonNode> files) {
        Set<String> ids = new TreeSet<>();
        for (JsonNode file : files) {
            for (JsonNode m : file.path("mapping_objects")) {
                String type = m.path("mapping_type").asText("");
                if (m.hasNonNull("attack_object_id") && !type.isEmpty() && !type.equals("non_mappable")
                        && !m.path("status").asText().equals("non_mappable")) {
                    ids.add(m.path("attack_object_id").asText());
                }
            }
        }
        return ids;
    }
}
