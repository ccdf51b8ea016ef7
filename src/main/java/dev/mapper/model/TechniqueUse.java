package dev.mapper.model;

import java.util.List;

/**
 * A technique an adversary uses, with every procedure that says so. When a {@code uses} relationship points at a
 * technique that was revoked, the technique here is the one that replaced it, and {@code replaced} lists the
 * revoked IDs.
 */
public record TechniqueUse(Technique technique, List<String> replaced, List<Procedure> procedures) {

    public TechniqueUse {
        replaced = List.copyOf(replaced);
        procedures = List.copyOf(procedures);
    }

    /**
     * True when the technique counts in coverage: it is part of the current matrix (not deprecated, and not
     * revoked without a replacement).
     */
    public boolean counted() {
        return technique.active();
    }
}
