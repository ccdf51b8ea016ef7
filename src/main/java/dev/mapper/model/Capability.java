package dev.mapper.model;

import java.util.Objects;

/**
 * A framework object that mappings map from ({@code capability_id} within one {@code mapping_framework}), with the
 * description and group of the newest loaded set that has it.
 */
public record Capability(String framework, String id, String description, String group) {

    // Written out rather than generated, as in MappingSet: the generated ones cost a cold start a few ms each.
    @Override
    public boolean equals(Object other) {
        return other instanceof Capability c && Objects.equals(framework, c.framework) && Objects.equals(id, c.id)
                && Objects.equals(description, c.description) && Objects.equals(group, c.group);
    }

    @Override
    public int hashCode() {
        return Objects.hash(framework, id, description, group);
    }
}
