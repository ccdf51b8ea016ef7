package dev.mapper.index;

import dev.mapper.model.Adversary;
import dev.mapper.model.AttackObject;
import dev.mapper.model.AttackObjects;
import dev.mapper.model.AttackRef;
import dev.mapper.model.AttackRelease;
import dev.mapper.model.Campaign;
import dev.mapper.model.Defense;
import dev.mapper.model.Group;
import dev.mapper.model.Procedure;
import dev.mapper.model.Relationship;
import dev.mapper.model.Software;
import dev.mapper.model.Technique;
import dev.mapper.model.TechniqueUse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The ATT&CK objects besides techniques (groups, software, campaigns, mitigations, detection strategies) of the
 * newest loaded release of each domain, and the relationships between them and techniques, indexed once; and the
 * questions about them, named as mitreattack-python's MitreAttackData names them. Built on first use, since it
 * decodes what only adversary questions need.
 */
final class AttackObjectIndex {

    private final Function<String, Technique> describe;
    private final Map<String, AttackObject> byId = new HashMap<>();
    private final Map<String, AttackObject> byStixId = new HashMap<>();
    /** Technique STIX id → ATT&CK ID, over every loaded release (uses point at a release's own techniques). */
    private final Map<String, String> techniqueIds = new HashMap<>();
    private final Map<String, List<Relationship>> usesBySource = new HashMap<>();
    /** Built on first use: only what uses a piece of software asks (show of software). */
    private Map<String, List<Relationship>> usesByTarget;
    private final Map<String, List<String>> campaignsByGroup = new HashMap<>();
    private final Map<String, List<String>> groupsByCampaign = new HashMap<>();
    private final Map<String, List<Technique>> techniquesByDefense = new HashMap<>();
    private final List<AttackObject> named = new ArrayList<>();

    /**
     * @param releases  every loaded release, newest first
     * @param techniques every technique the index describes (newest release's description of each ID)
     * @param describe  a technique ID → its description (ATT&CK's, or the mapping files' name)
     */
    AttackObjectIndex(List<AttackRelease> releases, Collection<Technique> techniques,
                      Function<String, Technique> describe) {
        this.describe = describe;
        Set<String> domains = new HashSet<>();
        for (AttackRelease release : releases) {
            release.techniques().forEach(t -> techniqueIds.putIfAbsent(t.stixId(), t.id()));
            if (!domains.add(release.domain().toLowerCase(Locale.ROOT))) {
                continue; // an older release of a domain: its objects and relationships are superseded
            }
            AttackObjects objects = release.objects().get();
            List<AttackObject> all = new ArrayList<>();
            all.addAll(objects.groups());
            all.addAll(objects.software());
            all.addAll(objects.campaigns());
            all.addAll(objects.mitigations());
            all.addAll(objects.detectionStrategies());
            for (AttackObject o : all) {
                if (byId.putIfAbsent(o.id().toUpperCase(Locale.ROOT), o) == null) {
                    named.add(o);
                }
                byStixId.putIfAbsent(o.stixId(), o);
            }
            boolean first = domains.size() == 1;
            for (Relationship r : objects.relationships()) {
                if (!first && known(r)) {
                    continue; // the same relationship in two domains' bundles (a group of enterprise and ICS)
                }
                if (r.type().equals(Relationship.USES)) {
                    usesBySource.computeIfAbsent(r.sourceRef(), k -> new ArrayList<>()).add(r);
                } else if (r.type().equals(Relationship.ATTRIBUTED_TO)) {
                    campaignsByGroup.computeIfAbsent(r.targetRef(), k -> new ArrayList<>()).add(r.sourceRef());
                    groupsByCampaign.computeIfAbsent(r.sourceRef(), k -> new ArrayList<>()).add(r.targetRef());
                }
            }
        }
        for (Technique t : techniques) {
            named.add(t);
            for (AttackRef ref : t.mitigations()) {
                techniquesByDefense.computeIfAbsent(ref.id(), k -> new ArrayList<>()).add(t);
            }
            for (AttackRef ref : t.detectionStrategies()) {
                techniquesByDefense.computeIfAbsent(ref.id(), k -> new ArrayList<>()).add(t);
            }
        }
        techniquesByDefense.values().forEach(list -> list.sort(Comparator.comparing(Technique::id)));
    }

