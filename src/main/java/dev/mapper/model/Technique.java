package dev.mapper.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ATT&CK technique or sub-technique ({@code attack-pattern}) as one release describes it.
 * Revoked and deprecated techniques are kept: mappings made against older releases still point at them.
 * {@code references} are the sources its description cites.
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
        List<AttackRef> detectionStrategies,
        List<ExternalReference> references) implements AttackObject {

    public Technique {
        tactics = List.copyOf(tactics);
        platforms = List.copyOf(platforms);
        mitigations = List.copyOf(mitigations);
        detectionStrategies = List.copyOf(detectionStrategies);
        references = List.copyOf(references);
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

    /**
     * A technique ID standing on its own in text: not inside a longer word or number ({@code T10590},
     * {@code T1059.0012}); the URL spelling {@code T1059/001} is a sub-technique too.
     */
    private static final Pattern ID_IN_TEXT =
            Pattern.compile("(?<![A-Za-z0-9])T(\\d{4})(?:[./](\\d{3}))?(?![0-9]|[./]\\d)");

    /** Every technique ID in a text (a pasted report), each once, in the order of first appearance. */
    public static List<String> idsIn(String text) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = ID_IN_TEXT.matcher(text);
        while (m.find()) {
            ids.add("T" + m.group(1) + (m.group(2) == null ? "" : "." + m.group(2)));
        }
        return List.copyOf(ids);
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
