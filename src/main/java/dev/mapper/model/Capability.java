package dev.mapper.model;

/**
 * A framework object that mappings map from ({@code capability_id} within one {@code mapping_framework}), with the
 * description and group of the newest loaded set that has it.
 */
public record Capability(String framework, String id, String description, String group) {
}
