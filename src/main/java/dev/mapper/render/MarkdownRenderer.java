package dev.mapper.render;

import dev.mapper.model.Adversary;
import dev.mapper.model.AdversaryReport;
import dev.mapper.model.AttackDomain;
import dev.mapper.model.AttackObject;
import dev.mapper.model.AttackRef;
import dev.mapper.model.AttackRelease;
import dev.mapper.model.Capability;
import dev.mapper.model.CapabilityList;
import dev.mapper.model.CapabilityReport;
import dev.mapper.model.CoverageReport;
import dev.mapper.model.CrosswalkReport;
import dev.mapper.model.DataHomeReport;
import dev.mapper.model.DefenseReport;
import dev.mapper.model.DetectionStrategy;
import dev.mapper.model.DiffReport;
import dev.mapper.model.Finding;
import dev.mapper.model.FrameworkList;
import dev.mapper.model.GapReport;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingField;
import dev.mapper.model.MappingType;
import dev.mapper.model.MatrixReport;
import dev.mapper.model.Mitigation;
import dev.mapper.model.Report;
import dev.mapper.model.ReportList;
import dev.mapper.model.SearchHit;
import dev.mapper.model.SearchReport;
import dev.mapper.model.SelectionReport;
import dev.mapper.model.Tactic;
import dev.mapper.model.TacticList;
import dev.mapper.model.Technique;
import dev.mapper.model.TechniqueList;
import dev.mapper.model.TechniqueReport;
import dev.mapper.model.ValidationReport;
import dev.mapper.model.Sizes;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code --format markdown}: for wikis and pull requests. A heading, the facts as a list, and one table row per
 * mapping. Text from the data is made safe: control characters neutralised, newlines folded, Markdown and HTML
 * punctuation escaped so that data cannot add links, markup or table cells.
 */
final class MarkdownRenderer implements Renderer, Report.Visitor<String> {

    private final RenderOptions.Detail detail;

    MarkdownRenderer(RenderOptions.Detail detail) {
        this.detail = detail;
    }

    @Override
    public void render(Report report, Writer out) throws IOException {
        out.write(report.accept(this));
    }

    @Override
    public String technique(TechniqueReport report) {
        Technique t = report.technique();
        StringBuilder b = new StringBuilder();
        b.append("# ").append(escape(t.id())).append(' ').append(escape(t.name())).append("\n\n");
        if (t.stixId() != null) {
            fact(b, "Tactics", report.tactics().stream().map(tac -> tac.name() + " (" + tac.id() + ")")
                    .collect(Collectors.joining(", ")));
            fact(b, "Platforms", String.join(", ", t.platforms()));
            fact(b, "ATT&CK", AttackRelease.displayName(t.domain(), t.attackVersion()));
            fact(b, "Mitigations", refs(t.mitigations()));
            fact(b, "Detection strategies", refs(t.detectionStrategies()));
            if (t.url() != null && SAFE_URL.matcher(t.url()).matches()) {
                b.append("- **URL**: <").append(t.url()).append(">\n");
            }
        } else {
            fact(b, "ATT&CK", "no ATT&CK data loaded for this ID; name from the mapping files");
        }
        if (t.revoked()) {
            fact(b, "Revoked", t.revokedBy() == null ? "yes" : "yes, by " + t.revokedBy());
        }
        if (!report.replaced().isEmpty()) {
            fact(b, "Replaces", report.replaced().stream().map(old -> old.id() + " " + old.name())
                    .collect(Collectors.joining(", ")) + " (revoked; the mappings recorded under them are listed)");
        }
        if (t.stixId() != null) {
            String otherDomains = report.mappings().stream().map(Mapping::set)
                    .filter(set -> !AttackDomain.normalise(set.domain()).equals(AttackDomain.normalise(t.domain())))
                    .distinct().map(set -> set.key() + " (" + AttackDomain.displayName(set.domain()) + ")")
                    .collect(Collectors.joining(", "));
            if (!otherDomains.isEmpty()) {
                fact(b, "Mapped in files of another domain", otherDomains);
            }
        }
        if (!report.frameworkSummaries().isEmpty()) {
            summary(b, report.frameworkSummaries());
        }
        if (detail == RenderOptions.Detail.BRIEF) {
            return b.toString();
        }
        description(b, t);
        b.append("\n## Mappings (").append(report.mappings().size()).append(")\n\n");
        mappingTable(b, report.mappings());
        return b.toString();
    }

