package dev.mapper.model;

/** A mapping type a mapping file defines in {@code metadata.mapping_types}. */
public record MappingType(String key, String name, String description) {

    /** The name the file gives it ("related-to" for {@code related_to}), else the key. */
    public String displayName() {
        return name == null || name.isBlank() ? key : name;
    }
}
