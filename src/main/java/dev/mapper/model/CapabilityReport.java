package dev.mapper.model;

import java.util.List;

/**
 * The answer to "what does capability X map to": the capability, the techniques its mappings point at (ATT&CK data,
 * or the mapping files' names), the mappings in set order then file order, the sets searched, and every loaded set
 * that has the capability (so that "nothing in the newest set" can point at older ones).
 */
public record CapabilityReport(Capability capability, List<Technique> techniques, List<Mapping> mappings,
                               List<MappingSet> sets, List<MappingSet> knownIn) implements Report {

    public CapabilityReport {
        techniques = List.copyOf(techniques);
        mappings = List.copyOf(mappings);
        sets = List.copyOf(sets);
        knownIn = List.copyOf(knownIn);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.capability(this);
    }
}
