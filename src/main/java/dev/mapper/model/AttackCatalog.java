package dev.mapper.model;

import java.util.Optional;

/** The ATT&CK knowledge that checking a mapping file needs, whatever holds the loaded releases. */
public interface AttackCatalog {

    /** The technique as the newest loaded release describes it; empty when no loaded release has the ID. */
    Optional<Technique> technique(String id);

    /**
     * True when a complete ATT&CK release of the domain is loaded, so that an ID it lacks is really unknown. The
     * bundled sample holds one technique and never counts.
     */
    boolean covers(String domain);
}
