package dev.mapper.model;

import java.util.List;

/** {@code list techniques}: techniques in the loaded data, each with the number of mappings to exactly its ID. */
public record TechniqueList(List<Row> rows) implements Report {

    public record Row(Technique technique, List<Tactic> tactics, int mappingCount) {

        public Row {
            tactics = List.copyOf(tactics);
        }
    }

    public TechniqueList {
        rows = List.copyOf(rows);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.techniques(this);
    }
}
