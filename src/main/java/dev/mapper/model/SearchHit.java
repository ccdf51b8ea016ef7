package dev.mapper.model;

import java.util.List;
import java.util.Locale;

/**
 * One search result: a technique, a capability, or a mapping (matched by its comments). {@code matchedIn} names the
 * fields the query matched, with their official names; {@code mappingCount} is, for a technique or capability, how
 * many mappings of the searched sets it has (null for a mapping hit).
 */
public record SearchHit(Kind kind, List<String> matchedIn, int relevance, Technique technique, Capability capability,
                        Mapping mapping, Integer mappingCount) {

    /** What was found. */
    public enum Kind {
        TECHNIQUE, CAPABILITY, MAPPING;

        /** The name users read and {@code jq} selects on. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SearchHit {
        matchedIn = List.copyOf(matchedIn);
    }
}
