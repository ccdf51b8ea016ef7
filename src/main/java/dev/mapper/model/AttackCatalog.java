package dev.mapper.model;

import java.util.Optional;

/** The ATT&CK knowledge that checking a mapping file needs, whatever holds the loaded releases. */
public interface AttackCatalog {

    /**
     * The release that mapping files of the domain made against {@code attackVersion} are checked against: that
     * release when loaded, else the newest loaded release of the domain. Empty when only the bundled sample, or
     * nothing, represents the domain: the sample holds one technique, so an ID it lacks is not unknown.
     */
    Optional<AttackRelease> releaseFor(String domain, String attackVersion);

    /** The technique as that release describes it; empty when the release does not have the ID. */
    Optional<Technique> technique(AttackRelease release, String id);

    /** The technique as the newest loaded release that has it describes it, whatever its domain. */
    Optional<Technique> technique(String id);
}
