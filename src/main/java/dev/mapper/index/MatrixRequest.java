package dev.mapper.index;

import dev.mapper.model.Scoring;
import java.util.Set;

/**
 * What a matrix shows: the mappings of a selection (as {@link MappingIndex#select} chooses them), the ATT&CK domain
 * (the filter's one domain, or chosen from the selection when it names none), how cells are shaded, whether
 * sub-techniques are listed beneath their parents rather than folded into them, and the techniques in scope (an
 * adversary's: {@code scope} says what they are, {@code scopeIds} which) or, with null, all.
 */
public record MatrixRequest(Selection selection, SetSelection sets, MappingFilter filter, Scoring scoring,
                            boolean expandSubtechniques, String scope, Set<String> scopeIds) {

    public MatrixRequest {
        scopeIds = scopeIds == null ? null : Set.copyOf(scopeIds);
    }

    /** Every technique in scope. */
    public MatrixRequest(Selection selection, SetSelection sets, MappingFilter filter, Scoring scoring,
                         boolean expandSubtechniques) {
        this(selection, sets, filter, scoring, expandSubtechniques, null, null);
    }

    boolean inScope(String id) {
        return scopeIds == null || scopeIds.contains(id);
    }
}
