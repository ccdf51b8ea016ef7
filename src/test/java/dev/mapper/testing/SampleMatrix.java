package dev.mapper.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Made-up sample data for the picture of the HTML matrix in the docs (docs/matrix-sample.png), in the official
 * formats: an ATT&CK Enterprise bundle of eight tactics with some of each one's techniques and sub-techniques, and
 * the mappings of "Example Cloud", a cloud provider that does not exist. The technique and tactic IDs, names and
 * tactic assignments are ATT&CK's (public labels); the descriptions, capabilities, scores, comments and links
 * (to example.com) are invented here. Nothing is taken from the official data files.
 */
public final class SampleMatrix {

    public static final String FRAMEWORK = "example_cloud";
    /** The technique whose details the picture shows. */
    public static final String SHOWN = "T1078";
    /** The day the picture's report says it was made, so that it is the same picture on every run. */
    public static final LocalDate DATE = LocalDate.of(2025, 6, 30);

    /** The tactics, in matrix order: ID, shortname, name. */
    private static final List<String[]> TACTICS = List.of(
            new String[] {"TA0001", "initial-access", "Initial Access"},
            new String[] {"TA0002", "execution", "Execution"},
            new String[] {"TA0003", "persistence", "Persistence"},
            new String[] {"TA0004", "privilege-escalation", "Privilege Escalation"},
            new String[] {"TA0005", "defense-evasion", "Defense Evasion"},
            new String[] {"TA0006", "credential-access", "Credential Access"},
            new String[] {"TA0007", "discovery", "Discovery"},
            new String[] {"TA0040", "impact", "Impact"});

