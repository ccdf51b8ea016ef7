package dev.mapper.model;

import java.util.List;

/** {@code list tactics}: the loaded tactics in matrix order, with their techniques and the mappings to those. */
public record TacticList(List<Row> rows) implements Report {

    public record Row(Tactic tactic, int techniqueCount, int mappingCount) {
    }

    public TacticList {
        rows = List.copyOf(rows);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.tactics(this);
    }
}
