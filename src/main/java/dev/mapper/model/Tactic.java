package dev.mapper.model;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** An ATT&CK tactic ({@code x-mitre-tactic}); {@code order} is its column in the domain's matrix. */
public record Tactic(String id, String shortname, String name, String description, String domain, int order) {

    /** Every name users may give the tactic by, as {@code --tactic} takes them: shortname, ID, name. */
    public List<String> names() {
        return Stream.of(shortname, id, name).filter(Objects::nonNull).toList();
    }
}