    /**
     * Techniques: ID, name, description, and for techniques (not sub-techniques, which take their parent's) the
     * tactic shortnames. Sub-techniques follow their parent.
     */
    private static final List<String[]> TECHNIQUES = List.of(
            t("T1566", "Phishing", "Mail or messages that trick a person into opening a door.", "initial-access"),
            t("T1566.001", "Spearphishing Attachment", "A tailored message carrying a harmful file."),
            t("T1566.002", "Spearphishing Link", "A tailored message linking to a harmful page."),
            t("T1566.003", "Spearphishing via Service", "The lure arrives through a chat or social service."),
            t("T1190", "Exploit Public-Facing Application", "A flaw in an internet-facing service is used to get in.",
                    "initial-access"),
            t("T1133", "External Remote Services", "VPNs and remote gateways used with valid credentials.",
                    "initial-access", "persistence"),
            t("T1078", "Valid Accounts", "Signing in with an existing account's credentials, however obtained.",
                    "initial-access", "persistence", "privilege-escalation", "defense-evasion"),
            t("T1078.001", "Default Accounts", "Built-in accounts that were never disabled or changed."),
            t("T1078.002", "Domain Accounts", "Accounts of the directory that the organisation's hosts trust."),
            t("T1078.003", "Local Accounts", "Accounts that exist on one host only."),
            t("T1078.004", "Cloud Accounts", "Users and service identities of a cloud provider."),
            t("T1195", "Supply Chain Compromise", "Tampering with software or hardware before it is delivered.",
                    "initial-access"),
            t("T1195.001", "Compromise Software Dependencies and Development Tools",
                    "A library or build tool that others pull in is altered."),
            t("T1195.002", "Compromise Software Supply Chain", "A vendor's release is altered before it ships."),
            t("T1189", "Drive-by Compromise", "A visited web page attacks the browser.", "initial-access"),
            t("T1199", "Trusted Relationship", "Getting in through a partner or provider with access.",
                    "initial-access"),
            t("T1200", "Hardware Additions", "A device plugged into the network or a computer.", "initial-access"),
            t("T1091", "Replication Through Removable Media", "Code carried in on USB drives and the like.",
                    "initial-access"),
            t("T1059", "Command and Scripting Interpreter", "Shells and interpreters run the intruder's commands.",
                    "execution"),
            t("T1059.001", "PowerShell", "Commands and scripts run by PowerShell."),
            t("T1059.004", "Unix Shell", "Commands and scripts run by sh, bash and the like."),
            t("T1059.006", "Python", "Scripts run by a Python interpreter."),
            t("T1059.009", "Cloud API", "A provider's command-line tools or SDKs drive its API."),
            t("T1204", "User Execution", "A person is led to run something.", "execution"),
            t("T1204.001", "Malicious Link", "Clicking a link starts the harm."),
            t("T1204.002", "Malicious File", "Opening a file starts the harm."),
            t("T1053", "Scheduled Task/Job", "The system's schedulers run code later or repeatedly.", "execution",
                    "persistence", "privilege-escalation"),
            t("T1053.003", "Cron", "Entries in a crontab."),
            t("T1053.005", "Scheduled Task", "Tasks of the Windows Task Scheduler."),
            t("T1648", "Serverless Execution", "Functions of a serverless platform run the intruder's code.",
                    "execution"),
            t("T1651", "Cloud Administration Command", "A provider's run-command feature runs code on instances.",
                    "execution"),
            t("T1610", "Deploy Container", "A container is started to run code or to hide it.", "execution",
                    "defense-evasion"),
            t("T1203", "Exploitation for Client Execution", "A flaw in a browser or office program runs code.",
                    "execution"),
            t("T1569", "System Services", "The service manager runs the intruder's program.", "execution"),
            t("T1569.002", "Service Execution", "A service created or changed to run a command."),
            t("T1047", "Windows Management Instrumentation", "WMI runs commands locally or remotely.", "execution"),
            t("T1098", "Account Manipulation", "Changing an account to keep or widen access.", "persistence",
                    "privilege-escalation"),
            t("T1098.001", "Additional Cloud Credentials", "New keys or secrets added to a cloud identity."),
            t("T1098.003", "Additional Cloud Roles", "A cloud identity given more roles."),
            t("T1098.004", "SSH Authorized Keys", "A key added to an account's authorized_keys."),
            t("T1136", "Create Account", "A new account to come back with.", "persistence"),
            t("T1136.001", "Local Account", "A new account on one host."),
            t("T1136.003", "Cloud Account", "A new user or service identity in a cloud tenant."),
            t("T1505", "Server Software Component", "A web or database server extended with the intruder's code.",
                    "persistence"),
            t("T1505.003", "Web Shell", "A script on a web server that runs commands sent to it."),
            t("T1543", "Create or Modify System Process", "A service that starts with the system runs the code.",
                    "persistence", "privilege-escalation"),
            t("T1543.002", "Systemd Service", "A systemd unit."),
            t("T1543.003", "Windows Service", "A service of the Windows service manager."),
            t("T1547", "Boot or Logon Autostart Execution", "Settings that start a program at boot or sign-in.",
                    "persistence", "privilege-escalation"),
            t("T1547.001", "Registry Run Keys / Startup Folder", "Run keys and startup folders of Windows."),
            t("T1037", "Boot or Logon Initialization Scripts", "Scripts the system runs at boot or sign-in.",
                    "persistence", "privilege-escalation"),
            t("T1525", "Implant Internal Image", "A tampered image in the organisation's own registry.",
                    "persistence"),
            t("T1548", "Abuse Elevation Control Mechanism", "Getting around the controls that guard higher rights.",
                    "privilege-escalation", "defense-evasion"),
            t("T1548.003", "Sudo and Sudo Caching", "sudo's rules or its remembered authentication."),
            t("T1548.005", "Temporary Elevated Cloud Access", "Just-in-time or impersonated cloud roles."),
            t("T1068", "Exploitation for Privilege Escalation", "A software flaw gives higher rights.",
                    "privilege-escalation"),
            t("T1611", "Escape to Host", "From inside a container to the host that runs it.", "privilege-escalation"),
            t("T1484", "Domain or Tenant Policy Modification", "Changing directory or tenant settings for gain.",
                    "defense-evasion", "privilege-escalation"),
            t("T1484.002", "Trust Modification", "A new or changed trust between domains or identity providers."),
            t("T1562", "Impair Defenses", "Turning off or weakening what would notice or stop the intruder.",
                    "defense-evasion"),
            t("T1562.001", "Disable or Modify Tools", "Security agents stopped or changed."),
            t("T1562.007", "Disable or Modify Cloud Firewall", "Firewall rules of a cloud network opened up."),
            t("T1562.008", "Disable or Modify Cloud Logs", "A cloud tenant's audit logging turned off."),
            t("T1070", "Indicator Removal", "Deleting the traces an intrusion leaves.", "defense-evasion"),
            t("T1070.001", "Clear Windows Event Logs", "Windows event logs emptied."),
            t("T1070.004", "File Deletion", "Tools and output deleted after use."),
            t("T1535", "Unused/Unsupported Cloud Regions", "Working in regions nobody watches.", "defense-evasion"),
            t("T1578", "Modify Cloud Compute Infrastructure", "Instances, snapshots and volumes changed to hide work.",
                    "defense-evasion"),
            t("T1578.002", "Create Cloud Instance", "A new instance to work from."),
            t("T1578.003", "Delete Cloud Instance", "An instance removed with its traces."),
            t("T1027", "Obfuscated Files or Information", "Encoding or packing content to hide it.",
                    "defense-evasion"),
            t("T1027.002", "Software Packing", "Executables compressed or encrypted by a packer."),
            t("T1036", "Masquerading", "Making something look legitimate.", "defense-evasion"),
            t("T1036.005", "Match Legitimate Resource Name or Location", "Tools named and placed like system files."),
            t("T1110", "Brute Force", "Trying passwords until one works.", "credential-access"),
            t("T1110.001", "Password Guessing", "Many passwords against one account."),
            t("T1110.003", "Password Spraying", "One common password against many accounts."),
            t("T1110.004", "Credential Stuffing", "Pairs leaked elsewhere tried here."),
            t("T1528", "Steal Application Access Token", "Tokens that let an application act for a user.",
                    "credential-access"),
            t("T1552", "Unsecured Credentials", "Credentials left where they can be read.", "credential-access"),
            t("T1552.001", "Credentials In Files", "Passwords and keys in files and scripts."),
            t("T1552.005", "Cloud Instance Metadata API", "Credentials served to an instance by its metadata service."),
            t("T1555", "Credentials from Password Stores", "Reading the places that keep passwords.",
                    "credential-access"),
            t("T1555.006", "Cloud Secrets Management Stores", "A provider's secrets service."),
            t("T1621", "Multi-Factor Authentication Request Generation", "Prompting a user until they approve.",
                    "credential-access"),
            t("T1003", "OS Credential Dumping", "Credentials read from the operating system.", "credential-access"),
            t("T1003.001", "LSASS Memory", "The memory of the Windows process that holds sign-in secrets."),
            t("T1557", "Adversary-in-the-Middle", "Sitting between two parties to read or change their traffic.",
                    "credential-access"),
            t("T1606", "Forge Web Credentials", "Making cookies or tokens that a service will accept.",
                    "credential-access"),
            t("T1606.002", "SAML Tokens", "Assertions signed with a stolen or added certificate."),
            t("T1040", "Network Sniffing", "Capturing traffic to read credentials and learn the network.",
                    "credential-access", "discovery"),
            t("T1087", "Account Discovery", "Listing accounts.", "discovery"),
            t("T1087.004", "Cloud Account", "Listing the users and roles of a cloud tenant."),
            t("T1580", "Cloud Infrastructure Discovery", "Listing instances, networks and storage.", "discovery"),
            t("T1526", "Cloud Service Discovery", "Finding which cloud services are in use.", "discovery"),
            t("T1619", "Cloud Storage Object Discovery", "Listing buckets and their objects.", "discovery"),
            t("T1046", "Network Service Discovery", "Scanning for listening services.", "discovery"),
            t("T1082", "System Information Discovery", "Reading a host's version, hardware and settings.",
                    "discovery"),
            t("T1069", "Permission Groups Discovery", "Listing groups and who is in them.", "discovery"),
            t("T1069.003", "Cloud Groups", "Groups and roles of a cloud tenant."),
            t("T1538", "Cloud Service Dashboard", "Browsing a provider's console with stolen credentials.",
                    "discovery"),
            t("T1083", "File and Directory Discovery", "Listing files and folders.", "discovery"),
            t("T1486", "Data Encrypted for Impact", "Encrypting data to hold it for ransom.", "impact"),
            t("T1485", "Data Destruction", "Deleting or overwriting data.", "impact"),
            t("T1490", "Inhibit System Recovery", "Removing backups and recovery options.", "impact"),
            t("T1496", "Resource Hijacking", "Using the victim's resources for the intruder's ends.", "impact"),
            t("T1496.001", "Compute Hijacking", "Mining or other computing on the victim's machines."),
            t("T1498", "Network Denial of Service", "Flooding a network so that users cannot reach it.", "impact"),
            t("T1489", "Service Stop", "Stopping services so that users cannot use them.", "impact"),
            t("T1531", "Account Access Removal", "Locking the rightful users out.", "impact"),
            t("T1565", "Data Manipulation", "Changing data to mislead or disrupt.", "impact"),
            t("T1565.001", "Stored Data Manipulation", "Data at rest changed."));

