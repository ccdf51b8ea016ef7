package dev.mapper.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many techniques in scope have at least one mapping from the selected sets and filters, per ATT&CK domain:
 * each domain is measured against its own release, by its own mapping sets, so that loading another domain changes
 * nothing. {@code selection} is what was asked for, each selecting option given with its values (as a
 * {@link MatrixReport.Caption}'s). {@code scope} names the techniques counted when they are not every technique of
 * each release (a list given by the user, an adversary's techniques); {@code adversaries}, when the scope is what
 * adversaries use, says which and who uses each technique (null otherwise); {@code missingRequired} are the
 * required techniques without a mapping.
 */
public record CoverageReport(Map<String, List<String>> selection, String scope, Counting counting,
                             List<MappingSet> sets, List<DomainCoverage> domains, List<Technique> missingRequired,
                             AdversaryTechniques adversaries) implements Report {

    /**
     * How techniques are counted. {@code subtechniques}: sub-techniques are in the denominator, each on its own.
     * {@code rollup}: a technique is covered by a mapping to one of its sub-techniques too, not only to its own
     * ID. {@code mappingOnly}: no ATT&CK release is measured against; only what the mappings map is counted.
     */
    public record Counting(boolean subtechniques, boolean rollup, boolean mappingOnly) {
        public static final Counting DEFAULT = new Counting(true, false, false);
    }

    /**
     * One domain. {@code release} is what it is measured against: the release of the sets' ATT&CK version
     * ({@code targetVersions}, newest last) when loaded, else the newest loaded; null with {@code mappingOnly}.
     * {@code leftOut} counts the release's techniques kept out of the denominator, and why.
     */
    public record DomainCoverage(String domain, AttackRelease release, List<String> targetVersions,
                                 List<MappingSet> sets, List<TechniqueCoverage> techniques,
                                 List<TacticCoverage> byTactic, LeftOut leftOut) {

        public DomainCoverage {
            targetVersions = List.copyOf(targetVersions);
            sets = List.copyOf(sets);
            techniques = List.copyOf(techniques);
            byTactic = List.copyOf(byTactic);
        }

        /** As ATT&CK spells the domain: Enterprise, Mobile, ICS. */
        public String displayName() {
            return AttackDomain.displayName(domain);
        }

        public int covered() {
            return (int) techniques.stream().filter(TechniqueCoverage::covered).count();
        }

        public int total() {
            return techniques.size();
        }

        public double percent() {
            return CoverageReport.percent(covered(), total());
        }

        /**
         * How many covered techniques have each strongest score, strongest first, then how many are covered by
         * unscored mappings only (the key null).
         */
        public Map<Score, Integer> strength() {
            Map<Score, Integer> counts = new LinkedHashMap<>();
            for (Score score : new Score[] {Score.SIGNIFICANT, Score.PARTIAL, Score.MINIMAL, null}) {
                counts.put(score, (int) techniques.stream().filter(TechniqueCoverage::covered)
                        .filter(t -> t.strongest() == score).count());
            }
            return counts;
        }

        public List<Technique> uncovered() {
            return techniques.stream().filter(t -> !t.covered()).map(TechniqueCoverage::technique).toList();
        }

        /**
         * Why the release is not the one the sets were made against, or null when it is: "aws@12/12/2024@16.1 was
         * made against ATT&CK 16.1, which is not loaded; measured against Enterprise 18.1, the newest loaded". Of a
         * release of unknown version neither can be known (it may be 16.1, or older than another loaded), so it
         * says only that: "...; measured against Enterprise (version unknown), which cannot be matched to 16.1".
         */
        public String releaseNote() {
            if (release == null || targetVersions.isEmpty() || targetVersions.contains(release.version())) {
                return null;
            }
            List<String> names = sets.stream().map(s -> s.key().toString()).toList();
            String versions = String.join(", ", targetVersions);
            String made = String.join(", ", names) + (names.size() == 1 ? " was" : " were") + " made against ATT&CK "
                    + versions;
            if (!release.versionKnown()) {
                return made + "; measured against " + release.displayName() + ", which cannot be matched to "
                        + versions;
            }
            return made + ", which " + (targetVersions.size() == 1 ? "is" : "are") + " not loaded; measured against "
                    + release.displayName() + ", the newest loaded";
        }
    }

    /** The release's techniques left out of the denominator: revoked, deprecated, sub-techniques, filtered out. */
    public record LeftOut(int revoked, int deprecated, int subtechniques, int filtered) {
        public static final LeftOut NONE = new LeftOut(0, 0, 0, 0);
    }

    /**
     * One technique in scope and the IDs whose mappings cover it: its own, and with {@code rollup} its
     * sub-techniques'; none when it is not covered.
     */
    public record TechniqueCoverage(Technique technique, List<String> mappedIds, List<Mapping> mappings) {
        public TechniqueCoverage {
            mappedIds = List.copyOf(mappedIds);
            mappings = List.copyOf(mappings);
        }

        /** The strongest score of the covering mappings; null when none is scored (or nothing covers it). */
        public Score strongest() {
            return Scoring.strongest(mappings);
        }

        public boolean covered() {
            return !mappedIds.isEmpty();
        }
    }

    /** One tactic's row: its techniques in scope (a technique counts under each of its tactics). */
    public record TacticCoverage(Tactic tactic, int covered, int total) {
        public double percent() {
            return CoverageReport.percent(covered, total);
        }
    }

    public CoverageReport {
        selection = MatrixReport.Caption.copy(selection);
        sets = List.copyOf(sets);
        domains = List.copyOf(domains);
        missingRequired = List.copyOf(missingRequired);
    }

    /**
     * False when there is no total to take a percentage of: mapping-only counting of every mapped technique. With
     * a listed scope the list is the total, release or not.
     */
    public boolean hasTotals() {
        return !counting.mappingOnly() || scope != null;
    }

    /** The releases measured against, one per domain. */
    public List<AttackRelease> releases() {
        return domains.stream().map(DomainCoverage::release).filter(r -> r != null).toList();
    }

    /** Covered techniques, summed over the domains (each against its own release). */
    public int covered() {
        return domains.stream().mapToInt(DomainCoverage::covered).sum();
    }

    /** Techniques in scope, summed over the domains. */
    public int total() {
        return domains.stream().mapToInt(DomainCoverage::total).sum();
    }

    /** Covered as a percentage of the total; 0 when nothing is in scope, so that a gate never passes on nothing. */
    public double percent() {
        return percent(covered(), total());
    }

    static double percent(int covered, int total) {
        return total == 0 ? 0 : covered * 100.0 / total;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.coverage(this);
    }
}
