package dev.mapper.index;

import dev.mapper.model.Adversary;
import dev.mapper.model.AdversaryReport;
import dev.mapper.model.AdversaryTechniques;
import dev.mapper.model.AttackCatalog;
import dev.mapper.model.AttackDomain;
import dev.mapper.model.AttackObject;
import dev.mapper.model.AttackRelease;
import dev.mapper.model.Campaign;
import dev.mapper.model.Capability;
import dev.mapper.model.CapabilityList;
import dev.mapper.model.CapabilityReport;
import dev.mapper.model.CoverageReport;
import dev.mapper.model.CrosswalkReport;
import dev.mapper.model.Defense;
import dev.mapper.model.DefenseReport;
import dev.mapper.model.FrameworkList;
import dev.mapper.model.GapReport;
import dev.mapper.model.Group;
import dev.mapper.model.Groups;
import dev.mapper.model.LoadedData;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingFile;
import dev.mapper.model.MappingSet;
import dev.mapper.model.MatrixReport;
import dev.mapper.model.SearchReport;
import dev.mapper.model.SelectionReport;
import dev.mapper.model.Software;
import dev.mapper.model.Tactic;
import dev.mapper.model.TacticList;
import dev.mapper.model.Technique;
import dev.mapper.model.TechniqueList;
import dev.mapper.model.TechniqueReport;
import dev.mapper.model.TechniqueUse;
import dev.mapper.model.Versions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The immutable in-memory index over everything loaded, built once, and the questions it answers; safe to share
 * between threads (the parts only some commands need are built on first use, under a lock).
 * ATT&CK metadata for an ID comes from the newest loaded release that has it.
 */
public final class MappingIndex implements AttackCatalog {

    /** Tactics in matrix order. */
    private static final Comparator<Tactic> MATRIX_ORDER = new Comparator<>() {
        @Override
        public int compare(Tactic a, Tactic b) {
            return Integer.compare(a.order(), b.order());
        }
    };

    private final AttackReleases attack;
    private final List<MappingSet> sets;
    private final List<MappingFile> files;
    // By identity: every mapping holds its file's set, and a set's hash and equals walk its fields, which cost
    // more than the rest of a lookup when one run asks for hundreds of techniques.
    private final Map<MappingSet, Integer> setOrder = new IdentityHashMap<>();
    // Runs of one set's mappings (see mappingsFor), in set order.
    private final Comparator<List<Mapping>> runsInSetOrder = new Comparator<>() {
        @Override
        public int compare(List<Mapping> a, List<Mapping> b) {
            return Integer.compare(setOrder.get(a.get(0).set()), setOrder.get(b.get(0).set()));
        }
    };
    private final Map<SetSelection, List<MappingSet>> selected = new ConcurrentHashMap<>();
    private final Map<String, Technique> techniques = new HashMap<>();
    private final Map<String, Tactic> tactics = new LinkedHashMap<>();
    private final Map<String, List<Mapping>> mappingsByAttackId = new HashMap<>();
    private final Map<String, Set<String>> subtechniques = new HashMap<>();
    private final Map<String, Set<String>> revokedInFavourOf = new HashMap<>();
    private final Map<String, String> namesFromMappings = new HashMap<>();
    private final Map<MappingSet, List<Mapping>> mappingsBySet = new HashMap<>();
    // Built on first use: only capability, search and list capabilities need them.
    private Capabilities capabilities;
    private SearchIndex searchIndex;
    // Built on first use: only questions about groups, software, campaigns, mitigations and detection strategies
    // need it, and it decodes the releases' deferred objects.
    private AttackObjectIndex attackObjects;

    public MappingIndex(LoadedData data) {
        this.attack = new AttackReleases(data.releases());
        for (AttackRelease release : attack.all()) {
            for (Technique t : release.techniques()) {
                techniques.putIfAbsent(t.id(), t);
                if (t.parentId() != null) {
                    treeSetIn(subtechniques, t.parentId()).add(t.id());
                }
                if (t.revoked() && t.revokedBy() != null) {
                    treeSetIn(revokedInFavourOf, Technique.normaliseId(t.revokedBy())).add(t.id());
                }
            }
            for (Tactic tactic : release.tactics()) {
                tactics.putIfAbsent(tactic.key(), tactic);
            }
        }
        this.files = data.mappingFiles();
        List<MappingSet> allSets = new ArrayList<>();
        for (MappingFile file : data.mappingFiles()) {
            allSets.add(file.set());
            Groups.listIn(mappingsBySet, file.set()).addAll(file.mappings());
            for (Mapping m : file.mappings()) {
                addByTechnique(m);
            }
        }
        allSets.sort(SetSelection.BY_FRAMEWORK);
        this.sets = List.copyOf(allSets);
        for (int i = 0; i < sets.size(); i++) {
            setOrder.put(sets.get(i), i);
        }
    }

