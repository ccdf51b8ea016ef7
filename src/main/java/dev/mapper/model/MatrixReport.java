package dev.mapper.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ATT&CK matrix of one domain, shaded by the selected mappings: one column per tactic of the release, in matrix
 * order; in each, one cell per technique, by name. A cell's sub-techniques are folded into it (its shade then counts
 * their mappings too) or, when {@code subtechniquesExpanded}, listed beneath it with shades of their own.
 * Mappings that place no cell (to techniques revoked, deprecated or unknown in the release) are {@code unplaced},
 * never dropped; {@code otherDomains} are domains the selection also had mappings for. {@code scope}, when not null,
 * says which techniques the matrix is limited to (an adversary's): others have no cell, or only one out of scope
 * that heads sub-techniques in scope, and mappings to them are left out.
 */
public record MatrixReport(AttackRelease release, List<String> otherDomains, List<MappingSet> sets, Caption caption,
                           String scope, Scoring scoring, boolean subtechniquesExpanded, List<Column> columns, int covered,
                           int total, Map<String, List<Mapping>> mappings, List<Unplaced> unplaced) implements Report {

    /**
     * What was asked for, for the report's header: each selecting option with its values as given (in the order
     * the command lists them), and the day the report was made.
     */
    public record Caption(Map<String, List<String>> selection, LocalDate generated) {
        public Caption {
            selection = copy(selection);
        }

        /** An unmodifiable copy, in the order given. */
        static Map<String, List<String>> copy(Map<String, List<String>> selection) {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            selection.forEach((option, values) -> copy.put(option, List.copyOf(values)));
            return Collections.unmodifiableMap(copy);
        }
    }

    /** One tactic: its cells, and how many of those shown (parents, and sub-techniques when listed) have a mapping. */
    public record Column(CoverageReport.TacticCoverage coverage, List<Cell> cells) {
        public Column {
            cells = List.copyOf(cells);
        }

        public Tactic tactic() {
            return coverage.tactic();
        }
    }

    /**
     * One technique. {@code strongest} (null when no mapping has a score), {@code capabilityCount} and
     * {@code mappingCount} are of its own mappings, plus its sub-techniques' when they are folded into it.
     * {@code subtechniques} are the active sub-techniques of the release (in scope), each with its own mappings
     * only. A cell is out of scope only when its sub-techniques are listed and it heads them without being in
     * scope itself; it then counts in no total.
     */
    public record Cell(Technique technique, Score strongest, int capabilityCount, int mappingCount,
                       List<Cell> subtechniques, boolean inScope) {
        public Cell {
            subtechniques = List.copyOf(subtechniques);
        }

        public boolean covered() {
            return mappingCount > 0;
        }
    }

    /** A technique the selected mappings name that has no cell in this release, and how many mappings name it. */
    public record Unplaced(Technique technique, int mappingCount) {
    }

    /** What a cell's shade says: under strength scoring its strongest score, under count scoring how many capabilities. */
    public enum Shade {
        NONE("none", "not mapped"),
        OUT_OF_SCOPE("out-of-scope", "not in scope"),
        UNSCORED("unscored", "mapped, no score"),
        MINIMAL("minimal", "minimal"),
        PARTIAL("partial", "partial"),
        SIGNIFICANT("significant", "significant"),
        COUNT_1("count-1", "1 capability"),
        COUNT_2("count-2", "2-3 capabilities"),
        COUNT_4("count-4", "4-7 capabilities"),
        COUNT_8("count-8", "8 or more capabilities");

        private final String key;
        private final String label;

        Shade(String key, String label) {
            this.key = key;
            this.label = label;
        }

        /** A stable name for machines: JSON's {@code shade}, the HTML's class names. */
        public String key() {
            return key;
        }

        /** What the legend says. */
        public String label() {
            return label;
        }
    }

    public MatrixReport {
        otherDomains = List.copyOf(otherDomains);
        sets = List.copyOf(sets);
        columns = List.copyOf(columns);
        mappings = Map.copyOf(mappings);
        unplaced = List.copyOf(unplaced);
    }

    /** The shades this report's cells can have, strongest first, as a legend lists them. */
    public List<Shade> legend() {
        List<Shade> legend = new ArrayList<>(scoring == Scoring.COUNT
                ? List.of(Shade.COUNT_8, Shade.COUNT_4, Shade.COUNT_2, Shade.COUNT_1, Shade.NONE)
                : List.of(Shade.SIGNIFICANT, Shade.PARTIAL, Shade.MINIMAL, Shade.UNSCORED, Shade.NONE));
        if (scope != null && subtechniquesExpanded) {
            legend.add(Shade.OUT_OF_SCOPE);
        }
        return legend;
    }

    /** The cell's shade under this report's scoring. */
    public Shade shade(Cell cell) {
        if (!cell.inScope()) {
            return Shade.OUT_OF_SCOPE;
        }
        if (!cell.covered()) {
            return Shade.NONE;
        }
        if (scoring == Scoring.COUNT) {
            int n = cell.capabilityCount();
            return n >= 8 ? Shade.COUNT_8 : n >= 4 ? Shade.COUNT_4 : n >= 2 ? Shade.COUNT_2 : Shade.COUNT_1;
        }
        if (cell.strongest() == null) {
            return Shade.UNSCORED;
        }
        return switch (cell.strongest()) {
            case MINIMAL -> Shade.MINIMAL;
            case PARTIAL -> Shade.PARTIAL;
            case SIGNIFICANT -> Shade.SIGNIFICANT;
        };
    }

    /** Every technique the report names (in a cell, as a sub-technique, or unplaced), by ID. */
    public Map<String, Technique> techniques() {
        Map<String, Technique> byId = new HashMap<>();
        for (Column column : columns) {
            for (Cell cell : column.cells()) {
                byId.put(cell.technique().id(), cell.technique());
                cell.subtechniques().forEach(sub -> byId.put(sub.technique().id(), sub.technique()));
            }
        }
        unplaced.forEach(u -> byId.put(u.technique().id(), u.technique()));
        return byId;
    }

    /** True when the columns come from the bundled sample (T1528 and its tactic), not a whole ATT&CK release. */
    public boolean sampleOnly() {
        return release.bundledSample();
    }

    /** Covered as a percentage of the total; 0 when there is nothing. */
    public double percent() {
        return CoverageReport.percent(covered, total);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.matrix(this);
    }
}
