package dev.mapper.model;

/** What ATT&CK records against techniques: a mitigation ({@code mitigates}) or a detection strategy ({@code detects}). */
public sealed interface Defense extends AttackObject permits Mitigation, DetectionStrategy {
}
