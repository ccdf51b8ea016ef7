package dev.mapper.model;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The answer to "what changed between two mapping sets" (rules in docs/diff.md): one item per difference, each a
 * distinct mapping with exact duplicates folded into a copy count; the techniques that gained or lost all coverage;
 * and what ATT&CK says about the techniques involved (renames, revocations, deprecations).
 *
 * @param oldSet         the OLD side's set
 * @param oldMappings    mapping objects in the OLD file
 * @param oldDuplicates  exact duplicate copies folded in the OLD file (a mapping present three times counts two)
 * @param unchanged      distinct mappings identical on both sides, with the same number of copies
 * @param attackReleases the ATT&CK data that explained revocations
 */
public record DiffReport(
        MappingSet oldSet,
        int oldMappings,
        int oldDuplicates,
        MappingSet newSet,
        int newMappings,
        int newDuplicates,
        int unchanged,
        List<Item> items,
        List<TechniqueNote> coverageGained,
        List<TechniqueNote> coverageLost,
        List<TechniqueNote> techniques,
        List<AttackRelease> attackReleases) implements Report {

    /** The kinds of difference, in the order reports list them. */
    public enum Kind {
        /** A key only NEW has. */
        ADDED,
        /** A key only OLD has. */
        REMOVED,
        /** The same key on both sides with some compared field different. */
        CHANGED,
        /** OLD's key pointed at a technique that ATT&CK revoked; NEW has it on the replacing technique. */
        MOVED,
        /** The same mapping on both sides, present a different number of times (exact duplicates). */
        DUPLICATED;

        /** Lower case, as JSON and the table spell it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One difference. The key is NEW's for added, changed and moved, OLD's for removed; {@code movedFrom} is OLD's
     * technique for a move. {@code fields} lists the compared fields that differ. A side that has
     * no mapping has null and zero copies.
     */
    public record Item(Kind kind, String capabilityId, String attackObjectId, String scoreCategory, String movedFrom,
                       List<MappingField> fields, Mapping oldMapping, int oldCopies, Mapping newMapping, int newCopies) {

        public Item {
            fields = List.copyOf(fields);
        }
    }

    /**
     * A technique as each side names it ({@code attack_object_name}; null when the side has no mapping to it) and as
     * the newest loaded ATT&CK release that has it describes it ({@code attackVersion} null when none does).
     */
    public record TechniqueNote(String id, String oldName, String newName, String attackVersion, String revokedBy,
                                boolean deprecated) {

        /** Both sides name the technique, differently. */
        public boolean renamed() {
            return oldName != null && newName != null && !oldName.equals(newName);
        }
    }

    public DiffReport {
        items = List.copyOf(items);
        coverageGained = List.copyOf(coverageGained);
        coverageLost = List.copyOf(coverageLost);
        techniques = List.copyOf(techniques);
        attackReleases = List.copyOf(attackReleases);
    }

    /** How many items of each kind, every kind present (zero included), in report order. */
    public Map<Kind, Integer> counts() {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            counts.put(kind, 0);
        }
        items.forEach(item -> counts.merge(item.kind(), 1, Integer::sum));
        return counts;
    }

    /** For changed and moved items, how many differ in each field, most frequent first. */
    public Map<MappingField, Integer> changedFields() {
        Map<MappingField, Integer> counts = new EnumMap<>(MappingField.class);
        items.forEach(item -> item.fields().forEach(field -> counts.merge(field, 1, Integer::sum)));
        Map<MappingField, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<MappingField, Integer>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** True when there is at least one difference: what {@code --exit-code} tests. */
    public boolean hasDifferences() {
        return !items.isEmpty();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.diff(this);
    }
}
