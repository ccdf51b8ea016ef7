package dev.mapper.model;

import java.util.List;

/**
 * The answer to "what should I add next": of the techniques the chosen adversaries use ({@code adversaries}: those
 * the user named, or every group when {@code allGroups}), those that the capabilities a team has ({@code have}; none when not given)
 * leave uncovered, ranked by how many of the adversaries use them; and the capabilities of the searched sets that
 * would close the most of that gap, picked greedily (see docs/threats.md). {@code limit} is how many of the
 * uncovered techniques a listing shows (0: all); with {@code closableOnly}, of those a candidate capability maps to.
 */
public record GapReport(List<Adversary> adversaries, boolean allGroups, boolean viaSoftware, List<Capability> have,
                        List<MappingSet> sets, int techniquesUsed, List<GapTechnique> uncovered, int limit,
                        boolean closableOnly, List<Recommendation> recommendations) implements Report {

    /**
     * An uncovered technique, the IDs of the adversaries that use it, and how many of the candidate capabilities
     * (those of the searched sets that the team does not have) map to it: 0 when nothing there can close it.
     */
    public record GapTechnique(Technique technique, List<String> usedBy, int closableBy) {
        public GapTechnique {
            usedBy = List.copyOf(usedBy);
        }
    }

    /**
     * A capability to add: its {@code value} (for each gap technique it closes that no earlier pick closed, the
     * adversaries using it times the weight of the capability's strongest score for it) and those techniques.
     */
    public record Recommendation(Capability capability, int value, List<Closed> closes) {
        public Recommendation {
            closes = List.copyOf(closes);
        }
    }

    /** A technique a recommendation closes, the strongest score of the capability's mappings to it, its users. */
    public record Closed(Technique technique, Score score, int users) {
    }

    public GapReport {
        adversaries = List.copyOf(adversaries);
        have = List.copyOf(have);
        sets = List.copyOf(sets);
        uncovered = List.copyOf(uncovered);
        recommendations = List.copyOf(recommendations);
    }

    /**
     * Who uses the techniques, worded as {@link AdversaryTechniques#users} words it: "G0016 APT29 and its software",
     * "all 172 groups and their software".
     */
    public String users() {
        String named = allGroups ? "all " + adversaries.size() + (adversaries.size() == 1 ? " group" : " groups")
                : AdversaryTechniques.names(adversaries);
        return AdversaryTechniques.users(named, !allGroups && adversaries.size() == 1, viaSoftware);
    }

    /** The uncovered techniques a listing shows: the first {@code limit} (of the closable ones), or all. */
    public List<GapTechnique> shown() {
        List<GapTechnique> listed = closableOnly ? uncovered.stream().filter(g -> g.closableBy() > 0).toList()
                : uncovered;
        return limit == 0 || listed.size() <= limit ? listed : listed.subList(0, limit);
    }

    /** How many of the techniques shown a recommendation closes. */
    public long closesShown(Recommendation recommendation) {
        List<Technique> shown = shown().stream().map(GapTechnique::technique).toList();
        return recommendation.closes().stream().filter(c -> shown.contains(c.technique())).count();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.gap(this);
    }
}
