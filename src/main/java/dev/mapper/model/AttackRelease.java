package dev.mapper.model;

import java.util.List;

/**
 * One loaded ATT&CK STIX bundle: a domain at a version, with its techniques and tactics, and its other objects
 * (groups, software, campaigns, mitigations, detection strategies), made only when a question needs them.
 */
public record AttackRelease(String domain, String version, String source, List<Technique> techniques,
                            List<Tactic> tactics, Deferred<AttackObjects> objects) {

    public AttackRelease {
        techniques = List.copyOf(techniques);
        tactics = List.copyOf(tactics);
    }

    /** "enterprise 18.1": how the release is named to users, and what a user's bundle replaces a bundled one by. */
    public String label() {
        return domain + " " + version;
    }
}