    /**
     * A method of its own, not a loop body in the constructor: the JVM compiles a method after a few hundred calls,
     * but a loop only after tens of thousands of turns, and the corpus has 62,498 mappings.
     */
    private void addByTechnique(Mapping m) {
        String id = m.techniqueId();
        if (id == null) {
            return;
        }
        Groups.listIn(mappingsByAttackId, id).add(m);
        if (m.attackObjectName() != null) {
            namesFromMappings.putIfAbsent(id, m.attackObjectName());
        }
        int dot = id.indexOf('.');
        if (dot > 0) {
            treeSetIn(subtechniques, id.substring(0, dot)).add(id);
        }
    }

    // This helper, Groups, the loops that use them and the comparators are written without lambdas or method
    // references: every show runs them, and each such call site costs ~0.1 ms to link in a cold JVM
    // (docs/performance.md).

    /** The map's set for the key, made when there is none. */
    private static Set<String> treeSetIn(Map<String, Set<String>> map, String key) {
        Set<String> set = map.get(key);
        if (set == null) {
            set = new TreeSet<>();
            map.put(key, set);
        }
        return set;
    }


    /** Every loaded release: those the user loaded, newest first, then the bundled sample. */
    public List<AttackRelease> releases() {
        return attack.all();
    }

    /** Every loaded set, by framework, newest first. */
    public List<MappingSet> sets() {
        return sets;
    }

    public List<MappingSet> selectSets(SetSelection selection) {
        List<MappingSet> known = selected.get(selection);
        if (known != null) {
            return known;
        }
        List<MappingSet> chosen = selection.select(sets);
        if (chosen.isEmpty() && (selection.frameworkVersion() != null || selection.attackVersion() != null)) {
            throw unknownVersion(selection);
        }
        selected.put(selection, List.copyOf(chosen));
        return selected.get(selection);
    }

    /** What a version selection that matches no set is told: the versions (or pairs of them) the sets have. */
    private UnknownVersionException unknownVersion(SetSelection selection) {
        SortedSet<String> frameworkVersions = new TreeSet<>(Versions.ORDER);
        SortedSet<String> attackVersions = new TreeSet<>(Versions.ORDER);
        sets.forEach(set -> {
            frameworkVersions.add(set.frameworkVersion());
            attackVersions.add(set.attackVersion());
        });
        if (selection.frameworkVersion() != null && !containsIgnoringCase(frameworkVersions, selection.frameworkVersion())) {
            return new UnknownVersionException("framework version", selection.frameworkVersion(), frameworkVersions);
        }
        if (selection.attackVersion() != null && !containsIgnoringCase(attackVersions, selection.attackVersion())) {
            return new UnknownVersionException("ATT&CK version", selection.attackVersion(), attackVersions);
        }
        SortedSet<String> withThatFrameworkVersion = new TreeSet<>(Versions.ORDER);
        sets.stream().filter(set -> selection.frameworkVersion().equalsIgnoreCase(set.frameworkVersion()))
                .forEach(set -> withThatFrameworkVersion.add(set.attackVersion()));
        return new UnknownVersionException("framework version " + selection.frameworkVersion() + " with ATT&CK version",
                selection.attackVersion(), withThatFrameworkVersion);
    }

    private static boolean containsIgnoringCase(Collection<String> values, String value) {
        return values.stream().anyMatch(v -> v != null && v.equalsIgnoreCase(value));
    }

    /** The sets as {@link #mappingsFor} takes them: compared by identity, as each mapping holds its file's set. */
    private static Set<MappingSet> lookupSet(List<MappingSet> sets) {
        Set<MappingSet> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(sets);
        return set;
    }

    /**
     * The loaded file of a set named {@code framework@framework-version[@attack-version[@domain]]} (case-insensitive;
     * domain enterprise when left out). Without an ATT&CK version, the newest set of that framework version.
     *
     * @throws UnknownIdException when no loaded set has the name
     * @throws AmbiguousNameException when several loaded files hold the same set
     */
    public MappingFile mappingFile(String setName) {
        String name = setName.trim();
        // Whole names compared, never split at '@': a framework or version may hold one.
        List<MappingFile> matches = files.stream().filter(f -> namesOf(f.set()).stream().anyMatch(name::equalsIgnoreCase))
                .sorted(Comparator.comparing(MappingFile::set, SetSelection.NEWEST_FIRST))
                .toList();
        if (matches.isEmpty()) {
            List<String> names = sets.stream().map(s -> s.key().toString()).distinct().toList();
            List<String> sameFramework = names.stream().filter(n -> sets.stream().anyMatch(s -> n.startsWith(s.framework()
                    + "@") && name.toLowerCase(Locale.ROOT).startsWith(s.framework().toLowerCase(Locale.ROOT) + "@")))
                    .toList();
            throw new UnknownIdException("mapping set", setName.trim(), sameFramework.isEmpty() ? names : sameFramework);
        }
        List<MappingFile> newest = matches.stream().filter(f -> f.set().key().equals(matches.get(0).set().key())).toList();
        if (newest.size() > 1) {
            throw new AmbiguousNameException("mapping set", newest.get(0).set().key().toString(),
                    newest.stream().map(f -> f.set().source().label()).toList(), "give the file path instead");
        }
        return newest.get(0);
    }

