package dev.mapper.index;

import dev.mapper.model.Groups;
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

    // The comparators and select() are written without lambdas, method references or streams: every show runs
    // them once, and each such call site costs ~0.1 ms to link in a cold JVM (docs/performance.md).

    /** Newest first: ATT&CK version, then framework version, then {@code last_update}. */
    static final Comparator<MappingSet> NEWEST_FIRST = new Comparator<>() {
        @Override
        public int compare(MappingSet a, MappingSet b) {
            int byAttack = Versions.compare(b.attackVersion(), a.attackVersion());
            if (byAttack != 0) {
                return byAttack;
            }
            int byFramework = Versions.compare(b.frameworkVersion(), a.frameworkVersion());
            return byFramework != 0 ? byFramework : Versions.compare(b.lastUpdate(), a.lastUpdate());
        }
    };

    /** By framework, then domain, then newest first. */
    static final Comparator<MappingSet> BY_FRAMEWORK = new Comparator<>() {
        @Override
        public int compare(MappingSet a, MappingSet b) {
            int byFramework = a.framework().compareTo(b.framework());
            if (byFramework != 0) {
                return byFramework;
            }
            int byDomain = a.domain().compareTo(b.domain());
            return byDomain != 0 ? byDomain : NEWEST_FIRST.compare(a, b);
        }
    };

    /** The chosen sets, ordered by framework, then newest first. */
    List<MappingSet> select(List<MappingSet> sets) {
        List<MappingSet> candidates = new ArrayList<>();
        for (MappingSet s : sets) {
            if ((frameworkVersion == null || frameworkVersion.equalsIgnoreCase(s.frameworkVersion()))
                    && (attackVersion == null || attackVersion.equalsIgnoreCase(s.attackVersion()))) {
                candidates.add(s);
            }
        }
        candidates.sort(BY_FRAMEWORK);
        Map<String, List<MappingSet>> byFramework = new LinkedHashMap<>();
        for (MappingSet s : candidates) {
            Groups.listIn(byFramework, s.framework() + "\u0000" + s.domain()).add(s);
        }
        List<MappingSet> chosen = new ArrayList<>();
        for (List<MappingSet> newestFirst : byFramework.values()) {
            if (allVersions) {
                chosen.addAll(newestFirst);
            } else {
                chosen.add(newestFirst.get(0));
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
