package dev.mapper.index;

import dev.mapper.model.MappingSet;
import dev.mapper.model.Versions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which mapping sets a query looks at. By default, for each framework and domain, the newest set: newest ATT&CK
 * version, then newest framework version, then newest {@code last_update}. {@code allVersions} takes every set;
 * a framework or ATT&CK version narrows the candidates before the newest is chosen.
 */
public record SetSelection(boolean allVersions, String frameworkVersion, String attackVersion) {

    public static final SetSelection NEWEST = new SetSelection(false, null, null);

    /** Newest first. */
    static final Comparator<MappingSet> NEWEST_FIRST = Comparator
            .comparing(MappingSet::attackVersion, Versions.ORDER)
            .thenComparing(MappingSet::frameworkVersion, Versions.ORDER)
            .thenComparing(MappingSet::lastUpdate, Versions.ORDER)
            .reversed();

    /** The chosen sets, ordered by framework, then newest first. */
    List<MappingSet> select(List<MappingSet> sets) {
        Map<String, List<MappingSet>> byFramework = new LinkedHashMap<>();
        sets.stream()
                .filter(s -> frameworkVersion == null || frameworkVersion.equalsIgnoreCase(s.frameworkVersion()))
                .filter(s -> attackVersion == null || attackVersion.equalsIgnoreCase(s.attackVersion()))
                .sorted(Comparator.comparing(MappingSet::framework).thenComparing(MappingSet::domain).thenComparing(NEWEST_FIRST))
                .forEach(s -> byFramework.computeIfAbsent(s.framework() + "\u0000" + s.domain(), k -> new ArrayList<>()).add(s));
        List<MappingSet> chosen = new ArrayList<>();
        for (List<MappingSet> candidates : byFramework.values()) {
            if (allVersions) {
                chosen.addAll(candidates);
            } else {
                chosen.add(candidates.get(0));
            }
        }
        return chosen;
    }

    // equals and hashCode written out, as MappingSet's: a selection keys the index's cache of chosen sets on every
    // query, and the generated methods bootstrap method handles at their first call (the largest single cost of a
    // bundled show's lookup, docs/performance.md).
    @Override
    public boolean equals(Object other) {
        return other instanceof SetSelection selection && allVersions == selection.allVersions
                && Objects.equals(frameworkVersion, selection.frameworkVersion)
                && Objects.equals(attackVersion, selection.attackVersion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(allVersions, frameworkVersion, attackVersion);
    }
}
