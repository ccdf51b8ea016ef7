package dev.mapper.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer to "what maps to technique X": the technique (from ATT&CK, or from the mapping files' names when its
 * ATT&CK data is not loaded), its tactics, the techniques ATT&CK revoked in its favour and the sub-techniques whose
 * mappings are included, and the mappings: the technique's own first, then those recorded under each revoked ID it
 * replaced, then each sub-technique's, each group in set order.
 */
public record TechniqueReport(Technique technique, List<Tactic> tactics, List<Technique> replaced,
                              List<Technique> subtechniques, List<Mapping> mappings, List<MappingSet> sets)
        implements Report {

    public TechniqueReport {
        tactics = List.copyOf(tactics);
        replaced = List.copyOf(replaced);
        subtechniques = List.copyOf(subtechniques);
        mappings = List.copyOf(mappings);
        sets = List.copyOf(sets);
    }

    /**
     * What one framework's mappings say, in short: how many, the strongest {@code score_value} (null when none is
     * scored), the {@code score_category}s and the mapping types, each in the order the mappings first give them.
     */
    public record FrameworkSummary(String framework, int mappingCount, Score strongestScore,
                                   List<String> scoreCategories, List<MappingType> mappingTypes) {

        public FrameworkSummary {
            scoreCategories = List.copyOf(scoreCategories);
            mappingTypes = List.copyOf(mappingTypes);
        }
    }

    /** One summary per framework, in the order of the mappings (set order: by framework). */
    public List<FrameworkSummary> frameworkSummaries() {
        // Loops, not lambdas: each lambda costs ~0.1 ms to link in a cold JVM, and every show of a technique runs
        // this once (docs/performance.md).
        Map<String, List<Mapping>> byFramework = new LinkedHashMap<>();
        for (Mapping m : mappings) {
            Groups.listIn(byFramework, m.set().framework()).add(m);
        }
        List<FrameworkSummary> summaries = new ArrayList<>();
        for (Map.Entry<String, List<Mapping>> entry : byFramework.entrySet()) {
            String framework = entry.getKey();
            List<Mapping> list = entry.getValue();
            Score strongest = null;
            Set<String> categories = new LinkedHashSet<>();
            Map<String, MappingType> types = new LinkedHashMap<>(); // by key: a record's equals costs a cold start
            for (Mapping m : list) {
                Score score = Score.of(m.scoreValue());
                if (score != null && (strongest == null || score.compareTo(strongest) > 0)) {
                    strongest = score;
                }
                if (m.scoreCategory() != null && !m.scoreCategory().isBlank()) {
                    categories.add(m.scoreCategory());
                }
                if (m.mappingType() != null) {
                    types.putIfAbsent(m.mappingType(), m.type());
                }
            }
            summaries.add(new FrameworkSummary(framework, list.size(), strongest, List.copyOf(categories),
                    List.copyOf(types.values())));
        }
        return summaries;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.technique(this);
    }
}
