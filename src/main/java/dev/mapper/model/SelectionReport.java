package dev.mapper.model;

import java.util.List;
import java.util.Map;

/**
 * The mappings that match a selection (frameworks, capabilities, techniques and filters) in the chosen sets, in set
 * order then file order, with the ATT&CK description of every technique they map to (keyed by upper-case ID) and
 * the ATT&CK releases loaded, which exports need for links, STIX ids and versions.
 */
public record SelectionReport(List<Mapping> mappings, List<MappingSet> sets, Map<String, Technique> techniques,
                              List<AttackRelease> releases) implements Report {

    public SelectionReport {
        mappings = List.copyOf(mappings);
        sets = List.copyOf(sets);
        techniques = Map.copyOf(techniques);
        releases = List.copyOf(releases);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.selection(this);
    }
}
