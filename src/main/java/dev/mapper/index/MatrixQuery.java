package dev.mapper.index;

import dev.mapper.model.AttackRelease;
import dev.mapper.model.CoverageReport;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingSet;
import dev.mapper.model.MatrixReport;
import dev.mapper.model.Scoring;
import dev.mapper.model.SelectionReport;
import dev.mapper.model.Tactic;
import dev.mapper.model.Technique;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the {@link MatrixReport} of a selection: which domain and release give the columns, which technique each
 * mapping shades, and the totals. A class of its own so that only {@code matrix} loads it.
 */
final class MatrixQuery {

    /** The domain a matrix shows when the selection spans several and none is asked for. */
    static final String DEFAULT_DOMAIN = "enterprise";

    private static final Comparator<Technique> BY_NAME = Comparator
            .comparing((Technique t) -> t.name() == null ? t.id() : t.name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Technique::id);

    private final MappingIndex index;

    MatrixQuery(MappingIndex index) {
        this.index = index;
    }

    MatrixReport build(MatrixRequest request, MatrixReport.Caption caption) {
        SelectionReport selected = index.select(request.selection(), request.sets(), request.filter());
        List<MappingSet> candidateSets = selected.sets().stream().filter(request.filter()::testSet).toList();
        String domain = domain(request.filter(), candidateSets);
        AttackRelease release = release(domain);

        List<MappingSet> sets = candidateSets.stream().filter(s -> domain.equalsIgnoreCase(s.domain())).toList();
        Set<String> otherDomains = new TreeSet<>();
        candidateSets.stream().map(MappingSet::domain).filter(d -> !domain.equalsIgnoreCase(d))
                .forEach(otherDomains::add);
        Map<String, List<Mapping>> byTechnique = new TreeMap<>();
        for (Mapping m : selected.mappings()) {
            if (!m.nonMappable() && m.techniqueId() != null && domain.equalsIgnoreCase(m.set().domain())
                    && request.inScope(m.techniqueId())) {
                byTechnique.computeIfAbsent(m.techniqueId(), k -> new ArrayList<>()).add(m);
            }
        }
        Scoring scoring = request.scoring().resolve(byTechnique.values().stream().flatMap(List::stream).toList());

        Layout layout = new Layout(release, request.filter());
        List<MatrixReport.Column> columns = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        Set<String> counted = new HashSet<>();
        Set<String> coveredIds = new HashSet<>();
        for (Tactic tactic : release.tactics()) {
            if (!request.filter().allowsTactic(tactic)) {
                continue;
            }
            List<MatrixReport.Cell> cells = new ArrayList<>();
            int covered = 0;
            int total = 0;
            for (Technique parent : layout.parentsIn(tactic)) {
                List<MatrixReport.Cell> subs = new ArrayList<>();
                List<Mapping> rolledUp = new ArrayList<>(byTechnique.getOrDefault(parent.id(), List.of()));
                for (Technique sub : layout.subtechniquesIn(parent, tactic)) {
                    if (request.inScope(sub.id())) {
                        List<Mapping> own = byTechnique.getOrDefault(sub.id(), List.of());
                        subs.add(cell(sub, own, List.of(), true));
                        rolledUp.addAll(own);
                        placed.add(sub.id());
                    }
                }
                // Out of scope, a technique is shown only to head its sub-techniques that are in scope.
                boolean parentInScope = request.inScope(parent.id());
                if (!parentInScope && subs.isEmpty()) {
                    continue;
                }
                MatrixReport.Cell cell = request.expandSubtechniques()
                        ? cell(parent, byTechnique.getOrDefault(parent.id(), List.of()), subs, parentInScope)
                        : cell(parent, rolledUp, subs, true);
                cells.add(cell);
                placed.add(parent.id());
                List<MatrixReport.Cell> shown = new ArrayList<>();
                if (cell.inScope()) {
                    shown.add(cell);
                }
                if (request.expandSubtechniques()) {
                    shown.addAll(subs);
                }
                for (MatrixReport.Cell c : shown) {
                    total++;
                    counted.add(c.technique().id());
                    if (c.covered()) {
                        covered++;
                        coveredIds.add(c.technique().id());
                    }
                }
            }
            if (tactic.deprecated() && cells.isEmpty()) {
                continue; // a retired tactic (Mobile's Network Effects), not a column of the current matrix
            }
            columns.add(new MatrixReport.Column(new CoverageReport.TacticCoverage(tactic, covered, total), cells));
        }

        List<MatrixReport.Unplaced> unplaced = new ArrayList<>();
        byTechnique.forEach((id, mappings) -> {
            if (!placed.contains(id)) {
                unplaced.add(new MatrixReport.Unplaced(index.describe(id), mappings.size()));
            }
        });
        return new MatrixReport(release, List.copyOf(otherDomains), sets, caption, request.scope(), scoring,
                request.expandSubtechniques(), columns, coveredIds.size(), counted.size(), byTechnique, unplaced);
    }

