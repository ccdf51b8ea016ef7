package dev.mapper.index;

import dev.mapper.model.AttackDomain;
import dev.mapper.model.AttackRelease;
import dev.mapper.model.CoverageReport;
import dev.mapper.model.CoverageReport.Counting;
import dev.mapper.model.CoverageReport.DomainCoverage;
import dev.mapper.model.CoverageReport.LeftOut;
import dev.mapper.model.CoverageReport.TacticCoverage;
import dev.mapper.model.CoverageReport.TechniqueCoverage;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingSet;
import dev.mapper.model.Tactic;
import dev.mapper.model.Technique;
import dev.mapper.model.Versions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code coverage}, domain by domain: the techniques in scope of each domain's release (see {@link AttackReleases}
 * for which release), and which of them the domain's chosen mapping sets map. A domain's techniques are covered by
 * that domain's sets only, so what else is loaded changes nothing.
 */
final class Coverage {

    static final String ATTACK_DATA_URL = "https://github.com/mitre-attack/attack-stix-data";

    private final MappingIndex index;
    private final AttackReleases attack;
    private final MappingFilter filter;
    private final Counting counting;

    Coverage(MappingIndex index, AttackReleases attack, MappingFilter filter, Counting counting) {
        this.index = index;
        this.attack = attack;
        this.filter = filter;
        this.counting = counting;
    }

    CoverageReport report(SetSelection selection, CoverageScope scope, List<String> required,
                          Map<String, List<String>> asked) {
        List<MappingSet> sets = index.selectSets(selection).stream().filter(filter::testSet).toList();
        Map<String, List<String>> listed = scope.wholeRelease() ? Map.of() : listedByDomain(scope.techniqueIds());
        List<String> domains = domains(sets, scope.wholeRelease() ? null : listed.keySet());
        Map<String, AttackRelease> releases = releases(domains, sets);

        List<DomainCoverage> results = new ArrayList<>();
        for (String domain : domains) {
            List<MappingSet> domainSets = sets.stream()
                    .filter(s -> AttackDomain.normalise(s.domain()).equals(domain)).toList();
            AttackRelease release = releases.get(domain);
            int[] leftOut = new int[4];
            List<Technique> inScope = scope.wholeRelease()
                    ? (release == null ? mapped(domainSets, leftOut) : active(release, leftOut))
                    : listed(listed.getOrDefault(domain, List.of()), release, leftOut);
            Set<MappingSet> chosen = new HashSet<>(domainSets);
            List<TechniqueCoverage> techniques = new ArrayList<>();
            inScope.stream().sorted(Comparator.comparing(Technique::id))
                    .forEach(t -> techniques.add(coverage(t, chosen)));
            results.add(new DomainCoverage(domain, release, targetVersions(domainSets), domainSets, techniques,
                    byTactic(domain, release, techniques), new LeftOut(leftOut[0], leftOut[1], leftOut[2], leftOut[3])));
        }
        Set<MappingSet> chosen = new HashSet<>(sets);
        List<Technique> missing = new ArrayList<>();
        for (String id : required) {
            Technique t = index.describe(index.knownId(id));
            if (!coverage(t, chosen).covered()) {
                missing.add(t);
            }
        }
        return new CoverageReport(asked, scope.label(), counting, sets, results, missing, scope.adversaries());
    }

    /**
     * The domains reported: those {@code --domain} names; else those of the listed techniques, or of the chosen
     * sets; else, with no set at all, those of the loaded releases; narrowed to those of the {@code --tactic}s.
     * In ATT&CK's order (Enterprise, Mobile, ICS).
     */
    private List<String> domains(List<MappingSet> sets, Set<String> listedDomains) {
        Set<String> domains = new TreeSet<>(AttackDomain.ORDER);
        if (!filter.domains().isEmpty()) {
            filter.domains().forEach(d -> domains.add(AttackDomain.normalise(d)));
        } else if (listedDomains != null) {
            domains.addAll(listedDomains);
        } else if (!sets.isEmpty()) {
            sets.forEach(s -> domains.add(AttackDomain.normalise(s.domain())));
        } else {
            attack.all().stream().filter(r -> !r.bundledSample())
                    .forEach(r -> domains.add(AttackDomain.normalise(r.domain())));
        }
        if (!filter.tactics().isEmpty()) { // --tactic mobile/initial-access is about Mobile only
            domains.retainAll(filter.tactics().stream().map(key -> key.substring(0, key.indexOf('/'))).toList());
        }
        if (domains.isEmpty()) {
            throw new MissingDataException("nothing to measure coverage of: no mapping set, and no ATT&CK release of "
                    + "the domains asked for, is loaded; add --data with an ATT&CK bundle (" + ATTACK_DATA_URL
                    + ") and mapping files");
        }
        return List.copyOf(domains);
    }

