package dev.mapper.model;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The ATT&CK domains, and how each is spelled where: {@code technology_domain} in mapping files ({@code mobile}),
 * {@code x_mitre_domains} in STIX ({@code mobile-attack}), the {@code source_name} of its external references
 * ({@code mitre-mobile-attack}), and the name ATT&CK prints ({@code Mobile}). Domains are kept as the
 * {@code technology_domain} strings everywhere else, so a domain ATT&CK adds later still loads.
 */
public enum AttackDomain {
    ENTERPRISE("enterprise", "Enterprise", "mitre-attack"),
    MOBILE("mobile", "Mobile", "mitre-mobile-attack"),
    ICS("ics", "ICS", "mitre-ics-attack");

    private final String key;
    private final String displayName;
    private final String sourceName;

    AttackDomain(String key, String displayName, String sourceName) {
        this.key = key;
        this.displayName = displayName;
        this.sourceName = sourceName;
    }

    /** As mapping files' {@code technology_domain} spells it: enterprise, mobile, ics. */
    public String key() {
        return key;
    }

    /** As ATT&CK prints it: Enterprise, Mobile, ICS. */
    public String displayName() {
        return displayName;
    }

    /** The {@code source_name} of the domain's ATT&CK IDs in STIX external references. */
    public String sourceName() {
        return sourceName;
    }

    /** The name of the domain's bundle in mitre-attack/attack-stix-data: {@code mobile-attack-13.0.json}. */
    public String bundleFileName(String version) {
        return key + "-attack" + (version == null ? "" : "-" + version) + ".json";
    }

    /** The domain a {@code technology_domain} value names, case-insensitively. */
    public static Optional<AttackDomain> of(String key) {
        for (AttackDomain domain : values()) {
            if (domain.key.equalsIgnoreCase(key == null ? "" : key.trim())) {
                return Optional.of(domain);
            }
        }
        return Optional.empty();
    }

    /** How to print a {@code technology_domain} value: ATT&CK's name for it, or the value itself for another. */
    public static String displayName(String key) {
        Optional<AttackDomain> domain = of(key);
        return domain.isPresent() ? domain.get().displayName() : key == null ? "" : key;
    }

    /**
     * Domains in ATT&CK's order (Enterprise, Mobile, ICS), then any other alphabetically. Written without lambdas,
     * as displayName is: every run initialises this class and prints a domain, and each lambda or method reference
     * costs ~0.1 ms to link in a cold JVM (docs/performance.md).
     */
    public static final Comparator<String> ORDER = new Comparator<>() {
        @Override
        public int compare(String a, String b) {
            int byOrder = Integer.compare(rank(a), rank(b));
            return byOrder != 0 ? byOrder : normalise(a).compareTo(normalise(b));
        }

        private int rank(String key) {
            Optional<AttackDomain> domain = of(key);
            return domain.isPresent() ? domain.get().ordinal() : Integer.MAX_VALUE;
        }
    };

    /** A domain as mapper compares domains: lower case, trimmed. */
    public static String normalise(String key) {
        return key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
    }
}
