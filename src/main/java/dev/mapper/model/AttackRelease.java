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

    /**
     * The version of a bundle that names none (no {@code x-mitre-collection} object) under a file name that gives
     * none either ({@code attack.json}): a value of {@code version} and of JSON's version fields, never printed to
     * a person as a version.
     */
    public static final String UNKNOWN_VERSION = "unknown";

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
        return displayName(domain, version);
    }

    /**
     * "Enterprise 18.1", or "Enterprise (version unknown)" for a release whose version is unknown: said apart, so
     * that it does not read as an unknown domain. Every person-facing name of a release (and of a technique's) is
     * this one.
     */
    public static String displayName(String domain, String version) {
        return AttackDomain.displayName(domain) + (versionKnown(version) ? " " + version : " (version unknown)");
    }

    /** False for a release whose bundle and file name gave no version. */
    public boolean versionKnown() {
        return versionKnown(version);
    }

    private static boolean versionKnown(String version) {
        return !UNKNOWN_VERSION.equals(version);
    }

    /** True for the sample bundled with mapper; false for a bundle the user loaded. */
    public boolean bundledSample() {
        return source.bundled();
    }
}