    /**
     * The release each domain is measured against, or none with mapping-only counting.
     *
     * @throws MissingDataException when a domain has only the bundled sample, or nothing, to measure against
     */
    private Map<String, AttackRelease> releases(List<String> domains, List<MappingSet> sets) {
        Map<String, AttackRelease> releases = new LinkedHashMap<>();
        if (counting.mappingOnly()) {
            return releases;
        }
        List<String> missing = new ArrayList<>();
        for (String domain : domains) {
            List<String> versions = targetVersions(sets.stream()
                    .filter(s -> AttackDomain.normalise(s.domain()).equals(domain)).toList());
            String wanted = versions.isEmpty() ? null : versions.get(versions.size() - 1);
            attack.judging(domain, wanted).ifPresentOrElse(r -> releases.put(domain, r), () -> missing.add(
                    AttackDomain.displayName(domain) + " (" + attack.sample(domain).map(sample -> "only mapper's "
                            + "bundled sample of it, " + sample.techniques().stream().map(Technique::id)
                            .collect(Collectors.joining(", ")) + ", is loaded").orElse("none is loaded")
                            + "; add --data " + bundleFileName(domain, wanted) + ")"));
        }
        if (!missing.isEmpty()) {
            throw new MissingDataException("no ATT&CK release to measure coverage against for " + String.join(", ", missing)
                    + "; the official bundles are at " + ATTACK_DATA_URL + ", and mapper data pull installs them"
                    + (domains.size() > 1 ? "; or narrow with --domain" : "")
                    + "; or ask for what the mappings alone say with --mapping-only");
        }
        return releases;
    }

    private static String bundleFileName(String domain, String version) {
        return AttackDomain.of(domain).map(d -> d.bundleFileName(version))
                .orElse(domain + "-attack" + (version == null ? "" : "-" + version) + ".json");
    }

    /** The ATT&CK versions the sets were made against, oldest first. */
    private static List<String> targetVersions(List<MappingSet> sets) {
        Set<String> versions = new TreeSet<>(Versions.ORDER);
        sets.forEach(s -> versions.add(s.attackVersion()));
        return List.copyOf(versions);
    }

    /** The release's techniques that count, tallying those left out: revoked, deprecated, sub-techniques, filtered. */
    private List<Technique> active(AttackRelease release, int[] leftOut) {
        List<Technique> kept = new ArrayList<>();
        for (Technique t : release.techniques()) {
            if (t.revoked()) {
                leftOut[0]++;
            } else if (t.deprecated()) {
                leftOut[1]++;
            } else if (countable(t, leftOut)) {
                kept.add(t);
            }
        }
        return kept;
    }

    /** Without sub-techniques counted, or outside the tactic and platform filters: left out, and tallied. */
    private boolean countable(Technique t, int[] leftOut) {
        if (t.subtechnique() && !counting.subtechniques()) {
            leftOut[2]++;
            return false;
        }
        if (!index.passesTechnique(t, filter)) {
            leftOut[3]++;
            return false;
        }
        return true;
    }

    /** Mapping-only counting: every technique the domain's sets map (to a parent, with roll-up, for a sub-technique). */
    private List<Technique> mapped(List<MappingSet> sets, int[] leftOut) {
        Set<String> ids = new TreeSet<>();
        Set<String> subsLeftOut = new TreeSet<>();
        for (MappingSet set : sets) {
            for (Mapping m : index.mappingsIn(set)) {
                String id = m.techniqueId();
                if (id != null && !m.nonMappable() && index.passes(m, filter)) {
                    int dot = id.indexOf('.');
                    if (dot < 0 || counting.subtechniques()) {
                        ids.add(id);
                    }
                    if (dot > 0 && counting.rollup()) {
                        ids.add(id.substring(0, dot));
                    } else if (dot > 0 && !counting.subtechniques()) {
                        subsLeftOut.add(id);
                    }
                }
            }
        }
        leftOut[2] = subsLeftOut.size();
        return ids.stream().map(index::describe).toList();
    }

