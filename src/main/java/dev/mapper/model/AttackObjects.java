package dev.mapper.model;

import java.util.List;

/**
 * What an ATT&CK release holds besides techniques and tactics: groups, software, campaigns, mitigations, detection
 * strategies, and the relationships between adversaries and techniques. Only some questions need it, so a release
 * gives it {@link Deferred deferred}.
 */
public record AttackObjects(List<Group> groups, List<Software> software, List<Campaign> campaigns,
                            List<Mitigation> mitigations, List<DetectionStrategy> detectionStrategies,
                            List<Relationship> relationships) {

    /** A release with nothing but techniques and tactics. */
    public static final AttackObjects NONE = new AttackObjects(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of());

    public AttackObjects {
        groups = List.copyOf(groups);
        software = List.copyOf(software);
        campaigns = List.copyOf(campaigns);
        mitigations = List.copyOf(mitigations);
        detectionStrategies = List.copyOf(detectionStrategies);
        relationships = List.copyOf(relationships);
    }
}