    /** A row per framework: its mappings, the strongest score, the categories (or the mapping types). */
    private static void summary(StringBuilder b, List<TechniqueReport.FrameworkSummary> summaries) {
        b.append("\n## Summary\n\n");
        row(b, List.of("Framework", "Mappings", "Strongest score", "Categories or types"));
        b.append("|---|---:|---|---|\n");
        for (TechniqueReport.FrameworkSummary summary : summaries) {
            row(b, List.of(cell(summary.framework()), String.valueOf(summary.mappingCount()),
                    summary.strongestScore() == null ? "" : summary.strongestScore().toString(),
                    cell(summary.scoreCategories().isEmpty()
                            ? summary.mappingTypes().stream().map(MappingType::displayName).collect(Collectors.joining(", "))
                            : String.join(", ", summary.scoreCategories()))));
        }
    }

    /**
     * ATT&CK's description whole, its links real links and its citations footnote links to the sources, which a
     * References list names.
     */
    private static void description(StringBuilder b, Technique t) {
        if (t.description() == null || t.description().isBlank()) {
            return;
        }
        Footnotes notes = new Footnotes(t.references());
        b.append("\n## Description\n\n");
        for (String paragraph : Text.paragraphs(t.description())) {
            for (Footnotes.Piece piece : notes.split(paragraph)) {
                if (piece instanceof Footnotes.Plain plain) {
                    b.append(escapeInline(plain.text()));
                } else if (piece instanceof Footnotes.Marker marker) {
                    String number = "\\[" + marker.note().number() + "\\]";
                    String url = marker.note().url();
                    boolean linked = url != null && SAFE_URL.matcher(url).matches();
                    if (marker.linkText() != null) {
                        b.append(linked ? "[" + escape(marker.linkText()) + "](<" + url + ">)"
                                : escape(marker.linkText()) + number);
                    } else {
                        b.append(linked ? "[" + number + "](<" + url + ">)" : number);
                    }
                }
            }
            b.append("\n\n");
        }
        if (!notes.notes().isEmpty()) {
            b.append("### References\n\n");
            for (Footnotes.Note note : notes.notes()) {
                String url = note.url();
                b.append(note.number()).append(". ").append(url != null && SAFE_URL.matcher(url).matches()
                        ? "[" + escape(note.title()) + "](<" + url + ">)" : escape(note.title())).append('\n');
            }
        }
    }

    /** Each answer as it is alone, one after the other. */
    @Override
    public String reports(ReportList report) {
        return report.reports().stream().map(answer -> answer.accept(this)).collect(Collectors.joining("\n"));
    }

