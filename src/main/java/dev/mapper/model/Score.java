package dev.mapper.model;

import java.util.Locale;

/** The {@code score_value}s of the unified schema, in increasing strength. */
public enum Score {
    MINIMAL, PARTIAL, SIGNIFICANT;

    /** The score of a mapping's {@code score_value}, or null when it has none or an unknown one. */
    public static Score of(String value) {
        if (value == null) {
            return null;
        }
        switch (value) { // the schema's spelling, first: asked once or twice for every mapping shown
            case "minimal":
                return MINIMAL;
            case "partial":
                return PARTIAL;
            case "significant":
                return SIGNIFICANT;
            default:
                break;
        }
        for (Score s : values()) {
            if (s.name().equalsIgnoreCase(value.trim())) {
                return s;
            }
        }
        return null;
    }

    /** As the schema spells it: {@code minimal}, {@code partial}, {@code significant}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
