package dev.mapper.index;

import dev.mapper.model.Capability;
import dev.mapper.model.CrosswalkReport;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingSet;
import dev.mapper.model.Technique;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Crosswalks derived through ATT&CK: capabilities of one framework that map to the techniques another maps to. */
final class Crosswalk {

    private final MappingIndex index;

    Crosswalk(MappingIndex index) {
        this.index = index;
    }

    /**
     * The capabilities of {@code toFramework} that share a technique with {@code source} in the chosen sets (each
     * side's mappings that pass the filter but for its frameworks, non-mappable entries left out), by Jaccard
     * overlap, then shared techniques, then ID; the first {@code limit} (0: all).
     */
    CrosswalkReport crosswalk(Capability source, String toFramework, List<MappingSet> sets, MappingFilter filter,
                              int limit) {
        Set<MappingSet> chosen = Set.copyOf(sets);
        Set<String> sourceIds = techniquesOf(source, chosen, filter.withFrameworks(Set.of(source.framework())));
        MappingFilter targetFilter = filter.withFrameworks(Set.of(toFramework));
        List<CrosswalkReport.Row> rows = new ArrayList<>();
        for (Capability target : index.capabilities().all()) {
            if (!target.framework().equalsIgnoreCase(toFramework) || target.equals(source)) {
                continue;
            }
            Set<String> targetIds = techniquesOf(target, chosen, targetFilter);
            List<Technique> shared = targetIds.stream().filter(sourceIds::contains).map(index::describe).toList();
            if (!shared.isEmpty()) {
                rows.add(new CrosswalkReport.Row(target, shared, targetIds.size()));
            }
        }
        int sourceCount = sourceIds.size();
        rows.sort(Comparator.comparingDouble((CrosswalkReport.Row r) -> -r.jaccard(sourceCount))
                .thenComparing(r -> -r.shared().size())
                .thenComparing(r -> r.capability().id()));
        List<CrosswalkReport.Row> kept = limit > 0 && rows.size() > limit ? rows.subList(0, limit) : rows;
        return new CrosswalkReport(source, sourceIds.stream().map(index::describe).toList(), toFramework, sets, kept,
                rows.size());
    }

    /** The technique IDs the capability's mappings in the chosen sets point at, sorted. */
    private Set<String> techniquesOf(Capability capability, Set<MappingSet> chosen, MappingFilter filter) {
        Set<String> ids = new TreeSet<>();
        for (Mapping m : index.capabilities().mappingsOf(capability)) {
            if (chosen.contains(m.set()) && !m.nonMappable() && m.techniqueId() != null && index.passes(m, filter)) {
                ids.add(m.techniqueId());
            }
        }
        return ids;
    }
}