    /**
     * The names a set answers to: {@code framework@framework-version} and {@code ...@attack-version} for an
     * Enterprise set, {@code ...@attack-version@domain} for any.
     */
    private static List<String> namesOf(MappingSet set) {
        String versions = set.framework() + "@" + set.frameworkVersion();
        String full = versions + "@" + set.attackVersion() + "@" + set.domain();
        return "enterprise".equalsIgnoreCase(set.domain())
                ? List.of(versions, versions + "@" + set.attackVersion(), full) : List.of(full);
    }

    /** Every mapping object of a loaded set, in file order, including those with no technique. */
    public List<Mapping> mappingsIn(MappingSet set) {
        return Collections.unmodifiableList(mappingsBySet.getOrDefault(set, List.of()));
    }

    /**
     * Every technique worth listing or searching: those of the current ATT&CK matrix and any other ID (revoked,
     * deprecated, or unknown to the loaded ATT&CK data) that a loaded mapping points at; in ID order.
     */
    public List<String> techniqueIds() {
        Set<String> ids = new TreeSet<>(mappingsByAttackId.keySet());
        techniques.values().stream().filter(Technique::active).forEach(t -> ids.add(t.id()));
        return List.copyOf(ids);
    }

    /** ATT&CK data for the ID from the newest release that has it (one the user loaded before the bundled sample). */
    @Override
    public Optional<Technique> technique(String id) {
        return Optional.ofNullable(techniques.get(Technique.normaliseId(id)));
    }

    @Override
    public Optional<AttackRelease> releaseFor(String domain, String attackVersion) {
        return attack.judging(domain, attackVersion);
    }

    @Override
    public Optional<Technique> technique(AttackRelease release, String id) {
        return attack.technique(release, id);
    }

    /** True if ATT&CK data or any mapping knows the ID. */
    public boolean knows(String id) {
        String key = Technique.normaliseId(id);
        return techniques.containsKey(key) || mappingsByAttackId.containsKey(key);
    }

    /** Every ID that loaded ATT&CK data or a mapping knows (revoked and deprecated ones too), sorted. */
    public SortedSet<String> knownIds() {
        SortedSet<String> known = new TreeSet<>(techniques.keySet());
        known.addAll(mappingsByAttackId.keySet());
        return known;
    }

    /** Sub-technique IDs of a technique, from ATT&CK and from mapping files, in ID order. */
    public List<String> subtechniquesOf(String id) {
        return List.copyOf(subtechniques.getOrDefault(Technique.normaliseId(id), Set.of()));
    }

    /** Every mapping recorded against exactly this ID, in the given sets, in set order then file order. */
    public List<Mapping> mappingsFor(String id, Set<MappingSet> inSets) {
        // The ID's mappings are runs of one set each (files are indexed one after the other): each run is kept or
        // left whole and the runs put in set order, rather than each mapping looked up and sorted.
        List<Mapping> all = mappingsByAttackId.getOrDefault(Technique.normaliseId(id), List.of());
        List<List<Mapping>> runs = new ArrayList<>();
        int start = 0;
        while (start < all.size()) {
            MappingSet set = all.get(start).set();
            int end = start + 1;
            while (end < all.size() && all.get(end).set() == set) {
                end++;
            }
            if (inSets.contains(set)) {
                runs.add(all.subList(start, end));
            }
            start = end;
        }
        runs.sort(runsInSetOrder);
        List<Mapping> result = new ArrayList<>();
        for (List<Mapping> run : runs) {
            result.addAll(run);
        }
        return result;
    }

    /** The technique as ATT&CK describes it, or as the mapping files name it when no ATT&CK data has it. */
    public Technique describe(String id) {
        String key = Technique.normaliseId(id);
        Technique known = techniques.get(key);
        if (known != null) {
            return known;
        }
        int dot = key.indexOf('.');
        return new Technique(key, null, namesFromMappings.get(key), null, null, null, null, List.of(), List.of(), null,
                dot > 0, dot > 0 ? key.substring(0, dot) : null, false, null, false, List.of(), List.of(), List.of());
    }

