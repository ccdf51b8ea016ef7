package dev.mapper.model;

import java.util.List;

/**
 * The answer to "what maps to technique X": the technique (from ATT&CK, or from the mapping files' names when its
 * ATT&CK data is not loaded), its tactics, the sub-techniques whose mappings are included, and the mappings,
 * the technique's own first, then each sub-technique's, each group in set order.
 */
public record TechniqueReport(Technique technique, List<Tactic> tactics, List<Technique> subtechniques,
                              List<Mapping> mappings, List<MappingSet> sets) implements Report {

    public TechniqueReport {
        tactics = List.copyOf(tactics);
        subtechniques = List.copyOf(subtechniques);
        mappings = List.copyOf(mappings);
        sets = List.copyOf(sets);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.technique(this);
    }
}
