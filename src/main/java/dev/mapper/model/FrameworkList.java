package dev.mapper.model;

import java.util.List;

/** {@code list frameworks}: every loaded mapping set, how many mappings it has, and whether queries use it by default. */
public record FrameworkList(List<Row> rows) implements Report {

    /** One set; {@code mappingCount} counts its mapping objects that pass the filters. */
    public record Row(MappingSet set, int mappingCount, boolean isDefault) {
    }

    public FrameworkList {
        rows = List.copyOf(rows);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.frameworks(this);
    }
}
