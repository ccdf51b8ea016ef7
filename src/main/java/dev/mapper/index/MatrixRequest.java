package dev.mapper.index;

import dev.mapper.model.Scoring;

/**
 * What a matrix shows: the mappings of a selection (as {@link MappingIndex#select} chooses them), the ATT&CK domain
 * (the filter's one domain, or chosen from the selection when it names none), how cells are shaded, and whether
 * sub-techniques are listed beneath their parents rather than folded into them.
 */
public record MatrixRequest(Selection selection, SetSelection sets, MappingFilter filter, Scoring scoring,
                            boolean expandSubtechniques) {
}
