package dev.mapper.model;

import java.util.List;
import java.util.Locale;

/**
 * An ATT&CK technique or sub-technique ({@code attack-pattern}) as one release describes it.
 * Revoked and deprecated techniques are kept: mappings made against older releases still point at them.
 */
public record Technique(
        String id,
        String stixId,
        String name,
        String description,
        String url,
        String domain,
        String attackVersion,
        List<String> tactics,
        List<String> platforms,
        String detection,
        boolean subtechnique,
        String parentId,
        boolean revoked,
        String revokedBy,
        boolean deprecated,
        List<AttackRef> mitigations,
        List<AttackRef> detectionStrategies) implements AttackObject {

    public Technique {
        tactics = List.copyOf(tactics);
        platforms = List.copyOf(platforms);
        mitigations = List.copyOf(mitigations);
        detectionStrategies = List.copyOf(detectionStrategies);
    }

    @Override
    public Kind kind() {
        return Kind.TECHNIQUE;
    }

    /** The release's domain of the technique (none when only mapping files name it). */
    @Override
    public List<String> domains() {
        return domain == null ? List.of() : List.of(domain);
    }

    /** True for a technique or sub-technique ID spelled as ATT&CK spells it (T1528, T1078.004: upper case, no spaces). */
    public static boolean isWellFormedId(String id) {
        return Kind.TECHNIQUE.spells(id);
    }

    /** Upper case and trimmed, as ATT&CK spells IDs; null for null or blank. */
    public static String normaliseId(String id) {
        return id == null || id.isBlank() ? null : id.trim().toUpperCase(Locale.ROOT);
    }

    /** Neither revoked nor deprecated: part of the current matrix. */
    @Override
    public boolean active() {
        return !revoked && !deprecated;
    }
}
