package dev.mapper.model;

import java.util.List;

/** The answer to a search: the best hits, best first, and how many there were before the limit. */
public record SearchReport(String query, List<SearchHit> results, int total) implements Report {

    public SearchReport {
        results = List.copyOf(results);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.search(this);
    }
}
