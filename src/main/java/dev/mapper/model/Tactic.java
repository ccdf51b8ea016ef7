package dev.mapper.model;

/** An ATT&CK tactic ({@code x-mitre-tactic}); {@code order} is its column in the domain's matrix. */
public record Tactic(String id, String shortname, String name, String description, String domain, int order) {
}
