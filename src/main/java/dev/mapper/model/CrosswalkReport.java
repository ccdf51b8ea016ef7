package dev.mapper.model;

import java.util.List;

/**
 * The answer to "which capabilities of framework B do what capability A does", derived through ATT&CK: B's
 * capabilities whose mappings share techniques with A's, each with the shared techniques and their Jaccard overlap
 * (shared / either), best first. Not an official crosswalk: two capabilities that map to the same technique may
 * address it quite differently. {@code total} counts every row before the limit.
 */
public record CrosswalkReport(Capability capability, List<Technique> techniques, String toFramework,
                              List<MappingSet> sets, List<Row> rows, int total) implements Report {

    /** A capability of the other framework: the techniques it shares with the source, and how many it maps in all. */
    public record Row(Capability capability, List<Technique> shared, int techniqueCount) {

        public Row {
            shared = List.copyOf(shared);
        }

        /** Shared techniques over the techniques either capability maps to. */
        public double jaccard(int sourceTechniques) {
            int union = sourceTechniques + techniqueCount - shared.size();
            return union == 0 ? 0 : (double) shared.size() / union;
        }
    }

    public CrosswalkReport {
        techniques = List.copyOf(techniques);
        sets = List.copyOf(sets);
        rows = List.copyOf(rows);
    }

    public double jaccard(Row row) {
        return row.jaccard(techniques.size());
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.crosswalk(this);
    }
}
