package dev.mapper.index;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an export covers besides the filters: techniques (with their sub-techniques) and capabilities, by ID.
 * Empty sets mean "all". Capability IDs match exactly, as the files spell them, after trimming.
 */
public record Selection(Set<String> techniques, Set<String> capabilities) {

    public Selection {
        techniques = Set.copyOf(techniques);
        capabilities = capabilities.stream().map(String::trim).collect(Collectors.toUnmodifiableSet());
    }
}
