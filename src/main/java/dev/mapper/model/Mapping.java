package dev.mapper.model;

import java.util.ArrayList;
import java.util.Arrays;
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
     * copy, that copy first. Not quadratic (a NIST control has hundreds of mappings per set): the mappings are sorted
     * by a hash of their capability, technique and comments, which duplicates share, and a mapping is compared only
     * with its neighbours of the same hash. No map and a list of one for a mapping without copies (nearly all of
     * them): {@code show} runs this for every set it prints, and each allocation in a fresh JVM touches new memory.
     */
    public static List<List<Mapping>> withCopies(List<Mapping> mappings) {
        int n = mappings.size();
        long[] byHash = new long[n]; // the hash in the high half, the index in the low: sorted, by hash, then index
        for (int i = 0; i < n; i++) {
            Mapping m = mappings.get(i);
            int hash = (Objects.hashCode(m.capabilityId) * 31 + Objects.hashCode(m.attackObjectId)) * 31
                    + Objects.hashCode(m.comments);
            byHash[i] = (long) hash << 32 | i;
        }
        Arrays.sort(byHash);
        @SuppressWarnings("unchecked")
        List<Mapping>[] groupAt = new List[n]; // by the index of its first copy
        for (int run = 0, end; run < n; run = end) {
            end = run + 1;
            while (end < n && byHash[end] >> 32 == byHash[run] >> 32) {
                end++;
            }
            if (end - run == 1) {
                groupAt[(int) byHash[run]] = List.of(mappings.get((int) byHash[run]));
                continue;
            }
            List<List<Mapping>> started = new ArrayList<>(); // the groups of this hash, in index order
            for (int k = run; k < end; k++) {
                Mapping m = mappings.get((int) byHash[k]);
                List<Mapping> same = null;
                for (List<Mapping> group : started) {
                    if (group.get(0).sameContent(m)) {
                        same = group;
                        break;
                    }
                }
                if (same == null) {
                    same = new ArrayList<>(1);
                    started.add(same);
                    groupAt[(int) byHash[k]] = same;
                }
                same.add(m);
            }
        }
        List<List<Mapping>> groups = new ArrayList<>(n);
        for (List<Mapping> group : groupAt) {
            if (group != null) {
                groups.add(group);
            }
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