    @Override
    public String diff(DiffReport report) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(escape(report.oldSet().key() + " → " + report.newSet().key())).append("\n\n");
        fact(b, "Old", report.oldSet().source().label() + " · " + report.oldMappings() + " mappings");
        fact(b, "New", report.newSet().source().label() + " · " + report.newMappings() + " mappings");
        fact(b, "ATT&CK", report.attackReleases().stream().map(AttackRelease::displayName)
                .collect(Collectors.joining(", ")));
        b.append("\n## Summary\n\n");
        row(b, List.of("Kind", "Count"));
        b.append("|---|---|\n");
        report.counts().forEach((kind, count) -> row(b, List.of(kind.label(), String.valueOf(count))));
        row(b, List.of("unchanged", String.valueOf(report.unchanged())));
        b.append('\n');
        fact(b, "Changed fields", report.changedFields().entrySet().stream()
                .map(e -> e.getKey().officialName() + " " + e.getValue()).collect(Collectors.joining(", ")));
        fact(b, "Coverage gained", ids(report.coverageGained()));
        fact(b, "Coverage lost", ids(report.coverageLost()));
        if (!report.techniques().isEmpty()) {
            b.append("\n## Techniques\n\n");
            report.techniques().forEach(note -> fact(b, note.id(), DiffTable.explain(note)));
        }
        b.append("\n## Differences (").append(report.items().size()).append(")\n\n");
        List<String> columns = List.of("Kind", "Capability", "Technique", "Category", "Fields", "Old", "New");
        row(b, columns);
        b.append("|---".repeat(columns.size())).append("|\n");
        for (DiffReport.Item item : report.items()) {
            row(b, List.of(item.kind().label(), cell(item.capabilityId()),
                    cell(item.movedFrom() == null ? item.attackObjectId() : item.movedFrom() + " → " + item.attackObjectId()),
                    cell(item.scoreCategory()),
                    cell(item.fields().stream().map(MappingField::officialName).collect(Collectors.joining(", "))),
                    cell(side(item.oldMapping(), item.oldCopies(), item.fields())),
                    cell(side(item.newMapping(), item.newCopies(), item.fields()))));
        }
        return b.toString();
    }

    private static String refs(List<AttackRef> refs) {
        return refs.stream().map(ref -> ref.id() + " " + ref.name()).collect(Collectors.joining(", "));
    }

    private static String ids(List<DiffReport.TechniqueNote> notes) {
        return notes.stream().map(DiffReport.TechniqueNote::id).collect(Collectors.joining(", "));
    }

    /** One side of a difference: the changed fields' values, else the mapping's type and score; copies when several. */
    private static String side(Mapping m, int copies, List<MappingField> fields) {
        if (m == null) {
            return "";
        }
        String text = fields.isEmpty()
                ? (m.nonMappable() ? "non-mappable" : m.mappingType()) + (m.scoreValue() == null ? "" : " · " + m.scoreValue())
                : fields.stream().map(f -> f.officialName() + ": " + f.value(m)).collect(Collectors.joining("; "));
        return copies > 1 ? text + " (x" + copies + ")" : text;
    }

    /** A URL that can stand in an autolink as is (autolinks take no escapes). */
    private static final Pattern SAFE_URL =
            Pattern.compile("https://[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]+");

    @Override
    public String selection(SelectionReport report) {
        StringBuilder b = new StringBuilder("# Mappings (").append(report.mappings().size()).append(")\n\n");
        fact(b, "Mapping sets", report.sets().stream().map(set -> set.key().toString())
                .collect(Collectors.joining(", ")));
        b.append('\n');
        mappingTable(b, report.mappings());
        return b.toString();
    }

    @Override
    public String capability(CapabilityReport report) {
        Capability c = report.capability();
        StringBuilder b = new StringBuilder("# ").append(escape(c.id()));
        if (c.description() != null && !c.description().equals(c.id())) {
            b.append(' ').append(escape(c.description()));
        }
        b.append("\n\n");
        fact(b, "Framework", c.framework());
        fact(b, "Mapping sets", report.sets().stream().map(set -> set.key().toString())
                .collect(Collectors.joining(", ")));
        b.append("\n## Mappings (").append(report.mappings().size()).append(")\n\n");
        mappingTable(b, report.mappings());
        return b.toString();
    }

    @Override
    public String search(SearchReport report) {
        StringBuilder b = new StringBuilder("# Search: ").append(escape(report.query())).append(" (")
                .append(TableRenderer.count(report.total(), "hit")).append(")\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (SearchHit hit : report.results()) {
            String what = switch (hit.kind()) {
                case TECHNIQUE -> hit.technique().id() + " " + Objects.requireNonNullElse(hit.technique().name(), "");
                case CAPABILITY -> hit.capability().id() + " (" + hit.capability().framework() + ")";
                case MAPPING -> Objects.requireNonNullElse(hit.mapping().capabilityId(), "") + " -> "
                        + Objects.requireNonNullElse(hit.mapping().attackObjectId(), "") + " ("
                        + hit.mapping().set().key() + ")";
            };
            rows.add(List.of(hit.kind().label(), what, String.join(", ", hit.matchedIn()),
                    hit.mappingCount() == null ? "" : hit.mappingCount().toString()));
        }
        table(b, List.of("Kind", "Hit", "Matched in", "Mappings"), rows);
        return b.toString();
    }

    @Override
    public String frameworks(FrameworkList report) {
        StringBuilder b = new StringBuilder("# Mapping sets (").append(report.rows().size()).append(")\n\n");
        table(b, List.of("Framework", "Version", "ATT&CK", "Domain", "Mappings", "Default", "Source"),
                report.rows().stream().map(row -> List.of(row.set().framework(), row.set().frameworkVersion(),
                        row.set().attackVersion(), row.set().domain(), String.valueOf(row.mappingCount()),
                        row.isDefault() ? "yes" : "", row.set().source().label())).toList());
        return b.toString();
    }

    @Override
    public String dataHome(DataHomeReport report) {
        StringBuilder b = new StringBuilder("# Data home (").append(report.rows().size()).append(")\n\n")
                .append(report.dataHome()).append("\n\n");
        table(b, List.of("State", "File", "Size", "Installed", "Newer", "Source"),
                report.rows().stream().map(row -> List.of(row.state().label(), row.label(), Sizes.of(row.size()),
                        Objects.requireNonNullElse(row.installed(), ""), Objects.requireNonNullElse(row.newer(), ""),
                        Objects.requireNonNullElse(row.url(), ""))).toList());
        return b.toString();
    }

    @Override
    public String capabilities(CapabilityList report) {
        StringBuilder b = new StringBuilder("# Capabilities (").append(report.rows().size()).append(")\n\n");
        table(b, List.of("Framework", "Capability", "Description", "Mappings"),
                report.rows().stream().map(row -> List.of(row.capability().framework(), row.capability().id(),
                        Objects.requireNonNullElse(row.capability().description(), ""),
                        String.valueOf(row.mappingCount()))).toList());
        return b.toString();
    }

    @Override
    public String techniques(TechniqueList report) {
        StringBuilder b = new StringBuilder("# Techniques (").append(report.rows().size()).append(")\n\n");
        table(b, List.of("ID", "Name", "Tactics", "Mappings"),
                report.rows().stream().map(row -> List.of(row.technique().id(),
                        Objects.requireNonNullElse(row.technique().name(), ""),
                        row.tactics().stream().map(Tactic::name).collect(Collectors.joining(", ")),
                        String.valueOf(row.mappingCount()))).toList());
        return b.toString();
    }

    @Override
    public String tactics(TacticList report) {
        StringBuilder b = new StringBuilder("# Tactics (").append(report.rows().size()).append(")\n\n");
        table(b, List.of("Domain", "ID", "Name", "Shortname", "Techniques", "Mappings"),
                report.rows().stream().map(row -> List.of(AttackDomain.displayName(row.tactic().domain()),
                        row.tactic().id(), row.tactic().name() + (row.tactic().deprecated() ? " (deprecated)" : ""),
                        row.tactic().shortname(), String.valueOf(row.techniqueCount()),
                        String.valueOf(row.mappingCount()))).toList());
        return b.toString();
    }

    /** A table of escaped cells. */
    private static void table(StringBuilder b, List<String> headers, List<List<String>> rows) {
        row(b, headers);
        b.append("|---".repeat(headers.size())).append("|\n");
        rows.forEach(r -> row(b, r.stream().map(MarkdownRenderer::cell).toList()));
    }

    @Override
    public String validation(ValidationReport report) {
        StringBuilder b = new StringBuilder("# Validation\n\n");
        fact(b, "Files checked", String.valueOf(report.files().size()));
        fact(b, "Errors", String.valueOf(report.errors()));
        fact(b, "Warnings", String.valueOf(report.warnings()));
        b.append('\n');
        row(b, List.of("File", "Line", "Column", "Severity", "Rule", "Message"));
        b.append("|---".repeat(6)).append("|\n");
        for (Finding f : report.findings()) {
            row(b, List.of(cell(f.file()), String.valueOf(f.line()), String.valueOf(f.column()),
                    f.severity().label(), cell(f.rule()), cell(f.message())));
        }
        return b.toString();
    }

    @Override
    public String coverage(CoverageReport report) {
        StringBuilder b = new StringBuilder("# Coverage\n\n");
        fact(b, "Covered", covered(report.hasTotals(), report.covered(), report.total(), report.percent()));
        selectionAndScope(b, report.selection(), report.scope());
        fact(b, "Counting", (report.counting().subtechniques() ? "techniques and sub-techniques" : "techniques only")
                + (report.counting().rollup() ? "; a sub-technique's mapping covers its parent" : "")
                + (report.counting().mappingOnly() ? "; mapping-only, against no ATT&CK release" : ""));
        fact(b, "Mapping sets", report.sets().stream().map(set -> set.key().toString())
                .collect(Collectors.joining(", ")));
        if (!report.missingRequired().isEmpty()) {
            fact(b, "Required, not covered", report.missingRequired().stream().map(Technique::id)
                    .collect(Collectors.joining(", ")));
        }
        for (CoverageReport.DomainCoverage domain : report.domains()) {
            b.append("\n## ").append(escape(domain.displayName())).append("\n\n");
            fact(b, "Covered", covered(report.hasTotals(), domain.covered(), domain.total(), domain.percent()));
            fact(b, "ATT&CK", domain.release() == null ? "none (mapping-only)" : domain.release().displayName());
            if (domain.releaseNote() != null) {
                fact(b, "Note", domain.releaseNote());
            }
            CoverageReport.LeftOut out = domain.leftOut();
            fact(b, "Left out", out.revoked() + " revoked, " + out.deprecated() + " deprecated, "
                    + out.subtechniques() + " sub-techniques, " + out.filtered() + " outside the filters");
            if (domain.covered() > 0) {
                fact(b, "Strength", TableRenderer.strength(domain));
            }
            b.append("\n### By tactic\n\n");
            byTactic(b, domain.byTactic());
            if (report.adversaries() != null) {
                List<CoverageReport.TechniqueCoverage> covered = domain.techniques().stream()
                        .filter(CoverageReport.TechniqueCoverage::covered).toList();
                b.append("\n### Covered (").append(covered.size()).append(")\n\n");
                table(b, List.of("ID", "Name", "Covered by"), covered.stream().map(t -> List.of(t.technique().id(),
                        Objects.requireNonNullElse(t.technique().name(), ""), AttackObjectTables.covers(t.mappings())))
                        .toList());
            }
            List<Technique> uncovered = domain.uncovered();
            b.append("\n### Uncovered (").append(uncovered.size()).append(")\n\n");
            for (Technique t : uncovered) {
                b.append("- ").append(escape(t.id())).append(' ').append(cell(t.name()))
                        .append(t.revoked() ? " (revoked)" : t.deprecated() ? " (deprecated)" : "").append('\n');
            }
        }
        return b.toString();
    }

    @Override
    public String adversary(AdversaryReport report) {
        Adversary a = report.adversary();
        StringBuilder b = new StringBuilder();
        attackObject(b, a);
        fact(b, "Software", idsAndNames(report.software()));
        fact(b, "Campaigns", idsAndNames(report.campaigns()));
        fact(b, "Groups", idsAndNames(report.groups()));
        if (a.description() != null && !a.description().isBlank()) {
            b.append('\n').append(escape(Footnotes.withoutNotes(a.description()))).append('\n');
        }
        b.append("\n## Coverage\n\n");
        table(b, List.of("Framework", "Covered", "Total", "%"), report.frameworkCoverage().stream()
                .map(row -> List.of(row.framework(), String.valueOf(row.covered()), String.valueOf(row.total()),
                        String.format(Locale.ROOT, "%.1f", row.percent()))).toList());
        b.append("\n## Techniques (").append(report.techniques().size()).append(")\n\n");
        table(b, List.of("ID", "Name", "Counted", "Procedures", "Covered by"), report.techniques().stream()
                .map(use -> List.of(use.technique().id(), Objects.requireNonNullElse(use.technique().name(), ""),
                        use.counted() ? "yes" : "no",
                        use.procedures().stream().map(p -> p.by().id() + ": " + (p.description() == null
                                        ? "(no description)" : Footnotes.withoutNotes(p.description())))
                                .collect(Collectors.joining(" / ")),
                        AttackObjectTables.covers(report.mappingsOf(use.technique().id())))).toList());
        return b.toString();
    }

    @Override
    public String defense(DefenseReport report) {
        StringBuilder b = new StringBuilder();
        attackObject(b, report.defense());
        if (report.defense() instanceof Mitigation mitigation && mitigation.description() != null) {
            b.append('\n').append(escape(Footnotes.withoutNotes(mitigation.description()))).append('\n');
        }
        if (report.defense() instanceof DetectionStrategy strategy) {
            b.append("\n## Analytics (").append(strategy.analytics().size()).append(")\n\n");
            table(b, List.of("ID", "Platforms", "Description", "Logs"), strategy.analytics().stream()
                    .map(a -> List.of(a.id(), String.join(", ", a.platforms()), Footnotes.withoutNotes(a.description()),
                            a.logSources().stream().map(log -> Objects.requireNonNullElse(log.name(), "?")
                                    + (log.channel() == null ? "" : ": " + log.channel()))
                                    .collect(Collectors.joining(" / ")))).toList());
        }
        b.append("\n## Techniques (").append(report.techniques().size()).append(")\n\n");
        table(b, List.of("ID", "Name"), report.techniques().stream()
                .map(t -> List.of(t.id(), Objects.requireNonNullElse(t.name(), ""))).toList());
        return b.toString();
    }

    @Override
    public String gap(GapReport report) {
        StringBuilder b = new StringBuilder("# Gap: ").append(report.uncovered().size()).append(" of ")
                .append(report.techniquesUsed()).append(" techniques uncovered\n\n");
        fact(b, "Adversaries", report.users());
        fact(b, "Have", report.have().stream().map(c -> c.id()).collect(Collectors.joining(", ")));
        fact(b, "Mapping sets", report.sets().stream().map(set -> set.key().toString())
                .collect(Collectors.joining(", ")));
        b.append("\n## Most used, uncovered (").append(report.shown().size()).append(")\n\n");
        table(b, List.of("ID", "Name", "Users", "Can add", "Used by"), report.shown().stream()
                .map(g -> List.of(g.technique().id(), Objects.requireNonNullElse(g.technique().name(), ""),
                        String.valueOf(g.usedBy().size()), String.valueOf(g.closableBy()),
                        String.join(", ", g.usedBy()))).toList());
        b.append("\n## Add next (").append(report.recommendations().size()).append(")\n\n");
        table(b, List.of("Capability", "Framework", "Value", "Closes"), report.recommendations().stream()
                .map(r -> List.of(r.capability().id(), r.capability().framework(), String.valueOf(r.value()),
                        r.closes().stream().map(c -> c.technique().id()).collect(Collectors.joining(", "))))
                .toList());
        return b.toString();
    }

    @Override
    public String crosswalk(CrosswalkReport report) {
        StringBuilder b = new StringBuilder("# ").append(escape(report.capability().id())).append(" → ")
                .append(escape(report.toFramework())).append("\n\n");
        fact(b, "Note", JsonShapes.CROSSWALK_NOTE);
        fact(b, "Techniques", report.techniques().stream().map(Technique::id).collect(Collectors.joining(", ")));
        fact(b, "Mapping sets", report.sets().stream().map(set -> set.key().toString())
                .collect(Collectors.joining(", ")));
        b.append("\n## Capabilities (").append(report.rows().size()).append(" of ").append(report.total())
                .append(")\n\n");
        table(b, List.of("Capability", "Description", "Shared", "Maps", "Jaccard", "Shared techniques"),
                report.rows().stream().map(row -> List.of(row.capability().id(),
                        Objects.requireNonNullElse(row.capability().description(), ""),
                        String.valueOf(row.shared().size()), String.valueOf(row.techniqueCount()),
                        String.format(Locale.ROOT, "%.3f", report.jaccard(row)),
                        row.shared().stream().map(Technique::id).collect(Collectors.joining(", ")))).toList());
        return b.toString();
    }

    /** The heading and the facts every ATT&CK object has. */
    private static void attackObject(StringBuilder b, AttackObject o) {
        b.append("# ").append(escape(o.id())).append(' ').append(escape(o.name())).append("\n\n");
        fact(b, "Kind", o.kind().label());
        fact(b, "Aliases", String.join(", ", o.aliases()));
        fact(b, "Domains", String.join(", ", o.domains()));
        if (o.url() != null && SAFE_URL.matcher(o.url()).matches()) {
            b.append("- **URL**: <").append(o.url()).append(">\n");
        }
        if (o.revoked()) {
            fact(b, "Revoked", o.revokedBy() == null ? "yes" : "yes, by " + o.revokedBy());
        }
        if (o.deprecated()) {
            fact(b, "Deprecated", "yes");
        }
    }

    private static String idsAndNames(List<? extends AttackObject> objects) {
        return objects.stream().map(o -> o.id() + " " + o.name()).collect(Collectors.joining(", "));
    }

    private static void byTactic(StringBuilder b, List<CoverageReport.TacticCoverage> rows) {
        row(b, List.of("Tactic", "ID", "Covered", "Total", "%"));
        b.append("|---".repeat(5)).append("|\n");
        for (CoverageReport.TacticCoverage t : rows) {
            row(b, List.of(cell(t.tactic().name() + (t.tactic().deprecated() ? " (deprecated)" : "")),
                    cell(t.tactic().id()), String.valueOf(t.covered()), String.valueOf(t.total()),
                    String.format(Locale.ROOT, "%.1f", t.percent())));
        }
    }

    /**
     * The matrix as one table, a column per tactic, each cell its shade's symbol (as the terminal shows them), ID
     * and name; then the per-tactic summary and the legend.
     */
    @Override
    public String matrix(MatrixReport report) {
        StringBuilder b = new StringBuilder("# ATT&CK ").append(escape(report.release().displayName()))
                .append(" matrix\n\n");
        selectionAndScope(b, report.caption().selection(), report.scope());
        fact(b, "Mapping sets", report.sets().stream().map(set -> set.key().toString())
                .collect(Collectors.joining(", ")));
        fact(b, "Covered", report.covered() + " of " + report.total() + String.format(Locale.ROOT, " (%.1f%%)",
                report.percent()));
        fact(b, "Generated", report.caption().generated().toString());
        b.append('\n');
        List<MatrixReport.Column> columns = report.columns();
        List<List<String>> cells = new ArrayList<>();
        for (MatrixReport.Column column : columns) {
            List<String> lines = new ArrayList<>();
            for (MatrixReport.Cell cell : column.cells()) {
                lines.add(matrixCell(report, cell));
                if (report.subtechniquesExpanded()) {
                    cell.subtechniques().forEach(sub -> lines.add(matrixCell(report, sub)));
                }
            }
            cells.add(lines);
        }
        row(b, columns.stream().map(c -> cell(c.tactic().name())).toList());
        b.append("|---".repeat(columns.size())).append("|\n");
        int rows = cells.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < rows; i++) {
            int at = i;
            row(b, cells.stream().map(lines -> at < lines.size() ? lines.get(at) : "").toList());
        }
        b.append('\n');
        fact(b, "Legend", report.legend().stream().map(shade -> MatrixTable.symbol(shade) + " " + shade.label())
                .collect(Collectors.joining(", ")) + (report.subtechniquesExpanded() ? ""
                : "; + sub-techniques folded in"));
        b.append("\n## By tactic\n\n");
        byTactic(b, columns.stream().map(MatrixReport.Column::coverage).toList());
        if (!report.unplaced().isEmpty()) {
            b.append("\n## Not in the matrix\n\n");
            report.unplaced().forEach(u -> fact(b, u.technique().id(), MatrixTable.why(u.technique()) + ", "
                    + TableRenderer.count(u.mappingCount(), "mapping")));
        }
        return b.toString();
    }

    private static String matrixCell(MatrixReport report, MatrixReport.Cell cell) {
        boolean folded = !report.subtechniquesExpanded() && !cell.subtechniques().isEmpty();
        return MatrixTable.symbol(report.shade(cell)) + " " + escape(cell.technique().id()) + (folded ? "+" : "")
                + " " + cell(cell.technique().name());
    }

    private static String covered(boolean hasTotal, int covered, int total, double percent) {
        return hasTotal ? covered + " of " + total + String.format(Locale.ROOT, " (%.1f%%)", percent)
                : covered + " techniques mapped";
    }

    /** What a coverage or matrix report is about, when given: what was selected, and its scope. */
    private static void selectionAndScope(StringBuilder b, Map<String, List<String>> selection, String scope) {
        if (!selection.isEmpty()) {
            fact(b, "Selection", SelectionText.of(selection));
        }
        if (scope != null) {
            fact(b, "Scope", scope);
        }
    }

    private static void fact(StringBuilder b, String label, String value) {
        b.append("- **").append(label).append("**: ").append(value.isEmpty() ? "-" : escape(value)).append('\n');
    }

    private static final List<String> COLUMNS = List.of("Technique", "Framework", "Set", "Capability",
            "Description", "Type", "Category", "Score", "Comments");

    /** The mapping table every report with mappings shares: one row per mapping, exact duplicates included. */
    static void mappingTable(StringBuilder b, List<Mapping> mappings) {
        row(b, COLUMNS);
        b.append("|---".repeat(COLUMNS.size())).append("|\n");
        for (Mapping m : mappings) {
            row(b, List.of(cell(m.attackObjectId()), cell(m.set().framework()), cell(m.set().key().toString()),
                    cell(m.capabilityId()), cell(m.capabilityDescription()),
                    cell(m.nonMappable() ? "non-mappable" : m.mappingType()), cell(m.scoreCategory()),
                    cell(m.scoreValue()), cell(m.comments())));
        }
    }

    private static void row(StringBuilder b, List<String> cells) {
        b.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String cell(String s) {
        return s == null || s.isBlank() ? "" : escape(s);
    }

    /** One line of text that renders as itself: CommonMark lets any ASCII punctuation be backslash-escaped. */
    static String escape(String s) {
        return escapeInline(Text.line(s));
    }

    /** The same for a piece of a line: safe, newlines as spaces, but the spaces at its ends kept. */
    private static String escapeInline(String s) {
        String line = Text.safe(s).replace('\n', ' ');
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ("\\`*_[]<>|#!~&".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
