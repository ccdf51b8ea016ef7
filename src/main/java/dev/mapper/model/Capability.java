package dev.mapper.model;

import java.util.Objects;

/**
 * A framework object that mappings map from ({@code capability_id} within one {@code mapping_framework}), with the
 * description and group of the newest loaded set that has it.
 */
public record Capability(String framework, String id, String description, String group) {

    /**
     * The capability ID as mapper compares IDs: trimmed, without leading zeros in its numbers. Mappings Explorer
     * spells NIST 800-53 controls {@code AC-2} and {@code AC-2(1)} in its older files and {@code AC-02} and
     * {@code AC-02(01)} in newer ones (one file has {@code SC-8} and {@code SC-08} side by side); no two distinct
     * capabilities of the published files differ only so.
     */
    public static String comparableId(String id) {
        String trimmed = id.trim();
        StringBuilder comparable = new StringBuilder(trimmed.length());
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            boolean startsNumber = comparable.length() == 0 || !isDigit(comparable.charAt(comparable.length() - 1));
            if (c == '0' && startsNumber && i + 1 < trimmed.length() && isDigit(trimmed.charAt(i + 1))) {
                continue;
            }
            comparable.append(c);
        }
        return comparable.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // Written out rather than generated, as in MappingSet: the generated ones cost a cold start a few ms each.
    @Override
    public boolean equals(Object other) {
        return other instanceof Capability c && Objects.equals(framework, c.framework) && Objects.equals(id, c.id)
                && Objects.equals(description, c.description) && Objects.equals(group, c.group);
    }

    @Override
    public int hashCode() {
        return Objects.hash(framework, id, description, group);
    }
}
