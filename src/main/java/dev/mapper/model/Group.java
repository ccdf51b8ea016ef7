package dev.mapper.model;

import java.util.List;

/** An ATT&CK group ({@code intrusion-set}), e.g. G0016 APT29, with the aliases ATT&CK records for it. */
public record Group(String id, String stixId, String name, String description, List<String> aliases, String url,
                    List<String> domains, boolean revoked, String revokedBy, boolean deprecated) implements Adversary {

    public Group {
        aliases = List.copyOf(aliases);
        domains = List.copyOf(domains);
    }

    @Override
    public Kind kind() {
        return Kind.GROUP;
    }
}