    /** True when an earlier domain's bundle had the relationship (only those of a later domain are asked about). */
    private boolean known(Relationship r) {
        if (r.type().equals(Relationship.ATTRIBUTED_TO)) {
            return groupsByCampaign.getOrDefault(r.sourceRef(), List.of()).contains(r.targetRef());
        }
        return usesBySource.getOrDefault(r.sourceRef(), List.of()).stream()
                .anyMatch(u -> u.targetRef().equals(r.targetRef()));
    }

    /**
     * The object a user means: its ATT&CK ID, else its name, else one of its aliases (all ignoring case and
     * surrounding spaces), among the objects of the given kinds. The first rule that matches anything decides, tried
     * on the objects that are not revoked before those that are: a revoked group's name is often an alias of the
     * group that replaced it (UNC2452 of APT29), and its ID still finds it.
     *
     * @throws UnknownIdException when nothing matches, with the nearest IDs and names
     * @throws AmbiguousNameException when several objects match equally well
     */
    AttackObject find(String query, Set<AttackObject.Kind> kinds) {
        String q = query.strip();
        List<AttackObject> candidates = named.stream().filter(o -> kinds.contains(o.kind())).toList();
        List<Predicate<AttackObject>> rules = List.of(
                o -> o.id().equalsIgnoreCase(q),
                o -> q.equalsIgnoreCase(o.name()),
                o -> o.aliases().stream().anyMatch(q::equalsIgnoreCase));
        for (boolean revoked : new boolean[] {false, true}) {
            for (Predicate<AttackObject> rule : rules) {
                List<AttackObject> found = candidates.stream().filter(o -> o.revoked() == revoked).filter(rule)
                        .toList();
                if (found.size() == 1) {
                    return found.get(0);
                }
                if (found.size() > 1) {
                    throw new AmbiguousNameException(kindLabel(kinds), q,
                            found.stream().map(AttackObjectIndex::label).toList(), "give one of these IDs");
                }
            }
        }
        throw new UnknownIdException(kindLabel(kinds), "'" + q + "'", suggest(q, candidates),
                "the loaded ATT&CK data has none (load an ATT&CK bundle with --data)");
    }

    /** "group", or "ATT&CK object" when several kinds are searched. */
    private static String kindLabel(Set<AttackObject.Kind> kinds) {
        return kinds.size() == 1 ? kinds.iterator().next().label() : "ATT&CK object";
    }

    /** "G0016  APT29  (group)": how an ambiguity lists a candidate. */
    static String label(AttackObject o) {
        return o.id() + "  " + o.name() + "  (" + o.kind().label() + (o.revoked() ? ", revoked" : "") + ")";
    }

    /** The three IDs whose ID, name or alias is nearest the query by edit distance (ignoring case). */
    private static List<String> suggest(String query, List<AttackObject> candidates) {
        String lower = query.toLowerCase(Locale.ROOT);
        Map<String, Integer> distance = new HashMap<>();
        for (AttackObject o : candidates) {
            List<String> names = new ArrayList<>(o.aliases());
            names.add(o.id());
            names.add(o.name());
            int nearest = Integer.MAX_VALUE;
            for (String name : names) {
                if (name != null) {
                    nearest = Math.min(nearest, Nearest.distance(lower, name.toLowerCase(Locale.ROOT)));
                }
            }
            distance.put(o.id() + " " + o.name(), nearest);
        }
        return distance.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(e -> "'" + e.getKey() + "'").toList();
    }

    /** Every group of the loaded releases that is neither revoked nor deprecated, by ID. */
    List<Group> groups() {
        return named.stream().filter(o -> o instanceof Group && o.active()).map(o -> (Group) o)
                .sorted(Comparator.comparing(Group::id)).toList();
    }

