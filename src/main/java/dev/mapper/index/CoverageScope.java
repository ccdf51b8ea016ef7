package dev.mapper.index;

import dev.mapper.model.AdversaryTechniques;
import java.util.List;

/**
 * The techniques a coverage report counts: every technique of each domain's release ({@link #RELEASE}), or a list
 * of IDs with a label that says where it came from ("crown-jewels.txt", an adversary's techniques). Listed
 * techniques are counted in the domain of the release that has them. {@code adversaries}: the adversaries whose
 * techniques the list is, when it is theirs (else null).
 */
public record CoverageScope(String label, List<String> techniqueIds, AdversaryTechniques adversaries) {

    /** Every technique of each domain's release that is neither revoked nor deprecated. */
    public static final CoverageScope RELEASE = new CoverageScope(null, null, null);

    public CoverageScope {
        techniqueIds = techniqueIds == null ? null : List.copyOf(techniqueIds);
    }

    /** These techniques; {@code label} names them to the user. */
    public static CoverageScope listed(String label, List<String> techniqueIds) {
        return new CoverageScope(label, techniqueIds, null);
    }

    /** The techniques the adversaries use, labelled as {@link AdversaryTechniques#label} says. */
    public static CoverageScope of(AdversaryTechniques adversaries) {
        return new CoverageScope(adversaries.label(), adversaries.ids(), adversaries);
    }

    /** True for the default scope, every technique of each release. */
    public boolean wholeRelease() {
        return techniqueIds == null;
    }
}
