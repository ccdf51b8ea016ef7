package dev.mapper.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One mapping object of the unified schema, with the set it came from and where it stood in its file.
 * Fields absent from the source object are null. {@code extraFields} keeps, in source order, every field
 * this record does not model (unknown fields, and per-mapping copies of set fields such as
 * {@code mapping_framework_version}), so an export is lossless.
 */
public record Mapping(
        MappingSet set,
        int line,
        int column,
        String capabilityId,
        String capabilityDescription,
        String capabilityGroup,
        String mappingType,
        String attackObjectId,
        String attackObjectName,
        String scoreCategory,
        String scoreValue,
        String relatedScore,
        String comments,
        List<String> references,
        String status,
        String author,
        String authorContact,
        String authorOrganization,
        Map<String, Object> extraFields) {

    /** The status official files use for capabilities or techniques that nothing maps to. */
    public static final String NON_MAPPABLE = "non_mappable";

    /** {@code attack_object_id} as ATT&CK spells IDs (trimmed, upper case), or null when there is none. */
    public String techniqueId() {
        return Technique.normaliseId(attackObjectId);
    }

    /** The mapping type as the file's metadata declares it (with its display name), else the bare key; null when none. */
    public MappingType type() {
        if (mappingType == null) {
            return null;
        }
        MappingType declared = set.mappingTypes().get(mappingType);
        return declared != null ? declared : new MappingType(mappingType, null, null);
    }

    /** True for the entries official files use to record "nothing maps here" (no type, or {@code non_mappable}). */
    public boolean nonMappable() {
        return NON_MAPPABLE.equals(status) || NON_MAPPABLE.equals(mappingType) || mappingType == null;
    }

    /**
     * The mappings of a list with their exact duplicates ({@link #sameContent}), each group in the order of its first
     * copy, that copy first. Linear, not quadratic (a NIST control has hundreds of mappings per set): a mapping is
     * compared only with the earlier ones that share its capability, technique and comments, which duplicates must.
     * A loop, not a stream: {@code show} runs it for every set it prints.
     */
    public static List<List<Mapping>> withCopies(List<Mapping> mappings) {
        List<List<Mapping>> groups = new ArrayList<>();
        Map<Integer, List<List<Mapping>>> byKey = new HashMap<>();
        for (Mapping m : mappings) {
            Integer key = (Objects.hashCode(m.capabilityId()) * 31 + Objects.hashCode(m.attackObjectId())) * 31
                    + Objects.hashCode(m.comments());
            List<List<Mapping>> candidates = byKey.get(key);
            List<Mapping> same = null;
            if (candidates == null) {
                candidates = new ArrayList<>(1);
                byKey.put(key, candidates);
            } else {
                for (List<Mapping> group : candidates) {
                    if (group.get(0).sameContent(m)) {
                        same = group;
                        break;
                    }
                }
            }
            if (same == null) {
                same = new ArrayList<>(1);
                candidates.add(same);
                groups.add(same);
            }
            same.add(m);
        }
        return groups;
    }

    /** Every {@link MappingField} equal: an exact duplicate when both come from one file. */
    public boolean sameContent(Mapping other) {
        for (MappingField field : MappingField.values()) {
            if (!Objects.equals(field.value(this), field.value(other))) {
                return false;
            }
        }
        return true;
    }
}