    /** Example Cloud's capabilities: ID, name, group. */
    private static final List<String[]> CAPABILITIES = List.of(
            new String[] {"ec_identity", "Identity and Access", "identity"},
            new String[] {"ec_mfa", "Multi-Factor Sign-In", "identity"},
            new String[] {"ec_threat_detection", "Threat Detection", "monitoring"},
            new String[] {"ec_audit_trail", "Audit Trail", "monitoring"},
            new String[] {"ec_config_rules", "Configuration Rules", "governance"},
            new String[] {"ec_network_firewall", "Network Firewall", "network"},
            new String[] {"ec_web_firewall", "Web Application Firewall", "network"},
            new String[] {"ec_mail_gateway", "Mail Gateway", "mail"},
            new String[] {"ec_secrets_vault", "Secrets Vault", "data"},
            new String[] {"ec_backup", "Backup and Restore", "data"},
            new String[] {"ec_patching", "Patch Manager", "hosts"},
            new String[] {"ec_endpoint_guard", "Endpoint Guard", "hosts"},
            new String[] {"ec_image_scanning", "Container Image Scanning", "hosts"});

    /** The mappings: technique, capability, score category, score value, comment. */
    private static final List<String[]> MAPPINGS = List.of(
            m("T1566.001", "ec_mail_gateway", "protect", "significant",
                    "Attachments are opened in a sandbox before delivery; those that run code are quarantined."),
            m("T1566.002", "ec_mail_gateway", "protect", "partial",
                    "Links are rewritten and checked again when clicked; a page that turns bad later can get through."),
            m("T1190", "ec_web_firewall", "protect", "partial",
                    "Managed rules block common injection and path traversal requests; flaws particular to an "
                            + "application need rules of their own."),
            m("T1190", "ec_patching", "protect", "significant",
                    "Security updates reach managed instances within the patch window, closing known flaws."),
            m("T1133", "ec_network_firewall", "protect", "partial",
                    "Remote access ports can be opened to known address ranges only; a stolen VPN account still "
                            + "gets in."),
            m("T1078", "ec_identity", "protect", "partial",
                    "Roles scoped to a task and short sessions limit what a stolen account can do, not its use."),
            m("T1078", "ec_threat_detection", "detect", "partial",
                    "Raises a finding on sign-ins from unusual places, impossible travel and a principal's first "
                            + "use of an API."),
            m("T1078.001", "ec_config_rules", "protect", "partial",
                    "Reports built-in accounts that are enabled or still have their initial password."),
            m("T1078.003", "ec_endpoint_guard", "detect", "minimal",
                    "Alerts when a local account signs in to a host for the first time."),
            m("T1078.004", "ec_mfa", "protect", "significant",
                    "Every cloud user must sign in with a second factor, which defeats most reuse of a stolen "
                            + "password."),
            m("T1078.004", "ec_audit_trail", "detect", "minimal",
                    "Every sign-in and API call is recorded; spotting misuse takes a query or alert rule of your own."),
            m("T1059.001", "ec_endpoint_guard", "detect", "partial",
                    "Script logging and behaviour rules catch common obfuscated PowerShell."),
            m("T1059.009", "ec_identity", "protect", "partial",
                    "Permissions scoped per role limit which API actions a compromised identity can script."),
            m("T1059.009", "ec_audit_trail", "detect", "minimal",
                    "API calls are recorded with the caller and source address, so scripted use can be reviewed."),
            m("T1204.002", "ec_endpoint_guard", "protect", "partial",
                    "Blocks known-bad files and unsigned programs started from mail clients."),
            m("T1053.003", "ec_endpoint_guard", "detect", "minimal",
                    "Alerts on crontab entries written by anything but the package manager."),
            m("T1648", "ec_config_rules", "detect", "minimal",
                    "Reports functions whose role grants more than the function uses."),
            m("T1651", "ec_audit_trail", "detect", "partial",
                    "Run-command calls are recorded with the command and the instances it ran on."),
            m("T1610", "ec_image_scanning", "protect", "partial",
                    "Clusters admit only images that passed the scan and carry a trusted signature."),
            m("T1098.001", "ec_threat_detection", "detect", "partial",
                    "Raises a finding when keys are created for an identity that has never used keys."),
            m("T1098.003", "ec_config_rules", "detect", "significant",
                    "Every role change is evaluated; grants of administrator policies are reported within minutes."),
            m("T1136.003", "ec_audit_trail", "detect", "partial",
                    "User and role creation are recorded; a ready-made alert rule covers creation outside change "
                            + "windows."),
            m("T1136.003", "ec_identity", "protect", "minimal",
                    "Only a few roles may create users, where least privilege is set up."),
            m("T1505.003", "ec_web_firewall", "detect", "minimal",
                    "Signatures catch the traffic of some well-known web shells; custom ones pass unnoticed."),
            m("T1543.002", "ec_endpoint_guard", "detect", "minimal", "Reports new systemd units on Linux hosts."),
            m("T1548.005", "ec_identity", "protect", "partial",
                    "Elevation needs an approval and ends with the session."),
            m("T1548.005", "ec_audit_trail", "detect", "partial",
                    "Each elevation request is recorded with who approved it."),
            m("T1068", "ec_patching", "protect", "significant",
                    "Kernel and driver updates are rolled out within the patch window."),
            m("T1611", "ec_image_scanning", "protect", "minimal",
                    "Flags privileged containers and host mounts in workload definitions before they deploy."),
            m("T1484.002", "ec_config_rules", "detect", "partial",
                    "Changes to federation and trust settings are reported with who made them."),
            m("T1562.001", "ec_endpoint_guard", "protect", "partial",
                    "Tamper protection keeps local administrators from stopping the agent."),
            m("T1562.007", "ec_config_rules", "detect", "partial",
                    "Firewall rules open to the whole internet are reported and can be reverted automatically."),
            m("T1562.008", "ec_config_rules", "protect", "significant",
                    "An organisation policy denies turning the audit trail off, and attempts are reported."),
            m("T1070.004", "ec_endpoint_guard", "detect", "minimal",
                    "Mass deletion in a short time is reported; a single deleted tool is not."),
            m("T1535", "ec_config_rules", "protect", "significant",
                    "Regions the organisation does not use can be switched off for every account."),
            m("T1578.002", "ec_threat_detection", "detect", "minimal",
                    "Instance launches of unusual number or size raise a finding."),
            m("T1110.001", "ec_identity", "protect", "partial", "Accounts lock after repeated failed sign-ins."),
            m("T1110.003", "ec_mfa", "protect", "significant",
                    "A second factor is needed at every sign-in, so a guessed password alone is not enough."),
            m("T1110.003", "ec_threat_detection", "detect", "partial",
                    "Failed sign-ins across many accounts from one source raise a finding."),
            m("T1110.004", "ec_mfa", "protect", "significant",
                    "A second factor is needed at every sign-in, so a leaked password alone is not enough."),
            m("T1528", "ec_identity", "protect", "minimal", "Consent to applications can be limited to verified "
                    + "publishers."),
            m("T1606.002", "ec_threat_detection", "detect", "minimal",
                    "Tokens signed by a certificate the tenant has not used before raise a finding."),
            m("T1552.005", "ec_config_rules", "protect", "significant",
                    "Instances must use the token-based metadata service, which stops most forged-request reads."),
            m("T1555.006", "ec_secrets_vault", "protect", "partial",
                    "Secrets are encrypted with keys only named roles can use, and every read is recorded."),
            m("T1621", "ec_mfa", "detect", "minimal",
                    "Repeated denied push requests are reported to the user's administrator."),
            m("T1003.001", "ec_endpoint_guard", "protect", "partial",
                    "Untrusted processes cannot read the memory of the sign-in process."),
            m("T1087.004", "ec_audit_trail", "detect", "minimal",
                    "Listing users and roles is recorded, but it is common: too noisy to alert on alone."),
            m("T1580", "ec_threat_detection", "detect", "minimal",
                    "Bursts of describe calls from a new identity raise a low-severity finding."),
            m("T1619", "ec_audit_trail", "detect", "minimal",
                    "Object listing is recorded once data events are turned on for the bucket."),
            m("T1046", "ec_network_firewall", "detect", "partial",
                    "Flow logs and the firewall's scan detection report port sweeps inside the network."),
            m("T1486", "ec_backup", "respond", "significant",
                    "Immutable, versioned backups can be restored after files are encrypted."),
            m("T1485", "ec_backup", "respond", "significant",
                    "Deleted volumes and buckets can be restored from backups kept in a separate account."),
            m("T1490", "ec_backup", "protect", "partial",
                    "A locked vault keeps anyone from deleting recovery points before they expire."),
            m("T1496.001", "ec_threat_detection", "detect", "partial",
                    "Instances that talk to known mining pools raise a finding."),
            m("T1498", "ec_network_firewall", "protect", "minimal",
                    "Rate limits at the edge absorb small floods; large ones need a dedicated protection service."));

