package dev.mapper.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small made-up ATT&CK domain for matrix tests, written in the official formats: a STIX 2.1 bundle ("enterprise"
 * 90.1) with twelve tactics in matrix order, techniques with sub-techniques, one revoked and one deprecated; and two
 * mapping files: {@code cloudx} scores its mappings, {@code controls} does not and also maps the revoked technique;
 * and a group that uses three techniques.
 * Nothing here is ATT&CK's: names and IDs are invented, so snapshots of it are stable and copy nothing.
 */
public final class MatrixFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The tactics, in matrix order: ID, shortname, name. */
    public static final List<String[]> TACTICS = List.of(
            new String[] {"TA9001", "scouting", "Scouting"},
            new String[] {"TA9002", "staging", "Staging"},
            new String[] {"TA9003", "entry", "Entry"},
            new String[] {"TA9004", "running", "Running"},
            new String[] {"TA9005", "staying", "Staying"},
            new String[] {"TA9006", "climbing", "Climbing Privileges"},
            new String[] {"TA9007", "hiding", "Hiding"},
            new String[] {"TA9008", "keys", "Taking Keys"},
            new String[] {"TA9009", "looking", "Looking Around"},
            new String[] {"TA9010", "moving", "Moving Sideways"},
            new String[] {"TA9011", "gathering", "Gathering"},
            new String[] {"TA9012", "impact", "Impact"});

    /** Techniques: ID, name, tactic shortnames (comma-separated). Sub-techniques follow their parent. */
    private static final List<String[]> TECHNIQUES = List.of(
            new String[] {"T9001", "Scan the Perimeter", "scouting"},
            new String[] {"T9001.001", "Port Sweep", "scouting"},
            new String[] {"T9001.002", "Name Lookup", "scouting"},
            new String[] {"T9002", "Read Public Records", "scouting"},
            new String[] {"T9003", "Rent Infrastructure", "staging"},
            new String[] {"T9004", "Lure by Mail", "entry"},
            new String[] {"T9004.001", "Lure Attachment", "entry"},
            new String[] {"T9004.002", "Lure Link", "entry"},
            new String[] {"T9005", "Borrowed Accounts", "entry,staying,climbing,hiding"},
            new String[] {"T9005.001", "Default Accounts", "entry,staying,climbing,hiding"},
            new String[] {"T9006", "Command Interpreter Abuse", "running"},
            new String[] {"T9007", "Scheduled Work", "running,staying,climbing"},
            new String[] {"T9008", "Boot Hooks", "staying"},
            new String[] {"T9009", "Token Theft From Application Stores", "keys"},
            new String[] {"T9010", "Guess Passwords", "keys"},
            new String[] {"T9010.001", "Spray Passwords", "keys"},
            new String[] {"T9011", "Clear Traces", "hiding"},
            new String[] {"T9012", "List Cloud Resources", "looking"},
            new String[] {"T9013", "Remote Desktop Hopping", "moving"},
            new String[] {"T9014", "Collect Local Files", "gathering"},
            new String[] {"T9015", "Encrypt for Ransom", "impact"},
            new String[] {"T9016", "Wipe Disks", "impact"});

    private MatrixFixture() {
    }

    /** A group, "Fixture Bears", and the techniques it uses; T9098 is deprecated, so it does not count. */
    public static final String GROUP = "G9001";
    public static final List<String> GROUP_USES = List.of("T9004.001", "T9010", "T9015", "T9098");

    /** Markup and script where data text goes: a page that shows data must show these as text. */
    public static final String HOSTILE_NAME = "</script><script>alert('name')</script><img src=x onerror=alert(1)>";
    public static final String HOSTILE_CAPABILITY = "\"><img src=x onerror=alert('cap')>";
    public static final String HOSTILE_DESCRIPTION = "<b onmouseover=alert(2)>bold</b>";
    public static final String HOSTILE_COMMENT = "</script><script>alert(document.domain)</script> & \"quoted\" 'too'";
    public static final List<String> HOSTILE_REFERENCES = List.of("javascript:alert('ref')",
            "data:text/html,<script>alert(3)</script>", "https://example.com/ok?a=1&b=<2>");
    /** The technique that carries the hostile name, in the hostile fixture only. */
    public static final String HOSTILE_TECHNIQUE = "T9017";

    /** Writes {@code attack/enterprise-attack-90.1.json} and {@code mappings/*.json} under {@code dir}. */
    public static void write(Path dir) throws IOException {
        write(dir, false);
    }

    /**
     * The fixture and, with {@code hostile}, a technique whose name is markup, a tactic whose name is markup, and a
     * framework {@code evil} mapping it with a capability, description, comment and references that are markup.
     */
    public static void write(Path dir, boolean hostile) throws IOException {
        Files.createDirectories(dir.resolve("attack"));
        Files.createDirectories(dir.resolve("mappings"));
        ObjectNode bundle = bundle();
        if (hostile) {
            ArrayNode objects = bundle.withArray("objects");
            objects.add(technique(HOSTILE_TECHNIQUE, HOSTILE_NAME, "impact"));
            objects.forEach(o -> {
                if (o.path("x_mitre_shortname").asText().equals("impact")) {
                    ((ObjectNode) o).put("name", "<i>Impact</i><script>alert('tactic')</script>");
                }
            });
            ObjectNode evil = mappingFile("evil", "1", "technique_scores");
            add(evil, HOSTILE_CAPABILITY, HOSTILE_DESCRIPTION, HOSTILE_TECHNIQUE, "protect", "significant",
                    HOSTILE_COMMENT, null);
            HOSTILE_REFERENCES.forEach(ref -> ((ArrayNode) evil.path("mapping_objects").get(0).path("references"))
                    .add(ref));
            Files.writeString(dir.resolve("mappings/evil.json"), evil.toPrettyString());
        }
        Files.writeString(dir.resolve("attack/enterprise-attack-90.1.json"), bundle.toPrettyString());
        ObjectNode cloud = mappingFile("cloudx", "2025-01", "technique_scores");
        add(cloud, "cx_firewall", "Perimeter Firewall", "T9001.001", "protect", "partial",
                "Blocks port sweeps from outside.", "https://example.com/cloudx/firewall");
        add(cloud, "cx_firewall", "Perimeter Firewall", "T9013", "protect", "significant",
                "Only allow-listed hosts reach remote desktop.", "https://example.com/cloudx/firewall");
        add(cloud, "cx_mail_filter", "Mail Filter", "T9004.001", "protect", "significant",
                "Strips attachments that run code.", "https://example.com/cloudx/mail");
        add(cloud, "cx_mail_filter", "Mail Filter", "T9004.002", "detect", "minimal", "Flags some lures.", null);
        add(cloud, "cx_identity", "Identity Service", "T9005", "protect", "partial",
                "MFA and account reviews.\nApplies to cloud accounts only.", "https://example.com/cloudx/identity");
        add(cloud, "cx_identity", "Identity Service", "T9010", "detect", "significant",
                "Alerts on failed sign-ins.", null);
        add(cloud, "cx_vault", "Secrets Vault", "T9009", "protect", "minimal", "Short-lived tokens.", null);
        add(cloud, "cx_audit", "Audit Log", "T9011", "detect", "partial", "Deleting logs is itself logged.", null);
        add(cloud, "cx_audit", "Audit Log", "T9012", "detect", "minimal", "API calls are logged.", null);
        add(cloud, "cx_backup", "Backups", "T9015", "respond", "significant", "Restores encrypted data.", null);
        add(cloud, "cx_backup", "Backups", "T9016", "respond", "significant", "Restores wiped disks.", null);
        Files.writeString(dir.resolve("mappings/cloudx.json"), cloud.toPrettyString());

        ObjectNode controls = mappingFile("controls", "v2", "mitigates");
        for (String[] control : List.of(new String[] {"CT-01", "T9005"}, new String[] {"CT-01", "T9010"},
                new String[] {"CT-02", "T9005.001"}, new String[] {"CT-03", "T9006"}, new String[] {"CT-03", "T9007"},
                new String[] {"CT-04", "T9008"}, new String[] {"CT-05", "T9014"}, new String[] {"CT-05", "T9099"},
                new String[] {"CT-06", "T9015"})) {
            add(controls, control[0], "Control " + control[0], control[1], null, null, null, null);
        }
        Files.writeString(dir.resolve("mappings/controls.json"), controls.toPrettyString());
    }

    private static ObjectNode bundle() {
        ObjectNode bundle = JSON.createObjectNode().put("type", "bundle").put("id", "bundle--fixture")
                .put("spec_version", "2.1");
        ArrayNode objects = bundle.putArray("objects");
        objects.addObject().put("type", "x-mitre-collection").put("id", "x-mitre-collection--fixture")
                .put("name", "Enterprise ATT&CK (test fixture)").put("x_mitre_version", "90.1");
        ArrayNode refs = objects.addObject().put("type", "x-mitre-matrix").put("id", "x-mitre-matrix--fixture")
                .put("name", "Fixture matrix").putArray("tactic_refs");
        for (String[] tactic : TACTICS) {
            refs.add("x-mitre-tactic--" + tactic[0]);
            ObjectNode object = objects.addObject().put("type", "x-mitre-tactic").put("id", "x-mitre-tactic--" + tactic[0])
                    .put("name", tactic[2]).put("x_mitre_shortname", tactic[1]);
            object.putArray("external_references").addObject().put("source_name", "mitre-attack")
                    .put("external_id", tactic[0]);
            object.putArray("x_mitre_domains").add("enterprise-attack");
        }
        for (String[] t : TECHNIQUES) {
            objects.add(technique(t[0], t[1], t[2].split(",")));
            if (t[0].contains(".")) {
                objects.addObject().put("type", "relationship").put("id", "relationship--" + t[0])
                        .put("relationship_type", "subtechnique-of").put("source_ref", "attack-pattern--" + t[0])
                        .put("target_ref", "attack-pattern--" + t[0].substring(0, t[0].indexOf('.')));
            }
        }
        ObjectNode group = objects.addObject().put("type", "intrusion-set").put("id", "intrusion-set--G9001")
                .put("name", "Fixture Bears").put("description", "A made-up group for tests.");
        group.putArray("aliases").add("Fixture Bears").add("Test Bears");
        group.putArray("external_references").addObject().put("source_name", "mitre-attack")
                .put("external_id", GROUP).put("url", "https://attack.example/groups/" + GROUP);
        for (String used : GROUP_USES) {
            objects.addObject().put("type", "relationship").put("id", "relationship--uses-" + used)
                    .put("relationship_type", "uses").put("source_ref", "intrusion-set--G9001")
                    .put("target_ref", "attack-pattern--" + used).put("description", "Seen in tests.");
        }
        objects.add(technique("T9098", "Old Trick", "running").put("x_mitre_deprecated", true));
        objects.add(technique("T9099", "Retired Trick", "gathering").put("revoked", true));
        objects.addObject().put("type", "relationship").put("id", "relationship--revoked")
                .put("relationship_type", "revoked-by").put("source_ref", "attack-pattern--T9099")
                .put("target_ref", "attack-pattern--T9014");
        return bundle;
    }

    private static ObjectNode technique(String id, String name, String... tactics) {
        ObjectNode t = JSON.createObjectNode().put("type", "attack-pattern").put("id", "attack-pattern--" + id)
                .put("name", name).put("description", "A made-up technique for tests.");
        t.putArray("external_references").addObject().put("source_name", "mitre-attack").put("external_id", id)
                .put("url", "https://attack.example/techniques/" + id.replace('.', '/'));
        ArrayNode phases = t.putArray("kill_chain_phases");
        for (String tactic : tactics) {
            phases.addObject().put("kill_chain_name", "mitre-attack").put("phase_name", tactic);
        }
        t.putArray("x_mitre_domains").add("enterprise-attack");
        t.putArray("x_mitre_platforms").add("Linux");
        t.put("x_mitre_is_subtechnique", id.contains("."));
        return t;
    }

    /** An empty mapping file of a framework, for ATT&CK 90.1. */
    public static ObjectNode mappingFile(String framework, String version, String mappingType) {
        ObjectNode file = JSON.createObjectNode();
        ObjectNode metadata = file.putObject("metadata").put("mapping_version", "1").put("attack_version", "90.1")
                .put("technology_domain", "enterprise").put("mapping_framework", framework)
                .put("mapping_framework_version", version).put("creation_date", "01/01/2025")
                .put("last_update", "01/01/2025");
        metadata.putObject("mapping_types").putObject(mappingType).put("name", mappingType).put("description", "");
        file.putArray("mapping_objects");
        return file;
    }

    /** Adds a mapping object; null fields are written as JSON null, a null reference as an empty list. */
    public static void add(ObjectNode file, String capability, String description, String technique, String category,
                           String score, String comments, String reference) {
        ObjectNode m = file.withArray("mapping_objects").addObject().put("capability_id", capability)
                .put("capability_description", description).put("capability_group", capability)
                .put("mapping_type", file.path("metadata").path("mapping_types").fieldNames().next())
                .put("attack_object_id", technique).put("attack_object_name", (String) null)
                .put("score_category", category).put("score_value", score).put("comments", comments);
        ArrayNode references = m.putArray("references");
        if (reference != null) {
            references.add(reference);
        }
        m.put("status", "complete");
    }
}
