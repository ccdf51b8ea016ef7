package dev.mapper.model;

import java.util.List;

/** One loaded ATT&CK STIX bundle: a domain at a version, with its techniques and tactics. */
public record AttackRelease(String domain, String version, String source, List<Technique> techniques, List<Tactic> tactics) {

    public AttackRelease {
        techniques = List.copyOf(techniques);
        tactics = List.copyOf(tactics);
    }
}