    private SampleMatrix() {
    }

    private static String[] t(String id, String name, String description, String... tactics) {
        return new String[] {id, name, description, String.join(",", tactics)};
    }

    private static String[] m(String technique, String capability, String category, String score, String comment) {
        return new String[] {technique, capability, category, score, comment};
    }

    /** Writes {@code attack/enterprise-attack-18.1.json} and {@code mappings/example_cloud.json} under {@code dir}. */
    public static void write(Path dir) {
        attack().write(dir.resolve("attack/enterprise-attack-18.1.json"));
        mappings().write(dir.resolve("mappings/" + FRAMEWORK + ".json"));
    }

    /** The comments of the mappings of a technique and its sub-techniques, in the file's order. */
    public static List<String> comments(String technique) {
        return MAPPINGS.stream().filter(m -> m[0].equals(technique) || m[0].startsWith(technique + "."))
                .map(m -> m[4]).toList();
    }

    public static ObjectNode bundle() {
        return attack().tree();
    }

    private static AttackBundle attack() {
        AttackBundle attack = AttackBundle.of("enterprise", "18.1");
        TACTICS.forEach(t -> attack.tactic(t[0], t[1], t[2]));
        Map<String, String[]> parents = new LinkedHashMap<>();
        for (String[] t : TECHNIQUES) {
            boolean sub = t[0].contains(".");
            String[] tactics = sub ? parents.get(t[0].substring(0, t[0].indexOf('.'))) : t[3].split(",");
            if (!sub) {
                parents.put(t[0], tactics);
            }
            attack.technique(t[0], t[1], tactics).describe(t[0], t[2]);
        }
        return attack;
    }

    /** The mapping file as a tree, for tests that read it plainly beside mapper (testing/AttackMatrix). */
    public static ObjectNode mappingFile() {
        return mappings().tree();
    }

    private static MappingFiles.File mappings() {
        Map<String, String> names = new LinkedHashMap<>();
        TECHNIQUES.forEach(t -> names.put(t[0], t[1]));
        Map<String, String[]> capabilities = new LinkedHashMap<>();
        CAPABILITIES.forEach(c -> capabilities.put(c[0], c));
        MappingFiles.File file = MappingFiles.file(FRAMEWORK).version("2025.06").attack("18.1")
                .dates("03/14/2025", DATE.format(DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ROOT)));
        for (String[] m : MAPPINGS) {
            String[] capability = capabilities.get(m[1]);
            file.add(MappingFiles.mapping(m[1], m[0]).type("technique_scores").description(capability[1])
                    .group(capability[2]).name(names.get(m[0])).score(m[2], m[3]).comments(m[4])
                    .references("https://docs.example.com/cloud/" + m[1].substring(3).replace('_', '-')));
        }
        return file;
    }
}
