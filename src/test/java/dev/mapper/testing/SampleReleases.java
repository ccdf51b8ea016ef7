package dev.mapper.testing;

/**
 * Small ATT&CK releases for what the corpus lacks: the Mobile and ICS domains (whose tactics share names, and
 * Mobile's shortnames, with Enterprise), deprecated tactics, and an Enterprise release small enough to count by hand.
 * Their IDs and names are ATT&CK's; each returns a new {@link AttackBundle}, to write or to add to.
 */
public final class SampleReleases {

    private SampleReleases() {
    }

    /**
     * ATT&CK Mobile 13.0 as STIX 2.0: Initial Access, Execution, Defense Evasion and Command and Control, and the
     * deprecated Network Effects with its deprecated technique; T1406 with two sub-techniques and a mitigation; T1400
     * revoked by T1406; T1521.003, which one official Enterprise mapping file maps.
     */
    public static AttackBundle mobile() {
        return AttackBundle.of("mobile", "13.0").stix20()
                .tactic("TA0027", "initial-access", "Initial Access")
                .technique("T1474", "Supply Chain Compromise")
                .technique("T1456", "Drive-By Compromise")
                .tactic("TA0041", "execution", "Execution")
                .technique("T1603", "Scheduled Task/Job")
                .tactic("TA0030", "defense-evasion", "Defense Evasion")
                .technique("T1406", "Obfuscated Files or Information")
                .technique("T1406.001", "Steganography")
                .technique("T1406.002", "Software Packing")
                .technique("T1400", "Modify System Partition")
                .tactic("TA0037", "command-and-control", "Command and Control")
                .technique("T1521", "Encrypted Channel")
                .technique("T1521.003", "SSL Pinning")
                .tactic("TA0038", "network-effects", "Network Effects")
                .technique("T1466", "Downgrade to Insecure Protocols")
                .mitigation("M1001", "Security Updates")
                .mitigates("M1001", "T1406")
                .revokedBy("T1400", "T1406")
                .deprecated("TA0038")
                .deprecated("T1466");
    }

    /** ATT&CK ICS 15.0: its tactics' shortnames end in {@code -ics}, but one; T0803 is deprecated. */
    public static AttackBundle ics() {
        return AttackBundle.of("ics", "15.0")
                .tactic("TA0108", "initial-access-ics", "Initial Access")
                .technique("T0819", "Exploit Public-Facing Application")
                .technique("T0866", "Exploitation of Remote Services")
                .tactic("TA0104", "execution-ics", "Execution")
                .technique("T0807", "Command-Line Interface")
                .tactic("TA0107", "inhibit-response-function", "Inhibit Response Function")
                .technique("T0800", "Activate Firmware Update Mode")
                .technique("T0803", "Block Command Message")
                .deprecated("T0803");
    }

    /**
     * An ATT&CK Enterprise release: Initial Access, Persistence and Credential Access; ten techniques and
     * sub-techniques that count (T1078 under two tactics), T1108 revoked by T1078 and T1527 deprecated. Like the
     * real one it grows: before 16 it lacks T1556, from 17 on it has T1650 too.
     */
    public static AttackBundle enterprise(String version) {
        double number = Double.parseDouble(version);
        AttackBundle bundle = AttackBundle.of("enterprise", version)
                .tactic("TA0001", "initial-access", "Initial Access")
                .tactic("TA0003", "persistence", "Persistence")
                .tactic("TA0006", "credential-access", "Credential Access")
                .technique("T1078", "Valid Accounts", "initial-access", "persistence")
                .technique("T1078.004", "Cloud Accounts", "initial-access")
                .technique("T1190", "Exploit Public-Facing Application", "initial-access")
                .technique("T1133", "External Remote Services", "persistence")
                .technique("T1098", "Account Manipulation", "persistence")
                .technique("T1098.001", "Additional Cloud Credentials", "persistence")
                .technique("T1528", "Steal Application Access Token", "credential-access")
                .technique("T1110", "Brute Force", "credential-access")
                .technique("T1110.001", "Password Guessing", "credential-access");
        if (number >= 16) {
            bundle.technique("T1556", "Modify Authentication Process", "credential-access");
        }
        bundle.technique("T1108", "Redundant Access", "persistence")
                .technique("T1527", "Application Access Token", "credential-access")
                .revokedBy("T1108", "T1078")
                .deprecated("T1527");
        if (number >= 17) {
            bundle.technique("T1650", "Acquire Access", "initial-access");
        }
        return bundle;
    }
}
