package dev.mapper.model;

import java.util.List;

/**
 * The answer to "what is this mitigation or detection strategy for": the object and the techniques it mitigates
 * or detects.
 */
public record DefenseReport(Defense defense, List<Technique> techniques) implements Report {

    public DefenseReport {
        techniques = List.copyOf(techniques);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.defense(this);
    }
}
