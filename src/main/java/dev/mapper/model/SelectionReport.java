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

    /**
     * The technique an ID stands for now: its own, or, when ATT&CK revoked it, the one that replaced it (followed to
     * the last replacement known); null when no loaded data describes the ID.
     */
    public Technique current(String id) {
        Technique t = techniques.get(id);
        // Bounded: a cycle of revocations in bad data must not loop forever.
        for (int hops = 0; t != null && t.revoked() && t.revokedBy() != null && hops < techniques.size(); hops++) {
            Technique next = techniques.get(t.revokedBy());
            if (next == null) {
                break;
            }
            t = next;
        }
        return t;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.selection(this);
    }
}
