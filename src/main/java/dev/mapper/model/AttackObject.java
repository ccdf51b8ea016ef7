package dev.mapper.model;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What every ATT&CK object a user can name has: an ATT&CK ID, a STIX id, a name (and for some, aliases), a page,
 * and whether it is revoked (replaced by another object, {@code revokedBy}) or deprecated (withdrawn).
 */
public interface AttackObject {

    /** The kinds of ATT&CK object mapper knows, each with how ATT&CK spells its IDs. */
    enum Kind {
        TECHNIQUE("technique", "T\\d{4}(\\.\\d{3})?"),
        GROUP("group", "G\\d{4}"),
        SOFTWARE("software", "S\\d{4}"),
        CAMPAIGN("campaign", "C\\d{4}"),
        MITIGATION("mitigation", "M\\d{4}"),
        DETECTION_STRATEGY("detection strategy", "DET\\d{4}");

        private final String label;
        private final Pattern id;

        Kind(String label, String id) {
            this.label = label;
            this.id = Pattern.compile(id);
        }

        /** As users read it: "group", "detection strategy". */
        public String label() {
            return label;
        }

        /** True for an ID of this kind spelled exactly as ATT&CK spells it (upper case, no spaces). */
        public boolean spells(String id) {
            return id != null && this.id.matcher(id).matches();
        }

        /** The kind whose IDs are spelled like this one once trimmed and upper-cased, or null. */
        public static Kind ofId(String id) {
            if (id == null) {
                return null;
            }
            String normalised = id.trim().toUpperCase(Locale.ROOT);
            for (Kind kind : values()) {
                if (kind.spells(normalised)) {
                    return kind;
                }
            }
            return null;
        }
    }

    Kind kind();

    String id();

    String stixId();

    String name();

    /** Other names ATT&CK records for the object, in its order; its name is usually the first. */
    default List<String> aliases() {
        return List.of();
    }

    String url();

    /** The ATT&CK domains the object belongs to, as mapping files spell them: enterprise, mobile, ics. */
    List<String> domains();

    boolean revoked();

    /** The ATT&CK ID of the object that replaced this one ({@code revoked-by}), or null. */
    String revokedBy();

    boolean deprecated();

    /** Neither revoked nor deprecated: part of the current release. */
    default boolean active() {
        return !revoked() && !deprecated();
    }
}
