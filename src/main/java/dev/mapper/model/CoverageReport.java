package dev.mapper.model;

import java.util.List;

/**
 * How many techniques in scope have at least one mapping from the selected sets and filters: the ATT&CK releases
 * the scope came from, the totals, one row per tactic (a technique counts under each of its tactics), the
 * uncovered techniques, and which of the required techniques are not covered.
 */
public record CoverageReport(List<AttackRelease> releases, List<MappingSet> sets, int covered, int total,
                             List<TacticCoverage> byTactic, List<Technique> uncovered,
                             List<Technique> missingRequired) implements Report {

    /** One tactic's row. */
    public record TacticCoverage(Tactic tactic, int covered, int total) {
        public double percent() {
            return CoverageReport.percent(covered, total);
        }
    }

    public CoverageReport {
        releases = List.copyOf(releases);
        sets = List.copyOf(sets);
        byTactic = List.copyOf(byTactic);
        uncovered = List.copyOf(uncovered);
        missingRequired = List.copyOf(missingRequired);
    }

    /** Covered as a percentage of the total; 0 when nothing is in scope, so that a gate never passes on nothing. */
    public double percent() {
        return percent(covered, total);
    }

    static double percent(int covered, int total) {
        return total == 0 ? 0 : covered * 100.0 / total;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.coverage(this);
    }
}
