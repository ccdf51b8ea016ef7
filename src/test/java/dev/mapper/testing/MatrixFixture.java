package dev.mapper.testing;

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
    private static final String HOSTILE_TACTIC = "<i>Impact</i><script>alert('tactic')</script>";
    public static final String HOSTILE_CAPABILITY = "\"><img src=x onerror=alert('cap')>";
    public static final String HOSTILE_DESCRIPTION = "<b onmouseover=alert(2)>bold</b>";
    public static final String HOSTILE_COMMENT = "</script><script>alert(document.domain)</script> & \"quoted\" 'too'";
    public static final List<String> HOSTILE_REFERENCES = List.of("javascript:alert('ref')",
            "data:text/html,<script>alert(3)</script>", "https://example.com/ok?a=1&b=<2>");
    /** The technique that carries the hostile name, in the hostile fixture only. */
    public static final String HOSTILE_TECHNIQUE = "T9017";

    /** Writes {@code attack/enterprise-attack-90.1.json} and {@code mappings/*.json} under {@code dir}. */
    public static void write(Path dir) {
        write(dir, false);
    }

    /**
     * The fixture and, with {@code hostile}, a technique whose name is markup, a tactic whose name is markup, and a
     * framework {@code evil} mapping it with a capability, description, comment and references that are markup.
     */
    public static void write(Path dir, boolean hostile) {
        bundle(hostile).write(dir.resolve("attack/enterprise-attack-90.1.json"));
        if (hostile) {
            MappingFiles.file("evil").attack("90.1").add(scored(HOSTILE_CAPABILITY, HOSTILE_DESCRIPTION,
                    HOSTILE_TECHNIQUE, "protect", "significant", HOSTILE_COMMENT)
                    .references(HOSTILE_REFERENCES.toArray(String[]::new))).write(dir.resolve("mappings/evil.json"));
        }
        String firewall = "https://example.com/cloudx/firewall";
        MappingFiles.file("cloudx").version("2025-01").attack("90.1").add(
                scored("cx_firewall", "Perimeter Firewall", "T9001.001", "protect", "partial",
                        "Blocks port sweeps from outside.").references(firewall),
                scored("cx_firewall", "Perimeter Firewall", "T9013", "protect", "significant",
                        "Only allow-listed hosts reach remote desktop.").references(firewall),
                scored("cx_mail_filter", "Mail Filter", "T9004.001", "protect", "significant",
                        "Strips attachments that run code.").references("https://example.com/cloudx/mail"),
                scored("cx_mail_filter", "Mail Filter", "T9004.002", "detect", "minimal", "Flags some lures."),
                scored("cx_identity", "Identity Service", "T9005", "protect", "partial",
                        "MFA and account reviews.\nApplies to cloud accounts only.")
                        .references("https://example.com/cloudx/identity"),
                scored("cx_identity", "Identity Service", "T9010", "detect", "significant",
                        "Alerts on failed sign-ins."),
                scored("cx_vault", "Secrets Vault", "T9009", "protect", "minimal", "Short-lived tokens."),
                scored("cx_audit", "Audit Log", "T9011", "detect", "partial", "Deleting logs is itself logged."),
                scored("cx_audit", "Audit Log", "T9012", "detect", "minimal", "API calls are logged."),
                scored("cx_backup", "Backups", "T9015", "respond", "significant", "Restores encrypted data."),
                scored("cx_backup", "Backups", "T9016", "respond", "significant", "Restores wiped disks."))
                .write(dir.resolve("mappings/cloudx.json"));

        MappingFiles.File controls = MappingFiles.file("controls").version("v2").attack("90.1");
        for (String[] control : List.of(new String[] {"CT-01", "T9005"}, new String[] {"CT-01", "T9010"},
                new String[] {"CT-02", "T9005.001"}, new String[] {"CT-03", "T9006"}, new String[] {"CT-03", "T9007"},
                new String[] {"CT-04", "T9008"}, new String[] {"CT-05", "T9014"}, new String[] {"CT-05", "T9099"},
                new String[] {"CT-06", "T9015"})) {
            controls.add(MappingFiles.mapping(control[0], control[1]).description("Control " + control[0])
                    .group(control[0]));
        }
        controls.write(dir.resolve("mappings/controls.json"));
    }

    /** A scored mapping of the capability, in a group of its own, to the technique, with a comment and no reference. */
    private static MappingFiles.MappingObject scored(String capability, String description, String technique,
                                                     String category, String score, String comments) {
        return MappingFiles.mapping(capability, technique).type("technique_scores").description(description)
                .group(capability).score(category, score).comments(comments).references();
    }

    /** The domain's bundle; with {@code hostile}, markup in a technique's and a tactic's name. */
    private static AttackBundle bundle(boolean hostile) {
        AttackBundle bundle = AttackBundle.of("enterprise", "90.1").site("https://attack.example/");
        for (String[] tactic : TACTICS) {
            bundle.tactic(tactic[0], tactic[1], hostile && tactic[1].equals("impact") ? HOSTILE_TACTIC : tactic[2]);
        }
        for (String[] t : TECHNIQUES) {
            bundle.technique(t[0], t[1], t[2].split(","));
        }
        bundle.technique("T9098", "Old Trick", "running").deprecated("T9098")
                .technique("T9099", "Retired Trick", "gathering").revokedBy("T9099", "T9014")
                .group(GROUP, "Fixture Bears", "Fixture Bears", "Test Bears");
        GROUP_USES.forEach(used -> bundle.uses(GROUP, used, "Seen in tests."));
        if (hostile) {
            bundle.technique(HOSTILE_TECHNIQUE, HOSTILE_NAME, "impact");
        }
        return bundle;
    }
}
