package dev.mapper.render;

import dev.mapper.model.AttackRelease;
import dev.mapper.model.Technique;
import java.util.List;

/**
 * The ATT&CK version a Navigator layer declares ({@code declared}, a major version, or null for none), and the loaded
 * release its technique IDs are checked against when the layer declares that release's version (else null). A
 * Navigator opens a layer only on an ATT&CK version it holds, and shows only the techniques current in it.
 */
public record LayerAttackVersion(String declared, AttackRelease checkedAgainst) {

    /**
     * Declare the major version of the newest ATT&CK release loaded (not the bundled sample) for the domain; none
     * when its version is unknown, as a Navigator opens no layer on a version it does not hold.
     */
    public static final String LOADED = "loaded";
    /** Declare no version: the Navigator opens the layer on its newest. */
    public static final String NONE = "none";

    /** True for {@code loaded}, {@code none} or a version number such as 16 or 16.1. */
    public static boolean isChoice(String choice) {
        return LOADED.equals(choice) || NONE.equals(choice) || choice.matches("\\d{1,4}(\\.\\d{1,4})*");
    }

    /** What a choice stands for, given the releases loaded (newest first) and the layer's domain. */
    public static LayerAttackVersion choose(String choice, List<AttackRelease> releases, String domain) {
        AttackRelease loaded = releases.stream()
                .filter(r -> r.domain().equalsIgnoreCase(domain) && !r.bundledSample())
                .findFirst().orElse(null);
        String declared = switch (choice) {
            case LOADED -> loaded == null || !loaded.versionKnown() ? null : major(loaded.version());
            case NONE -> null;
            default -> major(choice);
        };
        return new LayerAttackVersion(declared,
                loaded != null && major(loaded.version()).equals(declared) ? loaded : null);
    }

    /** True when a Navigator on the checked release shows the technique: the release has it, current. */
    public boolean shows(Technique t) {
        return t != null && t.active() && t.stixId() != null && checkedAgainst.version().equals(t.attackVersion())
                && checkedAgainst.domain().equalsIgnoreCase(t.domain());
    }

    /** Why the checked release does not show a technique (null: no ATT&CK data describes it). */
    public String whyNotShown(Technique t) {
        if (t == null || t.stixId() == null || !checkedAgainst.version().equals(t.attackVersion())) {
            return "not in ATT&CK " + checkedAgainst.displayName();
        }
        return (t.revoked() ? "revoked" : "deprecated") + " in ATT&CK " + checkedAgainst.displayName();
    }

    /** "16" of "16.1". */
    private static String major(String version) {
        return version.split("\\.")[0];
    }
}
