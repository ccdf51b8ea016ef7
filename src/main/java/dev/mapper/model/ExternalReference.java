package dev.mapper.model;

/**
 * One of an ATT&CK object's {@code external_references} other than its ATT&CK ID: a source its text cites as
 * {@code (Citation: source_name)}, with the source's URL and description (either may be null).
 */
public record ExternalReference(String sourceName, String url, String description) {
}