    /**
     * The techniques an adversary uses, by technique ID: its own {@code uses}; for a group, those of the campaigns
     * attributed to it (as ATT&CK's group pages and mitreattack-python count them); and with {@code viaSoftware},
     * those of the software it (or, for a group, its campaigns) uses. A revoked technique counts as the one that
     * replaced it, which the entry records. Each technique comes once, with every procedure that led to it.
     */
    List<TechniqueUse> techniquesUsedBy(Adversary adversary, boolean viaSoftware) {
        List<Adversary> users = new ArrayList<>();
        users.add(adversary);
        if (adversary instanceof Group group) {
            users.addAll(campaignsAttributedTo(group));
        }
        if (viaSoftware) {
            List<Adversary> software = new ArrayList<>();
            users.forEach(user -> software.addAll(softwareUsedBy(user)));
            software.stream().filter(s -> !users.contains(s)).distinct().forEach(users::add);
        }
        Map<String, List<Procedure>> procedures = new TreeMap<>();
        Map<String, Set<String>> replaced = new HashMap<>();
        for (Adversary user : users) {
            for (Relationship r : usesBySource.getOrDefault(user.stixId(), List.of())) {
                String id = techniqueIds.get(r.targetRef());
                if (id == null) {
                    continue; // uses of software, or of a technique the bundle does not hold
                }
                Technique technique = describe.apply(id);
                String current = technique.revoked() && technique.revokedBy() != null ? technique.revokedBy() : id;
                if (!current.equals(id)) {
                    replaced.computeIfAbsent(current, k -> new TreeSet<>()).add(id);
                }
                procedures.computeIfAbsent(current, k -> new ArrayList<>()).add(new Procedure(user, r.description()));
            }
        }
        List<TechniqueUse> uses = new ArrayList<>();
        procedures.forEach((id, list) -> uses.add(new TechniqueUse(describe.apply(id),
                List.copyOf(replaced.getOrDefault(id, Set.of())), list)));
        return uses;
    }

    /** The software a group or campaign uses, by ID (for a group, also its campaigns'); none for software. */
    List<Software> softwareUsedBy(Adversary adversary) {
        List<Adversary> users = new ArrayList<>(List.of(adversary));
        if (adversary instanceof Group group) {
            users.addAll(campaignsAttributedTo(group));
        }
        return targets(users, Software.class);
    }

    /** The campaigns attributed to a group ({@code attributed-to}), by ID. */
    List<Campaign> campaignsAttributedTo(Group group) {
        return resolved(campaignsByGroup.get(group.stixId()), Campaign.class);
    }

    /** The groups a campaign is attributed to, by ID. */
    List<Group> groupsAttributingToCampaign(Campaign campaign) {
        return resolved(groupsByCampaign.get(campaign.stixId()), Group.class);
    }

    /** The groups that use the software, by ID. */
    List<Group> groupsUsingSoftware(Software software) {
        return sources(software, Group.class);
    }

    /** The campaigns that use the software, by ID. */
    List<Campaign> campaignsUsingSoftware(Software software) {
        return sources(software, Campaign.class);
    }

    /** The techniques a mitigation mitigates or a detection strategy detects, by ID. */
    List<Technique> techniquesMitigatedOrDetectedBy(Defense defense) {
        return List.copyOf(techniquesByDefense.getOrDefault(defense.id(), List.of()));
    }

    private <T extends AttackObject> List<T> targets(List<? extends Adversary> users, Class<T> type) {
        List<String> stixIds = new ArrayList<>();
        users.forEach(user -> usesBySource.getOrDefault(user.stixId(), List.of())
                .forEach(r -> stixIds.add(r.targetRef())));
        return resolved(stixIds, type);
    }

    private synchronized Map<String, List<Relationship>> usesByTarget() {
        if (usesByTarget == null) {
            usesByTarget = new HashMap<>();
            usesBySource.values().forEach(list -> list.forEach(r ->
                    usesByTarget.computeIfAbsent(r.targetRef(), k -> new ArrayList<>()).add(r)));
        }
        return usesByTarget;
    }

    private <T extends AttackObject> List<T> sources(AttackObject target, Class<T> type) {
        List<String> stixIds = new ArrayList<>();
        usesByTarget().getOrDefault(target.stixId(), List.of()).forEach(r -> stixIds.add(r.sourceRef()));
        return resolved(stixIds, type);
    }

    /** The objects of the type among the STIX ids, each once, by ATT&CK ID. */
    private <T extends AttackObject> List<T> resolved(List<String> stixIds, Class<T> type) {
        if (stixIds == null) {
            return List.of();
        }
        Map<String, T> found = new TreeMap<>();
        for (String stixId : stixIds) {
            AttackObject o = byStixId.get(stixId);
            if (type.isInstance(o)) {
                found.putIfAbsent(o.id(), type.cast(o));
            }
        }
        return List.copyOf(found.values());
    }
}