    /** The tactics of a technique, in matrix order. */
    public List<Tactic> tacticsOf(Technique technique) {
        List<Tactic> result = new ArrayList<>();
        for (String shortname : technique.tactics()) {
            Tactic tactic = tactics.get(Tactic.key(technique.domain(), shortname));
            if (tactic != null) {
                result.add(tactic);
            }
        }
        result.sort(MATRIX_ORDER);
        return result;
    }

    /**
     * What maps to a technique: its own mappings and, unless told otherwise, its sub-techniques', in the chosen sets.
     *
     * @throws UnknownIdException when neither ATT&CK data nor any mapping knows the ID
     */
    public TechniqueReport techniqueReport(String id, SetSelection selection, MappingFilter filter,
                                           boolean includeSubtechniques) {
        String key = knownId(id);
        Technique technique = describe(key);
        List<MappingSet> sets = selectSets(selection);
        Set<MappingSet> chosen = lookupSet(sets);
        List<Mapping> mappings = new ArrayList<>(filter(mappingsFor(key, chosen), filter));
        List<Technique> replaced = new ArrayList<>();
        for (String oldId : replacedBy(key)) {
            replaced.add(describe(oldId));
            mappings.addAll(filter(mappingsFor(oldId, chosen), filter));
        }
        List<Technique> subs = new ArrayList<>();
        if (includeSubtechniques) {
            for (String subId : subtechniquesOf(key)) {
                subs.add(describe(subId));
                mappings.addAll(filter(mappingsFor(subId, chosen), filter));
            }
        }
        return new TechniqueReport(technique, tacticsOf(technique), replaced, subs, mappings, sets);
    }

    /**
     * The techniques ATT&CK revoked in favour of this one (revoked-by), and those revoked in favour of them, in ID
     * order: mappings made against an older release may still be recorded under them.
     */
    public List<String> replacedBy(String id) {
        List<String> replaced = new ArrayList<>();
        Deque<String> todo = new ArrayDeque<>(List.of(Technique.normaliseId(id)));
        while (!todo.isEmpty()) {
            for (String oldId : revokedInFavourOf.getOrDefault(todo.removeFirst(), Set.of())) {
                if (!replaced.contains(oldId) && !oldId.equals(id)) {
                    replaced.add(oldId);
                    todo.add(oldId);
                }
            }
        }
        return replaced;
    }

    /**
     * The mappings of the chosen sets that match a selection and pass the filter, in set order then file order.
     * A technique selects its sub-techniques too. Mappings without a technique (capabilities nothing maps to) are
     * kept unless techniques are selected.
     *
     * @throws UnknownIdException for a selected technique or capability that no loaded data knows
     */
    public SelectionReport select(Selection selection, SetSelection sets, MappingFilter filter) {
        Set<String> techniqueIds = new HashSet<>();
        for (String id : selection.techniques()) {
            String key = knownId(id);
            techniqueIds.add(key);
            techniqueIds.addAll(subtechniquesOf(key));
        }
        List<MappingSet> chosen = selectSets(sets);
        Set<String> capabilityIds = new HashSet<>();
        selection.capabilities().forEach(id -> capabilityIds.add(Capability.comparableId(id)));
        List<Mapping> matching = new ArrayList<>();
        Set<String> capabilitiesSeen = new HashSet<>();
        for (MappingSet set : chosen) {
            for (Mapping m : mappingsBySet.getOrDefault(set, List.of())) {
                String capability = m.capabilityId() == null ? null : Capability.comparableId(m.capabilityId());
                capabilitiesSeen.add(capability);
                if ((techniqueIds.isEmpty() || techniqueIds.contains(m.techniqueId()))
                        && (capabilityIds.isEmpty() || (capability != null && capabilityIds.contains(capability)))) {
                    matching.add(m);
                }
            }
        }
        for (String capability : selection.capabilities()) {
            if (!capabilitiesSeen.contains(Capability.comparableId(capability))) {
                throw new UnknownIdException("capability", capability, List.of());
            }
        }
        List<Mapping> kept = filter(matching, filter);
        Map<String, Technique> described = new HashMap<>();
        for (Mapping m : kept) {
            String id = m.techniqueId();
            // The replacements of revoked techniques too, so that exports can follow revoked-by.
            while (id != null && !described.containsKey(id)) {
                Technique t = describe(id);
                described.put(id, t);
                id = t.revoked() ? Technique.normaliseId(t.revokedBy()) : null;
            }
        }
        return new SelectionReport(kept, chosen, described, attack.all());
    }

    /** The mappings that pass the filter, in their order. */
    public List<Mapping> filter(List<Mapping> mappings, MappingFilter filter) {
        if (filter.isEmpty()) {
            return mappings;
        }
        List<Mapping> kept = new ArrayList<>();
        for (Mapping m : mappings) {
            if (passes(m, filter)) {
                kept.add(m);
            }
        }
        return kept;
    }

