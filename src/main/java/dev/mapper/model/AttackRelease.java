package dev.mapper.model;

import java.util.List;

/**
 * One loaded ATT&CK STIX bundle: a domain at a version, with its techniques and tactics, its other objects (groups,
 * software, campaigns, mitigations, detection strategies, made only when a question needs them), and where it came
 * from. The release bundled with mapper is a sample (T1528 and what it references): it describes what it holds,
 * but never stands in for the full release of its domain, so nothing is judged unknown or uncovered against it.
 */
public record AttackRelease(String domain, String version, DataSource source, List<Technique> techniques,
                            List<Tactic> tactics, Deferred<AttackObjects> objects) {

    public AttackRelease {
        techniques = List.copyOf(techniques);
        tactics = List.copyOf(tactics);
    }

    /** "enterprise 18.1": what a user's bundle replaces a bundled one by, and how --version names it. */
    public String label() {
        return domain + " " + version;
    }

    /** "Enterprise 18.1": the domain as ATT&CK spells it, and the version. */
    public String displayName() {
        return AttackDomain.displayName(domain) + " " + version;
    }

    /** True for the sample bundled with mapper; false for a bundle the user loaded. */
    public boolean bundledSample() {
        return source.bundled();
    }
}
