package dev.mapper.model;

import java.util.List;

/**
 * The answers to several lookups of one command ({@code show T1528 T1078 ...}), in the order asked, and the IDs
 * asked for that have none (each also said on stderr). Any kind of report may be an answer.
 */
public record ReportList(List<Report> reports, List<String> notFound) implements Report {

    public ReportList {
        reports = List.copyOf(reports);
        notFound = List.copyOf(notFound);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.reports(this);
    }
}
