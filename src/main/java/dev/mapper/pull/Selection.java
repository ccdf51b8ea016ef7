package dev.mapper.pull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which files a pull or a remove concerns. Each given filter narrows: domains, frameworks ({@value Item#ATTACK} for
 * ATT&CK's own bundles), ATT&CK versions. Unless {@code allVersions}, only the newest of each framework (and of
 * ATT&CK) per domain is taken among what passes.
 */
public record Selection(Set<String> domains, Set<String> frameworks, Set<String> attackVersions,
                        boolean allVersions) {

    public Selection {
        domains = domains.stream().map(Selection::domain).collect(Collectors.toUnmodifiableSet());
        frameworks = frameworks.stream().map(f -> f.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        attackVersions = Set.copyOf(attackVersions);
    }

    /** "enterprise-attack" and "Enterprise" are "enterprise", as mapping files spell domains. */
    private static String domain(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith("-attack") ? lower.substring(0, lower.length() - "-attack".length()) : lower;
    }

    /** Whether the user asked for versions, so that a newer release must not replace what this installs. */
    boolean pinned() {
        return allVersions || !attackVersions.isEmpty();
    }

    boolean matches(Item item) {
        return (domains.isEmpty() || domains.contains(item.domain()))
                && (frameworks.isEmpty() || frameworks.contains(item.framework()))
                && (attackVersions.isEmpty() || attackVersions.contains(item.attackVersion()));
    }

    /** The offers selected, newest of each group unless all versions are asked for; a name nobody offers is an error. */
    List<Offer> choose(List<Offer> offers) {
        requireKnown("domain", domains, offers.stream().map(o -> o.item().domain()).collect(Collectors.toSet()));
        requireKnown("framework", frameworks, offers.stream().map(o -> o.item().framework())
                .collect(Collectors.toSet()));
        List<Offer> passing = offers.stream().filter(o -> matches(o.item())).toList();
        if (allVersions) {
            return passing;
        }
        Map<String, Offer> newest = new LinkedHashMap<>();
        for (Offer offer : passing) {
            newest.merge(offer.item().group(), offer,
                    (a, b) -> Item.AGE.compare(a.item(), b.item()) >= 0 ? a : b);
        }
        return new ArrayList<>(newest.values());
    }

    private static void requireKnown(String what, Set<String> asked, Set<String> known) {
        for (String name : asked) {
            if (!known.contains(name)) {
                throw new PullException(PullException.Kind.USAGE, "unknown " + what + " '" + name + "' (known: "
                        + String.join(", ", new TreeSet<>(known)) + ")", null);
            }
        }
    }
}
