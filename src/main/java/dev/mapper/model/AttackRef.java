package dev.mapper.model;

/**
 * Another ATT&CK object as a technique names it: its ATT&CK ID, name and page. A technique lists its mitigations
 * ({@code mitigates} relationships) and detection strategies ({@code detects}) so; the objects themselves, with
 * their descriptions, are {@link Mitigation} and {@link DetectionStrategy} in {@link AttackObjects}.
 */
public record AttackRef(String id, String name, String url) {
}
