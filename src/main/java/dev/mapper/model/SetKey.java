package dev.mapper.model;

import java.util.Objects;
import java.util.Set;

/**
 * What makes a mapping set unique: framework, framework version, ATT&CK version and domain.
 * A user file with the same key as a bundled one replaces it.
 */
public record SetKey(String framework, String frameworkVersion, String attackVersion, String domain) {

    /** The unified schema's names of the four fields, as file metadata (and some mapping objects) spell them. */
    public static final Set<String> FIELDS = Set.of("mapping_framework", "mapping_framework_version", "attack_version",
            "technology_domain");

    // Written out rather than generated, as in MappingSet: the generated ones cost a cold start a few ms each.
    @Override
    public boolean equals(Object other) {
        return other instanceof SetKey key && Objects.equals(framework, key.framework)
                && Objects.equals(frameworkVersion, key.frameworkVersion)
                && Objects.equals(attackVersion, key.attackVersion) && Objects.equals(domain, key.domain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(framework, frameworkVersion, attackVersion, domain);
    }

    /** The name users type and read: {@code framework@framework-version@attack-version}, plus {@code @domain} outside enterprise. */
    @Override
    public String toString() {
        String name = framework + "@" + frameworkVersion + "@" + attackVersion;
        return "enterprise".equals(domain) ? name : name + "@" + domain;
    }
}
