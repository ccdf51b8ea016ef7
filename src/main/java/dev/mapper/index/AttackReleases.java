package dev.mapper.index;

import dev.mapper.model.AttackDomain;
import dev.mapper.model.AttackRelease;
import dev.mapper.model.Groups;
import dev.mapper.model.Tactic;
import dev.mapper.model.Technique;
import dev.mapper.model.Versions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded ATT&CK releases, and which of them judges what. A mapping set of a domain made against an ATT&CK
 * version is judged by the loaded release of that domain and version, else by the newest loaded release of the
 * domain. The bundled sample (T1528 and what it references) describes what it holds but judges nothing: it is
 * never the release of its domain. Files holding the same domain and version (the bundled sample's file named with
 * {@code --data}, beside the full bundle) are read as one release: the first file's data for an ID wins.
 */
final class AttackReleases {

    // The constructor and this comparator are written without lambdas, method references or streams: every run
    // builds them, and each such call site costs ~0.1 ms to link in a cold JVM (docs/performance.md).
    private static final Comparator<AttackRelease> NEWEST_FIRST = new Comparator<>() {
        @Override
        public int compare(AttackRelease a, AttackRelease b) {
            return Versions.compare(b.version(), a.version());
        }
    };

    /** User-loaded releases, one per domain and version, newest first; then the bundled samples, newest first. */
    private final List<AttackRelease> all;
    private final Map<AttackRelease, Map<String, Technique>> techniquesOf = new IdentityHashMap<>();

    AttackReleases(List<AttackRelease> loaded) {
        Map<String, List<AttackRelease>> sameRelease = new LinkedHashMap<>();
        List<AttackRelease> samples = new ArrayList<>();
        for (AttackRelease release : loaded) {
            if (release.bundledSample()) {
                samples.add(release);
            } else {
                Groups.listIn(sameRelease, AttackDomain.normalise(release.domain()) + " " + release.version())
                        .add(release);
            }
        }
        List<AttackRelease> full = new ArrayList<>();
        for (List<AttackRelease> files : sameRelease.values()) {
            full.add(merge(files));
        }
        full.sort(NEWEST_FIRST);
        samples.sort(NEWEST_FIRST);
        List<AttackRelease> ordered = new ArrayList<>(full);
        ordered.addAll(samples);
        this.all = List.copyOf(ordered);
        for (AttackRelease release : all) {
            Map<String, Technique> byId = new HashMap<>();
            for (Technique t : release.techniques()) {
                byId.putIfAbsent(t.id(), t);
            }
            techniquesOf.put(release, byId);
        }
    }

    /**
     * Several files of one domain and version as one release; the first file's technique or tactic wins, and its
     * other objects (groups, software...) are the release's.
     */
    private static AttackRelease merge(List<AttackRelease> files) {
        if (files.size() == 1) {
            return files.get(0);
        }
        Map<String, Technique> techniques = new LinkedHashMap<>();
        Map<String, Tactic> tactics = new LinkedHashMap<>();
        for (AttackRelease file : files) {
            file.techniques().forEach(t -> techniques.putIfAbsent(t.id(), t));
            file.tactics().forEach(t -> tactics.putIfAbsent(t.shortname(), t));
        }
        AttackRelease first = files.get(0);
        return new AttackRelease(first.domain(), first.version(), first.source(), List.copyOf(techniques.values()),
                List.copyOf(tactics.values()), first.objects());
    }

    /** Every release: those the user loaded first, newest first, then the bundled samples. */
    List<AttackRelease> all() {
        return all;
    }

    /**
     * The release that judges a set of the domain made against {@code attackVersion}: that release when loaded,
     * else the newest loaded release of the domain (null version: the newest); empty when only the bundled sample,
     * or nothing, represents the domain.
     */
    Optional<AttackRelease> judging(String domain, String attackVersion) {
        List<AttackRelease> candidates = all.stream()
                .filter(r -> !r.bundledSample() && AttackDomain.normalise(r.domain()).equals(AttackDomain.normalise(domain)))
                .toList();
        return candidates.stream().filter(r -> Versions.compare(r.version(), attackVersion) == 0).findFirst()
                .or(() -> candidates.stream().findFirst());
    }

    /** Mapper's bundled sample of the domain, when loaded. */
    Optional<AttackRelease> sample(String domain) {
        return all.stream().filter(r -> r.bundledSample()
                && AttackDomain.normalise(r.domain()).equals(AttackDomain.normalise(domain))).findFirst();
    }

    /** The technique as the release describes it. */
    Optional<Technique> technique(AttackRelease release, String id) {
        return Optional.ofNullable(techniquesOf.getOrDefault(release, Map.of()).get(Technique.normaliseId(id)));
    }
}
