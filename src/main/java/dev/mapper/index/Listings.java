package dev.mapper.index;

import dev.mapper.model.AttackDomain;
import dev.mapper.model.Capability;
import dev.mapper.model.CapabilityList;
import dev.mapper.model.FrameworkList;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingSet;
import dev.mapper.model.Tactic;
import dev.mapper.model.TacticList;
import dev.mapper.model.Technique;
import dev.mapper.model.TechniqueList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What is loaded, with counts. Counts are of mappings in the chosen sets that pass the filter. Without a filter every
 * row is listed; a filter keeps the rows it leaves at least one mapping to.
 */
final class Listings {

    private final MappingIndex index;

    Listings(MappingIndex index) {
        this.index = index;
    }

    /** Every loaded set (narrowed by the selection's versions, never to the newest), and which the default uses. */
    FrameworkList frameworks(SetSelection selection, MappingFilter filter) {
        Set<MappingSet> defaults = new HashSet<>(index.selectSets(SetSelection.NEWEST));
        List<FrameworkList.Row> rows = new ArrayList<>();
        for (MappingSet set : index.selectSets(new SetSelection(true, selection.frameworkVersion(),
                selection.attackVersion()))) {
            int count = count(index.mappingsIn(set), filter);
            if (filter.testSet(set) && keep(filter, count)) {
                rows.add(new FrameworkList.Row(set, count, defaults.contains(set)));
            }
        }
        return new FrameworkList(rows);
    }

    CapabilityList capabilities(SetSelection selection, MappingFilter filter) {
        Set<MappingSet> chosen = new HashSet<>(index.selectSets(selection));
        List<CapabilityList.Row> rows = new ArrayList<>();
        for (Capability c : index.capabilities().all()) {
            int count = count(index.capabilities().mappingsOf(c).stream().filter(m -> chosen.contains(m.set())).toList(),
                    filter);
            // A capability only in sets not chosen is not listed, filter or not.
            if (count > 0) {
                rows.add(new CapabilityList.Row(c, count));
            }
        }
        return new CapabilityList(rows);
    }

    TechniqueList techniques(SetSelection selection, MappingFilter filter) {
        Set<MappingSet> chosen = new HashSet<>(index.selectSets(selection));
        List<TechniqueList.Row> rows = new ArrayList<>();
        for (String id : index.techniqueIds()) {
            int count = count(index.mappingsFor(id, chosen), filter);
            if (keep(filter, count)) {
                Technique t = index.describe(id);
                rows.add(new TechniqueList.Row(t, index.tacticsOf(t), count));
            }
        }
        return new TechniqueList(rows);
    }

    /** Tactics by domain in matrix order; a mapping counts toward every tactic of its technique. */
    TacticList tactics(SetSelection selection, MappingFilter filter) {
        Map<Tactic, Integer> techniques = new HashMap<>();
        Map<Tactic, Integer> mappings = new HashMap<>();
        for (String id : index.techniqueIds()) {
            Technique t = index.describe(id);
            if (t.active()) {
                index.tacticsOf(t).forEach(tactic -> techniques.merge(tactic, 1, Integer::sum));
            }
        }
        for (MappingSet set : index.selectSets(selection)) {
            for (Mapping m : index.mappingsIn(set)) {
                Technique t = index.technique(m.attackObjectId()).orElse(null);
                if (t != null && index.passes(m, filter)) {
                    index.tacticsOf(t).forEach(tactic -> mappings.merge(tactic, 1, Integer::sum));
                }
            }
        }
        List<Tactic> tactics = new ArrayList<>(index.tactics());
        tactics.sort(Comparator.comparing(Tactic::domain, AttackDomain.ORDER).thenComparing(Tactic::deprecated)
                .thenComparingInt(Tactic::order));
        List<TacticList.Row> rows = new ArrayList<>();
        for (Tactic tactic : tactics) {
            int count = mappings.getOrDefault(tactic, 0);
            // --tactic and --domain pick tactics: those are listed even with no mapping to them.
            if ((filter.onlyTacticsAndDomains() || count > 0) && filter.allowsTactic(tactic) && inDomains(filter, tactic)) {
                rows.add(new TacticList.Row(tactic, techniques.getOrDefault(tactic, 0), count));
            }
        }
        return new TacticList(rows);
    }

    private int count(List<Mapping> mappings, MappingFilter filter) {
        return (int) mappings.stream().filter(m -> index.passes(m, filter)).count();
    }

    private static boolean keep(MappingFilter filter, int count) {
        return filter.isEmpty() || count > 0;
    }

    /** With {@code --domain}, only the tactics of those domains. */
    private static boolean inDomains(MappingFilter filter, Tactic tactic) {
        return filter.allowsDomain(tactic.domain());
    }
}
