package dev.mapper.model;

import java.util.List;

/**
 * An ATT&CK campaign, e.g. C0024 SolarWinds Compromise: its aliases and when it was seen ({@code first_seen},
 * {@code last_seen}, as the bundle spells them). Groups it is {@code attributed-to} inherit its techniques.
 */
public record Campaign(String id, String stixId, String name, String description, List<String> aliases, String url,
                       List<String> domains, String firstSeen, String lastSeen, boolean revoked, String revokedBy,
                       boolean deprecated) implements Adversary {

    public Campaign {
        aliases = List.copyOf(aliases);
        domains = List.copyOf(domains);
    }

    @Override
    public Kind kind() {
        return Kind.CAMPAIGN;
    }
}
