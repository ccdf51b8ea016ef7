package dev.mapper.model;

import java.util.List;

/**
 * ATT&CK software: {@code malware} or a {@code tool} (its {@code type}), e.g. S0154 Cobalt Strike, with its aliases
 * ({@code x_mitre_aliases}) and platforms.
 */
public record Software(String id, String stixId, String type, String name, String description, List<String> aliases,
                       String url, List<String> domains, List<String> platforms, boolean revoked, String revokedBy,
                       boolean deprecated) implements Adversary {

    public Software {
        aliases = List.copyOf(aliases);
        domains = List.copyOf(domains);
        platforms = List.copyOf(platforms);
    }

    @Override
    public Kind kind() {
        return Kind.SOFTWARE;
    }
}
