package dev.mapper.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        // One pass with a tally per framework, whose mappings come in several runs (one per sub-technique). Loops, not
        // lambdas: each lambda costs ~0.1 ms to link in a cold JVM, and every show of a technique runs this once
        // (docs/performance.md).
        Map<String, Tally> byFramework = new LinkedHashMap<>();
        for (Mapping m : mappings) {
            Tally tally = byFramework.get(m.set().framework());
            if (tally == null) {
                tally = new Tally();
                byFramework.put(m.set().framework(), tally);
            }
            tally.add(m);
        }
        List<FrameworkSummary> summaries = new ArrayList<>(byFramework.size());
        for (Map.Entry<String, Tally> entry : byFramework.entrySet()) {
            Tally tally = entry.getValue();
            summaries.add(new FrameworkSummary(entry.getKey(), tally.count, tally.strongest, tally.categories,
                    tally.types));
        }
        return summaries;
    }

    /** A framework's summary while its mappings are counted: lists, not sets, as a framework has a few of each. */
    private static final class Tally {
        int count;
        Score strongest;
        final List<String> categories = new ArrayList<>(4);
        final List<MappingType> types = new ArrayList<>(4);

        void add(Mapping m) {
            count++;
            Score score = Score.of(m.scoreValue());
            if (score != null && (strongest == null || score.compareTo(strongest) > 0)) {
                strongest = score;
            }
            if (m.scoreCategory() != null && !m.scoreCategory().isBlank() && !categories.contains(m.scoreCategory())) {
                categories.add(m.scoreCategory());
            }
            if (m.mappingType() != null && !hasType(m.mappingType())) {
                types.add(m.type());
            }
        }

        private boolean hasType(String key) { // by key: a record's equals costs a cold start
            for (int i = 0; i < types.size(); i++) { // by index: C1's code allocates each iterator
                if (types.get(i).key().equals(key)) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.technique(this);
    }
}
