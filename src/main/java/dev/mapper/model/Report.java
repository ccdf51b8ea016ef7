package dev.mapper.model;

/**
 * A query result, plain data that every output format can render. Each kind of result has a method on
 * {@link Visitor}, so a renderer that misses one does not compile.
 */
public interface Report {

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of result. */
    interface Visitor<R> {
        R technique(TechniqueReport report);

        R reports(ReportList report);

        R selection(SelectionReport report);

        R diff(DiffReport report);

        R capability(CapabilityReport report);

        R search(SearchReport report);

        R frameworks(FrameworkList report);

        R capabilities(CapabilityList report);

        R techniques(TechniqueList report);

        R tactics(TacticList report);

        R validation(ValidationReport report);

        R coverage(CoverageReport report);

        R dataHome(DataHomeReport report);

        R adversary(AdversaryReport report);

        R defense(DefenseReport report);

        R matrix(MatrixReport report);

        R crosswalk(CrosswalkReport report);

        R gap(GapReport report);
    }
}
