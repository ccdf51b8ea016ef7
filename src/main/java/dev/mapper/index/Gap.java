package dev.mapper.index;

import dev.mapper.model.Adversary;
import dev.mapper.model.AdversaryTechniques;
import dev.mapper.model.Capability;
import dev.mapper.model.GapReport;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingSet;
import dev.mapper.model.Score;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What to add next: the techniques adversaries use that a team's capabilities leave uncovered, ranked by how many
 * of the adversaries use them, and the capabilities that would close the most of that gap, picked greedily. The
 * ranking rules are in docs/threats.md; every tie is broken by ID, so the answer is the same at every run.
 */
final class Gap {

    private final MappingIndex index;

    Gap(MappingIndex index) {
        this.index = index;
    }

    /** The weight of a capability's strongest score for a technique: significant 3, partial 2, minimal or none 1. */
    static int weight(Score score) {
        return score == null ? 1 : score.ordinal() + 1;
    }

    /**
     * @param adversaries the adversaries; none for every group
     * @param have        the capabilities the team has, or null when it did not say (then it has none)
     * @param sets        the sets whose mappings cover and whose capabilities are candidates
     * @param filter      what counts: the techniques' tactics and platforms, the mappings' types and scores
     */
    GapReport gap(List<Adversary> adversaries, boolean viaSoftware, List<Capability> have, List<MappingSet> sets,
                  MappingFilter filter, int limit, boolean closableOnly, int recommend) {
        boolean allGroups = adversaries.isEmpty();
        List<Adversary> chosen = allGroups ? List.copyOf(index.groups()) : adversaries;
        AdversaryTechniques used = index.adversaryTechniques(chosen, viaSoftware, filter);
        Set<MappingSet> chosenSets = Set.copyOf(sets);
        MappingFilter haveFilter = filter.withCapabilities(have == null ? List.of() : have);
        Map<String, AdversaryTechniques.Used> open = new LinkedHashMap<>();
        for (AdversaryTechniques.Used u : used.techniques()) {
            if (index.coveringMappings(u.technique().id(), chosenSets, haveFilter).isEmpty()) {
                open.put(u.technique().id(), u);
            }
        }
        Map<String, Map<String, Score>> candidates = candidates(open.keySet(), have, chosenSets, filter);
        Map<String, Integer> closableBy = new HashMap<>();
        candidates.values().forEach(scores -> scores.keySet().forEach(id -> closableBy.merge(id, 1, Integer::sum)));
        List<GapReport.GapTechnique> uncovered = new ArrayList<>();
        open.forEach((id, u) -> uncovered.add(new GapReport.GapTechnique(u.technique(), u.usedBy(),
                closableBy.getOrDefault(id, 0))));
        uncovered.sort(Comparator.comparingInt((GapReport.GapTechnique g) -> -g.usedBy().size())
                .thenComparingInt(g -> -g.closableBy()).thenComparing(g -> g.technique().id()));
        List<GapReport.Recommendation> picks = recommend(uncovered, candidates, recommend);
        return new GapReport(chosen, allGroups, viaSoftware,
                have == null ? List.of() : have, sets, used.techniques().size(), uncovered, limit, closableOnly, picks);
    }

    /**
     * The capabilities of the sets that the team does not have and that map to open techniques: by
     * {@link MappingFilter#capabilityKey}, each technique ID with the strongest score of its mappings to it.
     */
    private Map<String, Map<String, Score>> candidates(Set<String> open, List<Capability> have, Set<MappingSet> sets,
                                                       MappingFilter filter) {
        Set<String> had = new HashSet<>();
        if (have != null) {
            have.forEach(c -> had.add(MappingFilter.capabilityKey(c.framework(), c.id())));
        }
        Map<String, Map<String, Score>> candidates = new TreeMap<>();
        for (String id : open) {
            for (Mapping m : index.coveringMappings(id, sets, filter)) {
                if (m.capabilityId() == null || m.capabilityId().isBlank()) {
                    continue;
                }
                String key = MappingFilter.capabilityKey(m.set().framework(), m.capabilityId());
                if (had.contains(key)) {
                    continue;
                }
                Map<String, Score> scores = candidates.computeIfAbsent(key, k -> new HashMap<>());
                Score score = Score.of(m.scoreValue());
                if (!scores.containsKey(id) || weight(score) > weight(scores.get(id))) {
                    scores.put(id, score);
                }
            }
        }
        return candidates;
    }

    /**
     * Greedy: at each step, the candidate whose mappings close the most value of what is still open; ties by the
     * number of techniques closed, then framework and ID. Stops at {@code count} picks or when nothing closes
     * anything.
     */
    private List<GapReport.Recommendation> recommend(List<GapReport.GapTechnique> uncovered,
                                                     Map<String, Map<String, Score>> candidates, int count) {
        Map<String, Capability> byKey = new HashMap<>();
        for (Capability c : index.capabilities().all()) {
            byKey.putIfAbsent(MappingFilter.capabilityKey(c.framework(), c.id()), c);
        }
        Map<String, GapReport.GapTechnique> open = new LinkedHashMap<>();
        uncovered.forEach(g -> open.put(g.technique().id(), g));
        List<GapReport.Recommendation> picks = new ArrayList<>();
        while (picks.size() < count) {
            GapReport.Recommendation best = null;
            for (Map.Entry<String, Map<String, Score>> candidate : candidates.entrySet()) {
                GapReport.Recommendation r = value(byKey.get(candidate.getKey()), candidate.getValue(), open);
                if (r.value() > 0 && (best == null || better(r, best))) {
                    best = r;
                }
            }
            if (best == null) {
                break;
            }
            picks.add(best);
            best.closes().forEach(c -> open.remove(c.technique().id()));
        }
        return picks;
    }

    private static GapReport.Recommendation value(Capability capability, Map<String, Score> scores,
                                                  Map<String, GapReport.GapTechnique> open) {
        int value = 0;
        List<GapReport.Closed> closed = new ArrayList<>();
        for (Map.Entry<String, Score> e : scores.entrySet()) {
            GapReport.GapTechnique g = open.get(e.getKey());
            if (g != null) {
                value += g.usedBy().size() * weight(e.getValue());
                closed.add(new GapReport.Closed(g.technique(), e.getValue(), g.usedBy().size()));
            }
        }
        closed.sort(Comparator.comparingInt((GapReport.Closed c) -> -c.users()).thenComparing(c -> c.technique().id()));
        return new GapReport.Recommendation(capability, value, closed);
    }

    private static boolean better(GapReport.Recommendation a, GapReport.Recommendation b) {
        if (a.value() != b.value()) {
            return a.value() > b.value();
        }
        if (a.closes().size() != b.closes().size()) {
            return a.closes().size() > b.closes().size();
        }
        int framework = a.capability().framework().compareTo(b.capability().framework());
        return framework != 0 ? framework < 0 : a.capability().id().compareTo(b.capability().id()) < 0;
    }
}
