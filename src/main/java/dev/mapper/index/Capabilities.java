package dev.mapper.index;

import dev.mapper.model.Capability;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The capabilities of every loaded set, keyed by framework and {@code capability_id} (as
 * {@link Capability#comparableId} compares them: AC-2 and AC-02 are one), with their mappings; and which capability
 * a user means by what they typed.
 */
final class Capabilities {

    private final List<Capability> all;
    private final Map<Capability, List<Mapping>> mappings = new LinkedHashMap<>();

    /** {@code mappingsBySet} is in set order: by framework, newest first, so the first description seen is the newest. */
    Capabilities(Map<MappingSet, List<Mapping>> mappingsBySet) {
        Map<String, List<Mapping>> byKey = new LinkedHashMap<>();
        for (List<Mapping> inSet : mappingsBySet.values()) {
            for (Mapping m : inSet) {
                if (m.capabilityId() != null && !m.capabilityId().isBlank()) {
                    byKey.computeIfAbsent(m.set().framework() + "\u0000" + Capability.comparableId(m.capabilityId()),
                            k -> new ArrayList<>()).add(m);
                }
            }
        }
        for (List<Mapping> list : byKey.values()) {
            Mapping first = list.get(0);
            Capability capability = new Capability(first.set().framework(), first.capabilityId(),
                    list.stream().map(Mapping::capabilityDescription).filter(Objects::nonNull).findFirst().orElse(null),
                    list.stream().map(Mapping::capabilityGroup).filter(Objects::nonNull).findFirst().orElse(null));
            mappings.put(capability, List.copyOf(list));
        }
        List<Capability> sorted = new ArrayList<>(mappings.keySet());
        sorted.sort(Comparator.comparing(Capability::framework).thenComparing(Capability::id));
        this.all = List.copyOf(sorted);
    }

    /** Every capability, by framework then ID. */
    List<Capability> all() {
        return all;
    }

    /** The capability's mappings in every loaded set, in set order then file order. */
    List<Mapping> mappingsOf(Capability capability) {
        return mappings.getOrDefault(capability, List.of());
    }

    /**
     * The capability the query names, trying in turn: the exact {@code capability_id}; the ID ignoring case; the
     * ID ignoring case and leading zeros (AC-2 for AC-02); the description ignoring case; the ID or description containing the query. The first rule that matches anything
     * decides: one match is the answer, several are ambiguous.
     */
    Capability resolve(String query, MappingFilter filter) {
        String q = query.strip();
        String lower = q.toLowerCase(Locale.ROOT);
        List<Capability> candidates = all.stream()
                .filter(c -> mappingsOf(c).stream().anyMatch(m -> filter.testSet(m.set()))).toList();
        String comparable = Capability.comparableId(q);
        List<Predicate<Capability>> rules = List.of(
                c -> c.id().equals(q),
                c -> c.id().equalsIgnoreCase(q),
                c -> Capability.comparableId(c.id()).equalsIgnoreCase(comparable),
                c -> q.equalsIgnoreCase(c.description()),
                c -> lowered(c.id()).contains(lower) || lowered(c.description()).contains(lower));
        for (Predicate<Capability> rule : rules) {
            List<Capability> found = candidates.stream().filter(rule).toList();
            if (found.size() == 1) {
                return found.get(0);
            }
            if (found.size() > 1) {
                boolean severalFrameworks = found.stream().map(Capability::framework).distinct().count() > 1;
                throw new AmbiguousNameException("capability", q, found.stream().map(Capabilities::label).toList(),
                        "give one of these IDs" + (severalFrameworks ? " (and --framework)" : ""));
            }
        }
        throw new UnknownIdException("capability", q, suggest(lower, candidates));
    }

    /**
     * The capabilities whose {@code capability_id} is this one, ignoring case and the zero padding of numbers (AC-2
     * is AC-02), in each framework that has one; empty when none has.
     */
    List<Capability> withId(String id) {
        String comparable = Capability.comparableId(id);
        return all.stream().filter(c -> Capability.comparableId(c.id()).equalsIgnoreCase(comparable)).toList();
    }

    /** The three capability IDs nearest the ID by edit distance, among every loaded capability. */
    List<String> nearestIds(String id) {
        return suggest(id.strip().toLowerCase(Locale.ROOT), all);
    }

    /** The three capability IDs whose ID or description is nearest the query by edit distance. */
    private static List<String> suggest(String lower, List<Capability> candidates) {
        return candidates.stream()
                .sorted(Comparator.comparingInt((Capability c) -> Math.min(
                                Nearest.distance(lower, lowered(c.id())),
                                Nearest.distance(lower, lowered(c.description()))))
                        .thenComparing(Capability::id))
                .map(Capability::id).distinct().limit(3).toList();
    }

    private static String label(Capability c) {
        return c.id() + (c.description() == null || c.description().equals(c.id()) ? "" : "  " + c.description())
                + "  (" + c.framework() + ")";
    }

    private static String lowered(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
