package dev.mapper.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The answer to "what does this group, software or campaign do, and what covers it": the adversary, the techniques
 * it uses (with its procedures; {@code viaSoftware} when those of the software it uses are included), what it is
 * related to (software it uses; campaigns attributed to a group or using a piece of software; groups a campaign is
 * attributed to or that use a piece of software), and, per technique ID, the mappings of the searched sets that
 * cover it (non-mappable entries left out).
 */
public record AdversaryReport(Adversary adversary, boolean viaSoftware, List<TechniqueUse> techniques,
                              List<Software> software, List<Campaign> campaigns, List<Group> groups,
                              List<MappingSet> sets, Map<String, List<Mapping>> mappings) implements Report {

    public AdversaryReport {
        techniques = List.copyOf(techniques);
        software = List.copyOf(software);
        campaigns = List.copyOf(campaigns);
        groups = List.copyOf(groups);
        sets = List.copyOf(sets);
        mappings = Map.copyOf(mappings);
    }

    /** How many of the counted techniques one framework's mappings cover. */
    public record FrameworkCoverage(String framework, int covered, int total) {
        public double percent() {
            return CoverageReport.percent(covered, total);
        }
    }

    /** The mappings that cover the technique, in set order then file order. */
    public List<Mapping> mappingsOf(String techniqueId) {
        return mappings.getOrDefault(techniqueId, List.of());
    }

    /** Per framework of the searched sets, by name: how many of the counted techniques have a mapping. */
    public List<FrameworkCoverage> frameworkCoverage() {
        List<FrameworkCoverage> rows = new ArrayList<>();
        List<TechniqueUse> counted = techniques.stream().filter(TechniqueUse::counted).toList();
        for (String framework : new TreeSet<>(sets.stream().map(MappingSet::framework).toList())) {
            int covered = (int) counted.stream().filter(use -> mappingsOf(use.technique().id()).stream()
                    .anyMatch(m -> m.set().framework().equals(framework))).count();
            rows.add(new FrameworkCoverage(framework, covered, counted.size()));
        }
        return rows;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.adversary(this);
    }
}
