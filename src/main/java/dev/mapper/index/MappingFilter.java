package dev.mapper.index;

import dev.mapper.model.AttackDomain;
import dev.mapper.model.Capability;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingSet;
import dev.mapper.model.Score;
import dev.mapper.model.Tactic;
import dev.mapper.model.Technique;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Narrows the mappings a query returns. Empty sets mean "no restriction"; values match case-insensitively.
 * Tactic and platform filters need the technique's ATT&CK data: a mapping whose technique has none is left out.
 * {@code capabilities} are the capabilities a team has ({@code --have}), as {@link #capabilityKey} spells them:
 * when not null, only their mappings count (none, for an empty list).
 * Tactics are given as keys, domain and shortname ({@code mobile/initial-access}), since domains share shortnames.
 */
public record MappingFilter(
        Set<String> frameworks,
        Set<String> mappingTypes,
        Set<String> categories,
        Score minScore,
        Set<String> tactics,
        Set<String> platforms,
        Set<String> domains,
        Set<String> capabilities) {

    public static final MappingFilter NONE = new MappingFilter(Set.of(), Set.of(), Set.of(), null, Set.of(), Set.of(),
            Set.of());

    public MappingFilter {
        frameworks = lower(frameworks);
        mappingTypes = lower(mappingTypes);
        categories = lower(categories);
        tactics = lower(tactics);
        platforms = lower(platforms);
        domains = lower(domains);
        capabilities = capabilities == null ? null : lower(capabilities);
    }

    /** A filter of every capability ({@code capabilities} null). */
    public MappingFilter(Set<String> frameworks, Set<String> mappingTypes, Set<String> categories, Score minScore,
                         Set<String> tactics, Set<String> platforms, Set<String> domains) {
        this(frameworks, mappingTypes, categories, minScore, tactics, platforms, domains, null);
    }

    /**
     * How {@code capabilities} names a capability: its framework and its ID as {@link Capability#comparableId} has
     * it, lower case (IDs are compared ignoring case).
     */
    public static String capabilityKey(String framework, String capabilityId) {
        return (framework + "/" + Capability.comparableId(capabilityId)).toLowerCase(Locale.ROOT);
    }

    /**
     * The same filter, counting only the mappings of these capabilities; without frameworks of its own, it is
     * about theirs (so that a report lists their sets, not every loaded one).
     */
    public MappingFilter withCapabilities(Collection<Capability> have) {
        Set<String> keys = new HashSet<>();
        Set<String> theirs = new HashSet<>();
        have.forEach(c -> {
            keys.add(capabilityKey(c.framework(), c.id()));
            theirs.add(c.framework());
        });
        return new MappingFilter(frameworks.isEmpty() ? theirs : frameworks, mappingTypes, categories, minScore,
                tactics, platforms, domains, keys);
    }

    private static Set<String> lower(Set<String> values) {
        if (values == null || values.isEmpty()) {
            return Set.of(); // every run makes a filter, most with nothing in it: no stream to set up (~1 ms cold)
        }
        return values.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** True when the mapping passes every filter; {@code technique} is its ATT&CK data, or null when not loaded. */
    boolean test(Mapping m, Technique technique, List<String> techniqueTactics) {
        if (!testSet(m.set())) {
            return false;
        }
        if (capabilities != null && (m.capabilityId() == null
                || !capabilities.contains(capabilityKey(m.set().framework(), m.capabilityId())))) {
            return false;
        }
        if (!mappingTypes.isEmpty() && !mappingTypes.contains(lower(m.mappingType()))) {
            return false;
        }
        if (!categories.isEmpty() && !categories.contains(lower(m.scoreCategory()))) {
            return false;
        }
        if (minScore != null) {
            Score score = Score.of(m.scoreValue());
            if (score == null || score.compareTo(minScore) < 0) {
                return false;
            }
        }
        return testTechnique(technique, techniqueTactics);
    }

    /**
     * True when the technique passes the tactic and platform filters; {@code techniqueTactics} are the keys of its
     * tactics ({@code enterprise/initial-access}), as {@code tactics} holds them. Without ATT&CK data (null) it
     * passes only when neither is set.
     */
    boolean testTechnique(Technique technique, List<String> techniqueTactics) {
        if (!tactics.isEmpty() && (technique == null
                || techniqueTactics.stream().noneMatch(t -> tactics.contains(lower(t))))) {
            return false;
        }
        return platforms.isEmpty() || (technique != null
                && technique.platforms().stream().anyMatch(p -> platforms.contains(lower(p))));
    }

    /** True when the tactic is one the tactic filter names (its key), or there is no such filter. */
    boolean allowsTactic(Tactic tactic) {
        return tactics.isEmpty() || tactics.contains(lower(tactic.key()));
    }

    /** True when the set passes the filters that depend on the set alone (framework and domain). */
    boolean testSet(MappingSet set) {
        return (frameworks.isEmpty() || frameworks.contains(lower(set.framework()))) && allowsDomain(set.domain());
    }

    /** True when the ATT&CK domain ({@code enterprise}, ...) is one the domain filter names, or it names none. */
    boolean allowsDomain(String domain) {
        return domains.isEmpty() || domains.contains(AttackDomain.normalise(domain));
    }

    /** The same filter for other frameworks. */
    public MappingFilter withFrameworks(Set<String> otherFrameworks) {
        return new MappingFilter(otherFrameworks, mappingTypes, categories, minScore, tactics, platforms, domains,
                capabilities);
    }

    /** True when no filter but tactics and domains is set: then the filter says which tactics, not which mappings. */
    boolean onlyTacticsAndDomains() {
        return frameworks.isEmpty() && mappingTypes.isEmpty() && categories.isEmpty() && minScore == null
                && platforms.isEmpty() && capabilities == null;
    }

    /** True when no filter is set. */
    public boolean isEmpty() {
        return frameworks.isEmpty() && mappingTypes.isEmpty() && categories.isEmpty() && minScore == null
                && tactics.isEmpty() && platforms.isEmpty() && domains.isEmpty() && capabilities == null;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
