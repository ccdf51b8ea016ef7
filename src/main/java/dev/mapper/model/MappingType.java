package dev.mapper.model;

/** A mapping type a mapping file defines in {@code metadata.mapping_types}. */
public record MappingType(String key, String name, String description) {
}