    /** The listed techniques of one domain, as its release describes them (as the mappings do, mapping-only). */
    private List<Technique> listed(List<String> ids, AttackRelease release, int[] leftOut) {
        List<Technique> kept = new ArrayList<>();
        for (String id : ids) {
            Technique t = release == null ? index.describe(id) : attack.technique(release, id).orElseThrow(() ->
                    new UnknownIdException("ATT&CK " + release.displayName() + " technique", id, index.suggestIds(id, 3)));
            if (countable(t, leftOut)) {
                kept.add(t);
            }
        }
        return kept;
    }

    /**
     * The listed IDs by the domain of the technique (as any loaded release, else the first mapping to it, says);
     * those of a domain {@code --domain} leaves out are dropped.
     */
    private Map<String, List<String>> listedByDomain(List<String> ids) {
        Map<String, List<String>> byDomain = new LinkedHashMap<>();
        for (String id : new LinkedHashSet<>(ids)) {
            String key = index.knownId(id);
            String domain = index.technique(key).map(Technique::domain)
                    .orElseGet(() -> index.mappingsFor(key, new HashSet<>(index.sets())).get(0).set().domain());
            byDomain.computeIfAbsent(AttackDomain.normalise(domain), k -> new ArrayList<>()).add(key);
        }
        return byDomain;
    }

    /**
     * What covers the technique: the IDs whose mappings in the chosen sets (passing the filter, non-mappable
     * entries aside) cover it, its own and with roll-up its sub-techniques', and those mappings.
     */
    private TechniqueCoverage coverage(Technique t, Set<MappingSet> chosen) {
        List<String> ids = new ArrayList<>();
        List<Mapping> mappings = new ArrayList<>();
        List<String> candidates = new ArrayList<>(List.of(t.id()));
        if (counting.rollup() && !t.subtechnique()) {
            candidates.addAll(index.subtechniquesOf(t.id()));
        }
        for (String id : candidates) {
            List<Mapping> covering = index.coveringMappings(id, chosen, filter);
            if (!covering.isEmpty()) {
                ids.add(id);
                mappings.addAll(covering);
            }
        }
        return new TechniqueCoverage(t, ids, mappings);
    }

    /**
     * One row per tactic with techniques in scope, in the matrix order of the release (a technique under each
     * tactic; with {@code --tactic}, only the tactics named); none without a release, whose tactics are not known
     * in full.
     */
    private List<TacticCoverage> byTactic(String domain, AttackRelease release, List<TechniqueCoverage> techniques) {
        if (release == null) {
            return List.of();
        }
        List<Tactic> tactics = new ArrayList<>(release.tactics());
        if (!filter.tactics().isEmpty()) { // a technique's other tactics are not what was asked about
            tactics.removeIf(t -> !filter.tactics().contains(t.key().toLowerCase(Locale.ROOT)));
        }
        tactics.sort(Comparator.comparing(Tactic::deprecated).thenComparingInt(Tactic::order));
        Map<String, int[]> counts = new LinkedHashMap<>();
        tactics.forEach(tactic -> counts.put(tactic.key(), new int[2]));
        for (TechniqueCoverage t : techniques) {
            for (String shortname : t.technique().tactics()) {
                int[] c = counts.get(Tactic.key(domain, shortname));
                if (c != null) {
                    c[0] += t.covered() ? 1 : 0;
                    c[1]++;
                }
            }
        }
        List<TacticCoverage> rows = new ArrayList<>();
        for (Tactic tactic : tactics) {
            int[] c = counts.get(tactic.key());
            if (c[1] > 0) {
                rows.add(new TacticCoverage(tactic, c[0], c[1]));
            }
        }
        return rows;
    }
}
