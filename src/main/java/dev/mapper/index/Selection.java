package dev.mapper.index;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an export covers besides the filters: techniques (with their sub-techniques) and capabilities, by ID.
 * Empty sets mean "all". Capability IDs match as the files spell them, after trimming and ignoring leading zeros in
 * numbers ({@link dev.mapper.model.Capability#comparableId}: AC-2 selects AC-02 too).
 */
public record Selection(Set<String> techniques, Set<String> capabilities) {

    public Selection {
        techniques = Set.copyOf(techniques);
        capabilities = capabilities.stream().map(String::trim).collect(Collectors.toUnmodifiableSet());
    }
}
