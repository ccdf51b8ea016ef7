package dev.mapper.model;

/** An ATT&CK mitigation ({@code course-of-action}) linked to a technique by a {@code mitigates} relationship. */
public record Mitigation(String id, String name, String url) {
}
