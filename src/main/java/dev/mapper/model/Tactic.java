package dev.mapper.model;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * An ATT&CK tactic ({@code x-mitre-tactic}) of one domain; {@code order} is its column in the domain's matrix.
 * Mobile and Enterprise share shortnames ({@code initial-access}) and all three domains share names ("Initial
 * Access"): only the domain with the shortname, or the ID, names one tactic.
 */
public record Tactic(String id, String shortname, String name, String description, String domain, int order,
                     boolean deprecated) {

    /** Every name users may give the tactic by, without its domain: shortname, ID, name. */
    public List<String> names() {
        return Stream.of(shortname, id, name).filter(Objects::nonNull).toList();
    }

    /** {@code mobile/initial-access}: the domain and shortname, unique among loaded tactics. */
    public String key() {
        return key(domain, shortname);
    }

    /** The key of a technique's tactic: its domain and the {@code phase_name} of its kill chain phase. */
    public static String key(String domain, String shortname) {
        return AttackDomain.normalise(domain) + "/" + shortname;
    }
}
