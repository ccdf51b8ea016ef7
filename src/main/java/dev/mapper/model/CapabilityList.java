package dev.mapper.model;

import java.util.List;

/** {@code list capabilities}: the capabilities of the searched sets, each with its number of mappings. */
public record CapabilityList(List<Row> rows) implements Report {

    public record Row(Capability capability, int mappingCount) {
    }

    public CapabilityList {
        rows = List.copyOf(rows);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.capabilities(this);
    }
}