    private static MatrixReport.Cell cell(Technique technique, List<Mapping> mappings, List<MatrixReport.Cell> subs,
                                          boolean inScope) {
        return new MatrixReport.Cell(technique, Scoring.strongest(mappings), Scoring.capabilityCount(mappings),
                mappings.size(), subs, inScope);
    }

    /**
     * The filter's domain; else the one domain of the selected sets; else, when they span several, enterprise if
     * among them (else the first by name); with no sets, enterprise if loaded, else the first loaded domain.
     *
     * @throws UnknownIdException when no ATT&CK data of the domain is loaded
     */
    private String domain(MappingFilter filter, List<MappingSet> sets) {
        Set<String> loaded = new TreeSet<>();
        index.releases().forEach(r -> loaded.add(r.domain().toLowerCase(Locale.ROOT)));
        if (!filter.domains().isEmpty()) {
            String asked = filter.domains().iterator().next();
            if (!loaded.contains(asked)) {
                throw new UnknownIdException("ATT&CK domain", asked + " (no ATT&CK bundle of it is loaded)",
                        List.copyOf(loaded));
            }
            return asked;
        }
        Set<String> candidates = new TreeSet<>();
        sets.forEach(s -> candidates.add(s.domain().toLowerCase(Locale.ROOT)));
        candidates.retainAll(loaded);
        if (candidates.isEmpty()) {
            candidates.addAll(loaded);
        }
        if (candidates.isEmpty()) {
            throw new UnknownIdException("ATT&CK domain", "(none: no ATT&CK data is loaded)", List.of());
        }
        return candidates.contains(DEFAULT_DOMAIN) ? DEFAULT_DOMAIN : candidates.iterator().next();
    }

    /** The newest loaded release of the domain, preferring any user's bundle to the bundled sample. */
    private AttackRelease release(String domain) {
        AttackRelease sample = null;
        for (AttackRelease release : index.releases()) { // newest first
            if (release.domain().equalsIgnoreCase(domain)) {
                if (!release.bundledSample()) {
                    return release;
                }
                sample = sample == null ? release : sample;
            }
        }
        return sample;
    }

    /** The active techniques of a release by tactic, parents by name and their sub-techniques by ID. */
    private static final class Layout {
        private final Map<String, List<Technique>> parentsByTactic = new LinkedHashMap<>();
        private final Map<String, List<Technique>> subtechniques = new TreeMap<>();

        Layout(AttackRelease release, MappingFilter filter) {
            Map<String, Tactic> tactics = new LinkedHashMap<>();
            release.tactics().forEach(t -> tactics.put(t.shortname(), t));
            for (Technique t : release.techniques()) {
                List<String> keys = new ArrayList<>();
                t.tactics().forEach(shortname -> {
                    Tactic tactic = tactics.get(shortname);
                    if (tactic != null) {
                        keys.add(tactic.key()); // as the tactic filter holds them
                    }
                });
                if (!t.active() || !filter.testTechnique(t, keys)) {
                    continue;
                }
                if (t.subtechnique() && t.parentId() != null) {
                    subtechniques.computeIfAbsent(t.parentId(), k -> new ArrayList<>()).add(t);
                } else {
                    t.tactics().forEach(shortname -> parentsByTactic.computeIfAbsent(shortname,
                            k -> new ArrayList<>()).add(t));
                }
            }
            parentsByTactic.values().forEach(list -> list.sort(BY_NAME));
            subtechniques.values().forEach(list -> list.sort(Comparator.comparing(Technique::id)));
        }

        List<Technique> parentsIn(Tactic tactic) {
            return parentsByTactic.getOrDefault(tactic.shortname(), List.of());
        }

        List<Technique> subtechniquesIn(Technique parent, Tactic tactic) {
            return subtechniques.getOrDefault(parent.id(), List.of()).stream()
                    .filter(sub -> sub.tactics().contains(tactic.shortname())).toList();
        }
    }
}
