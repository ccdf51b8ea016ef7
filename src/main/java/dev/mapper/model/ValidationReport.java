package dev.mapper.model;

import java.util.List;

/** What {@code validate} found: the files it checked and the findings, ordered by file, line and column. */
public record ValidationReport(List<String> files, List<Finding> findings) implements Report {

    public ValidationReport {
        files = List.copyOf(files);
        findings = List.copyOf(findings);
    }

    public long errors() {
        return findings.stream().filter(Finding::isError).count();
    }

    public long warnings() {
        return findings.size() - errors();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.validation(this);
    }
}