    /** True when the mapping passes the filter; tactic and platform filters look at its technique's ATT&CK data. */
    public boolean passes(Mapping m, MappingFilter filter) {
        if (filter.isEmpty()) {
            return true;
        }
        Technique technique = techniques.get(m.techniqueId());
        return filter.test(m, technique, filter.tactics().isEmpty() ? List.of() : tacticKeys(technique));
    }

    /** The keys of the technique's tactics ({@code mobile/initial-access}), as tactic filters match them. */
    List<String> tacticKeys(Technique technique) {
        return technique == null ? List.of()
                : technique.tactics().stream().map(shortname -> Tactic.key(technique.domain(), shortname)).toList();
    }

    /**
     * What a capability maps to, in the chosen sets: {@code query} is a {@code capability_id}, or a case-insensitive
     * ID, description, or part of one. Only capabilities of the frameworks and domains the filter allows are candidates.
     *
     * @throws UnknownIdException when nothing matches
     * @throws AmbiguousNameException when more than one capability matches equally well
     */
    public CapabilityReport capabilityReport(String query, SetSelection selection, MappingFilter filter) {
        Capability capability = capabilities().resolve(query, filter);
        List<MappingSet> chosen = selectSets(selection);
        Set<MappingSet> chosenSet = lookupSet(chosen);
        List<Mapping> all = capabilities().mappingsOf(capability);
        // By set, then by technique ID (as ATT&CK lists them), then in file order: not in the file's order of IDs.
        List<Mapping> mappings = filter(all.stream().filter(m -> chosenSet.contains(m.set()))
                .sorted(Comparator.<Mapping>comparingInt(m -> setOrder.get(m.set()))
                        .thenComparing(Mapping::techniqueId, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList(), filter);
        List<Technique> described = mappings.stream().map(Mapping::techniqueId).filter(Objects::nonNull).distinct().map(this::describe).toList();
        List<MappingSet> knownIn = all.stream().map(Mapping::set).distinct().toList();
        return new CapabilityReport(capability, described, mappings, chosen, knownIn);
    }

    /**
     * The capabilities of another framework that share techniques with a capability, derived through ATT&CK (see
     * {@link CrosswalkReport}): {@code query} names the capability as for {@link #capabilityReport}.
     *
     * @throws UnknownIdException when nothing matches the query, or no loaded set is of {@code toFramework}
     * @throws AmbiguousNameException when more than one capability matches equally well
     */
    public CrosswalkReport crosswalk(String query, String toFramework, SetSelection selection, MappingFilter filter,
                                     int limit) {
        Capability source = capabilities().resolve(query, filter);
        String to = sets.stream().map(MappingSet::framework).filter(toFramework.trim()::equalsIgnoreCase).findFirst()
                .orElseThrow(() -> new UnknownIdException("framework", "'" + toFramework.trim() + "'",
                        Nearest.ids(toFramework.trim(), sets.stream().map(MappingSet::framework).distinct().toList(), 3)));
        List<MappingSet> chosen = selectSets(selection).stream()
                .filter(s -> s.framework().equals(source.framework()) || s.framework().equals(to)).toList();
        return new Crosswalk(this).crosswalk(source, to, chosen, filter, limit);
    }

    /**
     * The capabilities a team names by ID (a {@code --have} file): for each ID, the loaded capabilities with that
     * {@code capability_id}, ignoring case and NIST's zero padding (AC-2 is AC-02), in every framework that has one.
     *
     * @throws UnknownIdException for an ID no loaded set has, with the nearest IDs
     */
    public List<Capability> capabilitiesWithId(String id) {
        List<Capability> found = capabilities().withId(id);
        if (found.isEmpty()) {
            throw new UnknownIdException("capability", "'" + id.strip() + "'", capabilities().nearestIds(id));
        }
        return found;
    }

    /** Ranked hits for free text; the search index is built on the first search and reused. */
    public SearchReport search(String query, SetSelection selection, MappingFilter filter, int limit) {
        return searchIndex().search(query, new HashSet<>(selectSets(selection)), filter, limit);
    }

    private synchronized SearchIndex searchIndex() {
        if (searchIndex == null) {
            searchIndex = new SearchIndex(this, capabilities());
        }
        return searchIndex;
    }

    /** {@code list frameworks}: every loaded set, narrowed only by the selection's versions and the filter. */
    public FrameworkList listFrameworks(SetSelection selection, MappingFilter filter) {
        return new Listings(this).frameworks(selection, filter);
    }

    public CapabilityList listCapabilities(SetSelection selection, MappingFilter filter) {
        return new Listings(this).capabilities(selection, filter);
    }

    public TechniqueList listTechniques(SetSelection selection, MappingFilter filter) {
        return new Listings(this).techniques(selection, filter);
    }

    public TacticList listTactics(SetSelection selection, MappingFilter filter) {
        return new Listings(this).tactics(selection, filter);
    }

    /**
     * The ATT&CK matrix of one domain shaded by the selected mappings.
     *
     * @throws UnknownIdException for a selected capability no loaded data knows, or a domain without ATT&CK data
     */
    public MatrixReport matrix(MatrixRequest request, MatrixReport.Caption caption) {
        return new MatrixQuery(this).build(request, caption);
    }

    /**
     * The loaded tactics a {@code --tactic} value names: an ID ({@code TA0027}), or a shortname or name
     * ({@code initial-access}, {@code Initial Access}) alone or after a domain and a slash
     * ({@code mobile/initial-access}); case-insensitive. A name that several domains use is narrowed to
     * {@code domains} (those the command is about; none: every domain) before it is called ambiguous.
     *
     * @throws AmbiguousNameException when the value names tactics of more than one domain
     */
    public List<Tactic> tacticsNamed(String value, Set<String> domains) {
        String wanted = value.trim();
        int slash = wanted.indexOf('/');
        String domain = slash < 0 ? null : AttackDomain.normalise(wanted.substring(0, slash));
        String name = slash < 0 ? wanted : wanted.substring(slash + 1).trim();
        List<Tactic> named = tactics.values().stream()
                .filter(t -> domain == null || AttackDomain.normalise(t.domain()).equals(domain))
                .filter(t -> t.names().stream().anyMatch(name::equalsIgnoreCase))
                .sorted(Comparator.comparing(Tactic::domain, AttackDomain.ORDER))
                .toList();
        if (named.stream().map(t -> AttackDomain.normalise(t.domain())).distinct().count() > 1) {
            List<Tactic> inDomains = named.stream()
                    .filter(t -> domains.contains(AttackDomain.normalise(t.domain()))).toList();
            if (inDomains.stream().map(Tactic::domain).distinct().count() == 1) {
                return inDomains;
            }
            throw new AmbiguousNameException("tactic", wanted, named.stream().map(t -> t.key() + "  " + t.id() + " "
                    + t.name() + " (" + AttackDomain.displayName(t.domain()) + ")").toList(),
                    "ATT&CK " + named.stream().map(t -> AttackDomain.displayName(t.domain())).distinct()
                            .collect(Collectors.joining(", ")) + " each have one; give the domain or the ID");
        }
        return named;
    }

    /** Every loaded tactic, one per domain and shortname, from the newest release that has it. */
    public Collection<Tactic> tactics() {
        return Collections.unmodifiableCollection(tactics.values());
    }

    private synchronized AttackObjectIndex attackObjects() {
        if (attackObjects == null) {
            attackObjects = new AttackObjectIndex(attack.all(), techniques.values(), this::describe);
        }
        return attackObjects;
    }

    /**
     * The ATT&CK object (technique, group, software, campaign, mitigation or detection strategy) of one of the
     * kinds that a user names by its ID, name or an alias, ignoring case; one that is not revoked wins over one
     * that is.
     *
     * @throws UnknownIdException when nothing matches, with the nearest IDs and names
     * @throws AmbiguousNameException when several objects match equally well (ATT&CK has software and groups of
     *                                the same name)
     */
    public AttackObject attackObject(String query, Set<AttackObject.Kind> kinds) {
        return attackObjects().find(query, kinds);
    }

    /** The group, software or campaign a user names; as {@link #attackObject}. */
    public Adversary adversary(String query, AttackObject.Kind kind) {
        if (!(attackObject(query, EnumSet.of(kind)) instanceof Adversary adversary)) {
            throw new IllegalArgumentException("not a kind of adversary: " + kind);
        }
        return adversary;
    }

    /** Every group of the loaded ATT&CK data that is neither revoked nor deprecated, by ID. */
    public List<Group> groups() {
        return attackObjects().groups();
    }

    /**
     * The techniques an adversary uses (for a group, with its campaigns'; with {@code viaSoftware}, with its
     * software's), by ID, each with its procedures; a revoked technique counts as the one that replaced it.
     */
    public List<TechniqueUse> techniquesUsedBy(Adversary adversary, boolean viaSoftware) {
        return attackObjects().techniquesUsedBy(adversary, viaSoftware);
    }

    /**
     * What an adversary does and what covers it: the techniques it uses that pass the filter's tactics and
     * platforms, the objects it is related to, and per technique the mappings of the chosen sets that pass the
     * filter and cover it.
     */
    public AdversaryReport adversaryReport(Adversary adversary, boolean viaSoftware, SetSelection selection,
                                           MappingFilter filter) {
        AttackObjectIndex index = attackObjects();
        List<TechniqueUse> uses = index.techniquesUsedBy(adversary, viaSoftware).stream()
                .filter(use -> passesTechnique(use.technique(), filter)).toList();
        List<MappingSet> chosenSets = selectSets(selection).stream().filter(filter::testSet).toList();
        Set<MappingSet> chosen = lookupSet(chosenSets);
        Map<String, List<Mapping>> covering = new HashMap<>();
        for (TechniqueUse use : uses) {
            List<Mapping> mappings = coveringMappings(use.technique().id(), chosen, filter);
            if (!mappings.isEmpty()) {
                covering.put(use.technique().id(), mappings);
            }
        }
        List<Software> software = List.of();
        List<Campaign> campaigns = List.of();
        List<Group> groups = List.of();
        if (adversary instanceof Group group) {
            software = index.softwareUsedBy(group);
            campaigns = index.campaignsAttributedTo(group);
        } else if (adversary instanceof Campaign campaign) {
            software = index.softwareUsedBy(campaign);
            groups = index.groupsAttributingToCampaign(campaign);
        } else if (adversary instanceof Software s) {
            campaigns = index.campaignsUsingSoftware(s);
            groups = index.groupsUsingSoftware(s);
        }
        return new AdversaryReport(adversary, viaSoftware, uses, software, campaigns, groups, chosenSets, covering);
    }

    /**
     * The techniques that count (current, passing the filter's tactics and platforms) that the adversaries use, by
     * ID, each with the IDs of the adversaries using it.
     */
    public AdversaryTechniques adversaryTechniques(List<Adversary> adversaries, boolean viaSoftware,
                                                   MappingFilter filter) {
        SortedMap<String, List<String>> usedBy = new TreeMap<>();
        Map<String, Technique> described = new HashMap<>();
        for (Adversary adversary : adversaries) {
            for (TechniqueUse use : techniquesUsedBy(adversary, viaSoftware)) {
                if (use.counted() && passesTechnique(use.technique(), filter)) {
                    List<String> users = usedBy.computeIfAbsent(use.technique().id(), k -> new ArrayList<>());
                    described.put(use.technique().id(), use.technique());
                    if (!users.contains(adversary.id())) {
                        users.add(adversary.id());
                    }
                }
            }
        }
        List<AdversaryTechniques.Used> used = new ArrayList<>();
        usedBy.forEach((id, users) -> used.add(new AdversaryTechniques.Used(described.get(id), users)));
        return new AdversaryTechniques(adversaries, viaSoftware, used);
    }

    /**
     * True when the technique passes the filter's domains, tactics and platforms (one without ATT&CK data passes
     * neither tactics nor platforms). The domains are tested here, not in the filter's test of a mapping, where they
     * are the set's: a mapping may name a technique of another domain, and is then still its file's.
     */
    boolean passesTechnique(Technique technique, MappingFilter filter) {
        return (technique.stixId() == null || filter.allowsDomain(technique.domain()))
                && filter.testTechnique(technique.stixId() == null ? null : technique, tacticKeys(technique));
    }

    /**
     * What to add next: the techniques the adversaries use (none given: every group) that the capabilities a team
     * has leave uncovered (have null: it has none), ranked by how many of them use each, and the {@code recommend}
     * capabilities of the chosen sets that would close the most, picked greedily (docs/threats.md). Without
     * {@code --framework}, the candidates are of the frameworks of the capabilities it has.
     */
    public GapReport gap(List<Adversary> adversaries, boolean viaSoftware, List<Capability> have,
                         SetSelection selection, MappingFilter filter, int limit, boolean closableOnly,
                         int recommend) {
        MappingFilter scoped = filter;
        if (filter.frameworks().isEmpty() && have != null && !have.isEmpty()) {
            scoped = filter.withFrameworks(have.stream().map(Capability::framework).collect(
                    Collectors.toSet()));
        }
        MappingFilter chosen = scoped;
        List<MappingSet> sets = selectSets(selection).stream().filter(chosen::testSet).toList();
        return new Gap(this).gap(adversaries, viaSoftware, have, sets, chosen, limit, closableOnly, recommend);
    }

    /** A mitigation or detection strategy and the techniques it mitigates or detects. */
    public DefenseReport defenseReport(Defense defense) {
        return new DefenseReport(defense, attackObjects().techniquesMitigatedOrDetectedBy(defense));
    }

    /** The capabilities of the loaded sets, and which one a user means. */
    synchronized Capabilities capabilities() {
        if (capabilities == null) {
            Map<MappingSet, List<Mapping>> inSetOrder = new LinkedHashMap<>();
            sets.forEach(set -> inSetOrder.put(set, mappingsIn(set)));
            capabilities = new Capabilities(inSetOrder);
        }
        return capabilities;
    }

    /**
     * Of the techniques in scope, which have at least one mapping (a non-mappable entry does not count) in the
     * chosen sets that passes the filter, per ATT&CK domain against that domain's release ({@link Coverage}).
     * {@code required} techniques are checked whether in scope or not; {@code asked} is what the report says was
     * selected (the options as given, see {@link CoverageReport}).
     *
     * @throws UnknownIdException when an ID of the scope or of {@code required} is not known
     * @throws MissingDataException when a domain's ATT&CK release is not loaded (only the bundled sample, or
     *         nothing) and the counting is not mapping-only
     */
    public CoverageReport coverage(SetSelection selection, MappingFilter filter, CoverageScope scope,
                                   CoverageReport.Counting counting, List<String> required,
                                   Map<String, List<String>> asked) {
        return new Coverage(this, attack, filter, counting).report(selection, scope, required, asked);
    }

    /**
     * The ID as ATT&CK spells it, once checked that ATT&CK data or a mapping knows it.
     *
     * @throws UnknownIdException otherwise, with the nearest known IDs
     */
    String knownId(String id) {
        String key = Technique.normaliseId(id);
        if (key == null) {
            throw new UnknownIdException("technique", "''", List.of());
        }
        if (!knows(key)) {
            List<String> unloaded = Arrays.stream(AttackDomain.values())
                    .filter(domain -> attack.judging(domain.key(), null).isEmpty())
                    .map(AttackDomain::displayName).toList();
            if (unloaded.isEmpty()) {
                throw new UnknownIdException("technique", key, suggestIds(key, 3));
            }
            // It may be a technique of a domain whose ATT&CK data is not loaded: the nearest loaded IDs would be
            // unrelated (T0800, of ICS, is not T1528), so only a likely typo is suggested.
            List<String> typos = suggestIds(key, 3).stream().filter(known -> Nearest.likelyTypo(key, known)).toList();
            boolean sample = Arrays.stream(AttackDomain.values()).anyMatch(d -> attack.sample(d.key()).isPresent());
            throw new UnknownIdException("technique", key, typos, "no ATT&CK release is loaded for "
                    + String.join(", ", unloaded) + (sample ? " (mapper's bundled sample is not one)" : "")
                    + ", which may have it: load the domain's STIX bundle with --data, or run 'mapper data pull'");
        }
        return key;
    }

    /** The mappings to exactly this ID in the chosen sets that pass the filter, non-mappable entries left out. */
    List<Mapping> coveringMappings(String id, Set<MappingSet> chosen, MappingFilter filter) {
        return filter(mappingsFor(id, chosen), filter).stream().filter(m -> !m.nonMappable()).toList();
    }

    /**
     * The mapping types (keys) a value names, ignoring case: the key itself, or the name a file gives the type (the
     * table shows "related-to" for {@code related_to}); empty when none does.
     */
    public Set<String> mappingTypesNamed(String value) {
        String wanted = value.trim();
        Set<String> keys = new TreeSet<>();
        sets.forEach(s -> s.mappingTypes().values().stream().filter(type -> type.key().equalsIgnoreCase(wanted)
                || type.displayName().equalsIgnoreCase(wanted)).forEach(type -> keys.add(type.key())));
        // Types the mappings use without the file's metadata declaring them.
        mappingsBySet.values().forEach(list -> list.forEach(m -> {
            if (m.mappingType() != null && m.mappingType().equalsIgnoreCase(wanted)) {
                keys.add(m.mappingType());
            }
        }));
        return keys;
    }

    /** The values a filter dimension can take in the loaded data, sorted; what an unknown filter value is told. */
    public SortedSet<String> knownValues(FilterDimension dimension) {
        SortedSet<String> values = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        switch (dimension) {
            case FRAMEWORK -> sets.forEach(s -> values.add(s.framework()));
            case DOMAIN -> {
                sets.forEach(s -> values.add(s.domain()));
                attack.all().forEach(r -> values.add(r.domain()));
            }
            case MAPPING_TYPE -> {
                sets.forEach(s -> s.mappingTypes().values().forEach(type -> {
                    values.add(type.key());
                    values.add(type.displayName());
                }));
                // Every mapping, also those without a technique (AWS and GCP record non_mappable that way).
                mappingsBySet.values().forEach(list -> list.forEach(m -> {
                    if (m.mappingType() != null) {
                        values.add(m.mappingType());
                    }
                }));
            }
            case CATEGORY -> values.addAll(List.of("protect", "detect", "respond"));
            case TACTIC -> tactics.values().forEach(t -> {
                values.addAll(t.names());
                values.add(t.key());
            });
            case PLATFORM -> techniques.values().forEach(t -> values.addAll(t.platforms()));
        }
        return values;
    }

    /** Known IDs closest to the given one: same prefix and nearest number first, then by edit distance. */
    public List<String> suggestIds(String id, int limit) {
        return Nearest.ids(Technique.normaliseId(id), knownIds(), limit);
    }
}
