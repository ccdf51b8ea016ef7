package dev.mapper.model;

import java.util.List;

/** An ATT&CK mitigation ({@code course-of-action}), e.g. M1047 Audit. */
public record Mitigation(String id, String stixId, String name, String description, String url, List<String> domains,
                         boolean revoked, String revokedBy, boolean deprecated) implements Defense {

    public Mitigation {
        domains = List.copyOf(domains);
    }

    @Override
    public Kind kind() {
        return Kind.MITIGATION;
    }
}
