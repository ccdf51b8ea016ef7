package dev.mapper.render;

import dev.mapper.model.AdversaryReport;
import dev.mapper.model.AttackDomain;
import dev.mapper.model.AttackRef;
import dev.mapper.model.AttackRelease;
import dev.mapper.model.Capability;
import dev.mapper.model.CapabilityList;
import dev.mapper.model.CapabilityReport;
import dev.mapper.model.CoverageReport;
import dev.mapper.model.CrosswalkReport;
import dev.mapper.model.DataHomeReport;
import dev.mapper.model.DefenseReport;
import dev.mapper.model.DiffReport;
import dev.mapper.model.Finding;
import dev.mapper.model.FrameworkList;
import dev.mapper.model.GapReport;
import dev.mapper.model.Groups;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingSet;
import dev.mapper.model.MappingType;
import dev.mapper.model.MatrixReport;
import dev.mapper.model.Report;
import dev.mapper.model.ReportList;
import dev.mapper.model.Score;
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
import dev.mapper.render.RenderOptions.Detail;
import dev.mapper.render.Style.Role;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code --format table}: for people. Fits the width, wraps long text, colours only when allowed, and
 * neutralises control characters from the data.
 */
final class TableRenderer implements Renderer, Report.Visitor<String> {

    private static final int LABEL_WIDTH = 12;

    private static final Map<String, RenderedGroup> NO_GROUPS = Map.of();

    private final RenderOptions options;
    /** See {@link RenderedGroup}: filled only while a list of reports is rendered. */
    private Map<String, RenderedGroup> renderedGroups = NO_GROUPS;
    /** See {@link #setHeading}. */
    private final Map<MappingSet, String> setHeadings = new HashMap<>();
    /** The text {@link #indented} wraps, copied: one array for all of them, not one each (a comment, a description). */
    private char[] wrapBuffer = new char[4096];
    /** A mapping's facts while it is rendered: one list for all of them. */
    private final List<Fact> facts = new ArrayList<>();

    TableRenderer(RenderOptions options) {
        this.options = options;
    }

    @Override
    public void render(Report report, Writer out) throws IOException {
        if (report instanceof ReportList list) {
            // Section by section, into one builder written out in chunks: show of every technique writes megabytes,
            // which need not be one string first, nor a string (and its copies) per section.
            StringBuilder b = new StringBuilder();
            char[] chunk = new char[8192];
            String rule = sectionRule();
            renderedGroups = new HashMap<>();
            for (int i = 0; i < list.reports().size(); i++) {
                b.setLength(0);
                if (i > 0) {
                    b.append(rule);
                }
                Report section = list.reports().get(i);
                if (section instanceof TechniqueReport technique) {
                    technique(b, technique);
                } else {
                    b.append(section.accept(this));
                }
                for (int start = 0; start < b.length(); start += chunk.length) {
                    int end = Math.min(b.length(), start + chunk.length);
                    b.getChars(start, end, chunk, 0);
                    out.write(chunk, 0, end - start);
                }
            }
            renderedGroups = NO_GROUPS;
        } else {
            out.write(report.accept(this));
        }
    }

    @Override
    public String diff(DiffReport report) {
        return new DiffTable(this, options.width()).render(report);
    }

    @Override
    public String adversary(AdversaryReport report) {
        return new AttackObjectTables(this, options.width()).adversary(report);
    }

    @Override
    public String defense(DefenseReport report) {
        return new AttackObjectTables(this, options.width()).defense(report);
    }

    @Override
    public String matrix(MatrixReport report) {
        return new MatrixTable(this, options).render(report);
    }

    @Override
    public String gap(GapReport report) {
        return new AttackObjectTables(this, options.width()).gap(report);
    }

    @Override
    public String crosswalk(CrosswalkReport report) {
        StringBuilder b = new StringBuilder();
        b.append(style(Role.HEADING, Text.line(report.capability().id()) + " → " + Text.line(report.toFramework())))
                .append('\n');
        field(b, "Note", JsonShapes.CROSSWALK_NOTE);
        field(b, "Techniques", report.techniques().isEmpty() ? "none in the searched sets" : report.techniques()
                .size() + ": " + report.techniques().stream().map(Technique::id).collect(Collectors.joining(", ")));
        field(b, "Sets", report.sets().stream().map(set -> Text.line(set.key().toString()))
                .collect(Collectors.joining(", ")));
        b.append('\n');
        Columns table = new Columns("CAPABILITY", "SHARED>", "MAPS>", "JACCARD>", "DETAIL");
        for (CrosswalkReport.Row row : report.rows()) {
            Capability c = row.capability();
            String description = c.description() == null || c.description().equals(c.id()) ? "" : c.description() + " · ";
            table.add(c.id(), String.valueOf(row.shared().size()), String.valueOf(row.techniqueCount()),
                    String.format(Locale.ROOT, "%.3f", report.jaccard(row)),
                    description + row.shared().stream().map(Technique::id).collect(Collectors.joining(", ")));
        }
        b.append(table.render(options.width(), false));
        return b.append(listSummary(report.rows().size(), "capability", -1).stripTrailing()
                + (report.total() > report.rows().size() ? style(Role.MUTED, " of " + report.total()
                        + " (--limit N for more)") : "") + "\n").toString();
    }

    @Override
    public String technique(TechniqueReport report) {
        StringBuilder b = new StringBuilder();
        technique(b, report);
        return b.toString();
    }

    private void technique(StringBuilder b, TechniqueReport report) {
        Technique t = report.technique();
        headingLine(b, t.id(), Objects.requireNonNullElse(t.name(), "(no name)"), null);
        if (t.revoked()) {
            field(b, "Revoked", t.revokedBy() == null ? "yes" : "yes, by " + t.revokedBy());
        }
        if (t.deprecated()) {
            field(b, "Deprecated", "yes");
        }
        if (t.stixId() == null) {
            field(b, "ATT&CK", "no ATT&CK data loaded for this ID; name from the mapping files");
        } else {
            List<String> tactics = new ArrayList<>();
            for (Tactic tactic : report.tactics()) {
                tactics.add(tactic.name() + " (" + tactic.id() + ")");
            }
            listField(b, "Tactics", tactics);
            if (t.parentId() != null) {
                field(b, "Parent", t.parentId());
            }
            listField(b, "Platforms", t.platforms());
            field(b, "URL", t.url());
            field(b, "ATT&CK", AttackRelease.displayName(t.domain(), t.attackVersion()));
            if (!t.mitigations().isEmpty()) {
                listField(b, "Mitigations", refs(t.mitigations()));
            }
            if (!t.detectionStrategies().isEmpty()) {
                listField(b, "Detections", refs(t.detectionStrategies()));
            }
        }
        if (!report.replaced().isEmpty()) {
            listField(b, "Replaces", report.replaced().stream().map(old -> old.id() + " " + old.name() + " ("
                    + count(report.mappings().stream().filter(m -> old.id().equals(m.techniqueId())).count(),
                    "mapping") + " recorded under it)").toList());
        }
        b.append('\n');
        frameworkSummary(b, report);
        if (brief()) {
            return;
        }
        Footnotes notes = new Footnotes(t.references());
        if (t.description() != null && !t.description().isBlank()) {
            b.append('\n');
            longText(b, t.description(), notes);
        }
        if (t.detection() != null && !t.detection().isBlank()) {
            b.append('\n').append(style(Role.HEADING, "Detection")).append('\n');
            longText(b, t.detection(), notes);
        }
        references(b, notes);
        mappings(b, report);
    }

    /**
     * "Mappings  N mappings from K frameworks", then a line per framework: how many, the strongest score, the
     * score categories (or, for frameworks that do not score, the mapping types).
     */
    private void frameworkSummary(StringBuilder b, TechniqueReport report) {
        summary(b, report.mappings(), report.sets().size());
        List<TechniqueReport.FrameworkSummary> rows = report.frameworkSummaries();
        int nameWidth = 0;
        int countWidth = 0;
        for (TechniqueReport.FrameworkSummary row : rows) {
            nameWidth = Math.max(nameWidth, Text.line(row.framework()).length());
            countWidth = Math.max(countWidth, String.valueOf(row.mappingCount()).length());
        }
        for (TechniqueReport.FrameworkSummary row : rows) {
            String name = Text.line(row.framework());
            String count = String.valueOf(row.mappingCount());
            b.append("  ").append(style(Role.ACCENT, name));
            for (int pad = nameWidth - name.length() + 2 + countWidth - count.length(); pad > 0; pad--) {
                b.append(' ');
            }
            b.append(count);
            String before = "  "; // what comes before the next fact
            if (row.strongestScore() != null) {
                b.append(before).append("strongest ")
                        .append(options.style().score(row.strongestScore(), row.strongestScore().toString()));
                before = style(Role.MUTED, " · ");
            }
            if (!row.scoreCategories().isEmpty()) {
                b.append(before).append(Text.line(String.join(", ", row.scoreCategories())));
            } else if (!row.mappingTypes().isEmpty()) {
                StringBuilder types = new StringBuilder();
                for (MappingType type : row.mappingTypes()) {
                    types.append(types.length() == 0 ? "" : ", ").append(type.displayName());
                }
                b.append(before).append(Text.line(types.toString()));
            }
            b.append('\n');
        }
    }

    /** Only the header and the summary (--brief). */
    boolean brief() {
        return options.detail() == Detail.BRIEF;
    }

    /**
     * ATT&CK's text as a person reads it: its first paragraph (all of it with --full), and how much more there is;
     * citations and links as footnotes (or, with no {@code notes}, left out and as their text).
     */
    void longText(StringBuilder b, String text, Footnotes notes) {
        List<String> shown = new ArrayList<>(); // the first paragraph, or all of them with --full
        int paragraphs = Text.paragraphs(notes == null ? Footnotes.withoutNotes(text) : text, shown,
                options.detail() == Detail.FULL ? Integer.MAX_VALUE : 1);
        if (notes != null) {
            for (int i = 0; i < shown.size(); i++) {
                shown.set(i, notes.plain(shown.get(i))); // only the shown paragraphs' notes are listed
            }
        }
        indented(b, "  ", shown.size() == 1 ? shown.get(0) : String.join("\n\n", shown));
        if (paragraphs > shown.size()) {
            b.append("  ").append(style(Role.MUTED, "(" + count(paragraphs - shown.size(), "more paragraph")
                    + ": --full shows them)")).append('\n');
        }
    }

    /** One section per answer, divided by a rule. */
    @Override
    public String reports(ReportList report) {
        StringWriter out = new StringWriter();
        try {
            render(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private String sectionRule() {
        return "\n" + style(Role.MUTED, "─".repeat(options.width())) + "\n\n";
    }

    /** Findings as compilers print them, {@code file:line:column: severity: message [rule]}, then a summary. */
    @Override
    public String validation(ValidationReport report) {
        StringBuilder b = new StringBuilder();
        for (Finding f : report.findings()) {
            b.append(Text.line(f.file()));
            if (f.line() > 0) {
                b.append(':').append(f.line()).append(':').append(Math.max(f.column(), 1));
            }
            b.append(": ").append(style(f.isError() ? Role.ERROR : Role.WARNING, f.severity().label())).append(": ")
                    .append(Text.line(f.message())).append(style(Role.MUTED, " [" + f.rule() + "]")).append('\n');
        }
        b.append(count(report.files().size(), "file")).append(" checked: ");
        if (report.findings().isEmpty()) {
            b.append("no problems");
        } else {
            b.append(count(report.errors(), "error")).append(", ").append(count(report.warnings(), "warning"));
        }
        return b.append('\n').toString();
    }

    @Override
    public String coverage(CoverageReport report) {
        StringBuilder b = new StringBuilder();
        List<CoverageReport.DomainCoverage> domains = report.domains();
        b.append(style(Role.HEADING, "Coverage")).append("  ")
                .append(covered(report.hasTotals(), report.covered(), report.total(), report.percent()));
        if (domains.size() > 1) {
            b.append(" in ").append(domains.size()).append(" domains")
                    .append(report.counting().mappingOnly() ? "" : ", each against its own release");
        }
        b.append('\n');
        selectionAndScope(b, report.selection(), report.scope());
        if (report.adversaries() != null && report.adversaries().adversaries().size() > 1) {
            field(b, "Adversaries", report.adversaries().adversaries().size() + "; a technique is marked with how "
                    + "many of them use it");
        }
        if (!report.missingRequired().isEmpty()) {
            field(b, "Missing", report.missingRequired().stream().map(TableRenderer::idAndName)
                    .collect(Collectors.joining(", ")));
        }
        for (CoverageReport.DomainCoverage domain : domains) {
            if (domains.size() > 1) {
                b.append('\n').append(style(Role.HEADING, String.format("%-" + (LABEL_WIDTH - 2) + "s", domain.displayName())))
                        .append("  ").append(covered(report.hasTotals(), domain.covered(), domain.total(),
                                domain.percent())).append('\n');
            }
            domainCoverage(b, report, domain);
        }
        return b.toString();
    }

    /** What a coverage or matrix report is about, when given: what was selected, and its scope. */
    void selectionAndScope(StringBuilder b, Map<String, List<String>> selection, String scope) {
        if (!selection.isEmpty()) {
            field(b, "Selection", Text.line(SelectionText.of(selection)));
        }
        if (scope != null) {
            field(b, "Scope", Text.line(scope));
        }
    }

    /** "214 of 691 techniques (31.0%)", or "3 techniques mapped" without a total. */
    private static String covered(boolean hasTotal, int covered, int total, double percent) {
        return hasTotal ? covered + " of " + count(total, "technique") + " (" + percent(percent) + ")"
                : count(covered, "technique") + " mapped";
    }

    private void domainCoverage(StringBuilder b, CoverageReport report, CoverageReport.DomainCoverage domain) {
        AttackRelease release = domain.release();
        field(b, "ATT&CK", release == null ? domain.displayName() + ": no release measured against (--mapping-only)"
                : release.displayName() + (domain.releaseNote() == null ? "" : "; the sets were made against "
                        + String.join(", ", domain.targetVersions()) + (release.versionKnown() ? ", not loaded" : "")));
        field(b, "Counted", counted(report, domain));
        field(b, "Sets", domain.sets().isEmpty() ? "none of this domain" : domain.sets().stream()
                .map(set -> Text.line(set.key().toString())).collect(Collectors.joining(", ")));
        if (domain.covered() > 0) {
            field(b, "Strength", strength(domain));
        }
        if (!domain.byTactic().isEmpty()) {
            int nameWidth = Math.max(12, options.width() - 40);
            b.append('\n').append(style(Role.HEADING, String.format("%-" + nameWidth + "s %-7s %8s %8s %8s", "Tactic", "ID",
                    "Covered", "Total", "%"))).append('\n');
            for (CoverageReport.TacticCoverage row : domain.byTactic()) {
                String name = Text.line(row.tactic().name()) + (row.tactic().deprecated() ? " (deprecated)" : "");
                b.append(String.format("%-" + nameWidth + "s %-7s %8d %8d %8s",
                        name.length() > nameWidth ? name.substring(0, nameWidth) : name, Text.line(row.tactic().id()),
                        row.covered(), row.total(), percent(row.percent()))).append('\n');
            }
        }
        if (report.adversaries() != null) {
            new AttackObjectTables(this, options.width()).adversaryCoverage(b, report.adversaries(), domain);
        } else if (report.hasTotals()) {
            List<Technique> uncovered = domain.uncovered();
            b.append('\n').append(style(Role.HEADING, "Uncovered")).append("  ").append(uncovered.size()).append('\n');
            for (Technique t : uncovered) {
                b.append("  ").append(idAndName(t)).append(status(t)).append('\n');
            }
        }
    }

    /** "12 significant, 30 partial, 5 minimal, 3 unscored": the covered techniques by their strongest mapping. */
    static String strength(CoverageReport.DomainCoverage domain) {
        List<String> parts = new ArrayList<>();
        domain.strength().forEach((score, n) -> {
            if (n > 0) {
                parts.add(n + " " + (score == null ? "unscored" : score.toString()));
            }
        });
        return String.join(", ", parts) + " (covered techniques by their strongest mapping)";
    }

    /** What the denominator is: which techniques, which were left out and why, and what covers one. */
    private static String counted(CoverageReport report, CoverageReport.DomainCoverage domain) {
        CoverageReport.Counting counting = report.counting();
        CoverageReport.LeftOut out = domain.leftOut();
        String kinds = counting.subtechniques() ? "technique and sub-technique" : "technique (sub-techniques not counted)";
        StringBuilder what = new StringBuilder();
        if (report.scope() != null) {
            what.append(count(domain.total(), "technique")).append(" of the scope");
        } else if (domain.release() == null) {
            return "every " + kinds + " the sets map" + (counting.rollup() ? ", and the parents of sub-techniques they map" : "");
        } else {
            what.append("every ").append(kinds).append(" of ").append(domain.release().displayName())
                    .append(" that is neither revoked nor deprecated");
        }
        List<String> leftOut = new ArrayList<>();
        if (out.revoked() > 0) {
            leftOut.add(out.revoked() + " revoked");
        }
        if (out.deprecated() > 0) {
            leftOut.add(out.deprecated() + " deprecated");
        }
        if (out.subtechniques() > 0) {
            leftOut.add(count(out.subtechniques(), "sub-technique"));
        }
        if (out.filtered() > 0) {
            leftOut.add(out.filtered() + " outside the filters");
        }
        if (!leftOut.isEmpty()) {
            what.append(" (left out: ").append(String.join(", ", leftOut)).append(')');
        }
        return what.append(counting.rollup() ? "; covered by a mapping to its own ID or to one of its sub-techniques"
                : "; covered by a mapping to its own ID").toString();
    }

    /** "M1047 Audit, M1018 User Account Management": other ATT&CK objects as a technique names them. */
    private static List<String> refs(List<AttackRef> refs) {
        List<String> named = new ArrayList<>(refs.size());
        for (AttackRef ref : refs) {
            named.add(ref.id() + " " + ref.name());
        }
        return named;
    }

    private static String idAndName(Technique t) {
        return t.name() == null ? t.id() : t.id() + " " + Text.line(t.name());
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value);
    }

    /** The mappings in detail: by technique (its own, then each sub-technique's), then by set. */
    private void mappings(StringBuilder b, TechniqueReport report) {
        List<Mapping> mappings = report.mappings();

        // Loops and Groups, not forEach and computeIfAbsent, here and in mappingsBySet: each lambda costs ~0.1 ms to
        // link in a cold JVM, and every show of a technique runs these (docs/performance.md).
        Map<String, List<Mapping>> byTechnique = new LinkedHashMap<>();
        for (Mapping m : mappings) {
            Groups.listIn(byTechnique, m.techniqueId()).add(m);
        }
        for (Map.Entry<String, List<Mapping>> group : byTechnique.entrySet()) {
            boolean own = group.getKey().equals(report.technique().id());
            Technique replaced = withId(report.replaced(), group.getKey());
            Technique technique = own ? report.technique() : replaced != null ? replaced
                    : withId(report.subtechniques(), group.getKey());
            if (replaced != null) {
                b.append('\n');
                headingLine(b, "Recorded under " + group.getKey(), replaced.name(),
                        "(revoked by " + Text.line(replaced.revokedBy()) + ")");
            } else if (!own) {
                b.append('\n');
                headingLine(b, "Sub-technique " + group.getKey(), technique == null ? null : technique.name(), null);
            }
            RenderedGroup rendered = technique == null ? null : renderedGroups.get(technique.id());
            if (rendered != null && rendered.isOf(technique, group.getValue())) {
                b.append(rendered.text());
            } else {
                int start = b.length();
                mappingsBySet(b, group.getValue(), byCapability(technique));
                if (technique != null && technique.subtechnique() && renderedGroups != NO_GROUPS) {
                    renderedGroups.put(technique.id(), new RenderedGroup(technique, group.getValue(), b.substring(start)));
                }
            }
        }
    }

    /**
     * A technique's mappings as rendered, kept while a list of reports is written: a sub-technique's mappings are
     * shown under their parent and again on their own ({@code show T1078 T1078.004}, or every technique at once),
     * and the second time the text is copied instead of rendered anew. Only the same mappings (the same objects, in
     * the same order) of the same technique make the same text.
     */
    private record RenderedGroup(Technique technique, List<Mapping> mappings, String text) {
        boolean isOf(Technique other, List<Mapping> others) {
            if (other != technique || others.size() != mappings.size()) {
                return false;
            }
            for (int i = 0; i < others.size(); i++) {
                if (others.get(i) != mappings.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    public String selection(SelectionReport report) {
        StringBuilder b = new StringBuilder();
        summary(b, report.mappings(), report.sets().size());
        Map<String, List<Mapping>> byTechnique = new LinkedHashMap<>();
        report.mappings().forEach(m -> byTechnique.computeIfAbsent(
                Objects.requireNonNullElse(m.techniqueId(), "(no technique)"), k -> new ArrayList<>()).add(m));
        for (Map.Entry<String, List<Mapping>> group : byTechnique.entrySet()) {
            Technique t = report.techniques().get(group.getKey());
            b.append('\n');
            headingLine(b, group.getKey(), t == null ? null : t.name(), null);
            mappingsBySet(b, group.getValue(), byCapability(t));
        }
        return b.toString();
    }

    private static Technique withId(List<Technique> techniques, String id) {
        for (Technique t : techniques) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        return null;
    }

    /**
     * A heading line, {@code "T1528  Steal Application Access Token"} (the lead alone when no name is known), and a
     * muted note after it: when too long for the width, the name wraps under itself and the note goes below it.
     */
    private void headingLine(StringBuilder b, String lead, String name, String note) {
        String first = Text.line(lead);
        String text = name == null ? "" : Text.line(name);
        String pad = " ".repeat(first.length() + 2);
        List<String> lines = text.isEmpty() ? List.of() : pad.length() + text.length() <= options.width()
                ? List.of(text) : Text.wrap(text, Math.max(options.width() - pad.length(), 20));
        b.append(style(Role.HEADING, lines.isEmpty() ? first : first + "  " + lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            b.append('\n').append(pad).append(style(Role.HEADING, lines.get(i)));
        }
        if (note != null) {
            int used = lines.isEmpty() ? first.length() : pad.length() + lines.get(lines.size() - 1).length();
            b.append(used + 2 + note.length() <= options.width() ? "  " : "\n" + pad).append(style(Role.MUTED, note));
        }
        b.append('\n');
    }

    /** "Mappings  3 mappings from 2 frameworks", and how many sets were searched when there are none. */
    private void summary(StringBuilder b, List<Mapping> mappings, int setsSearched) {
        Set<String> distinct = new HashSet<>();
        for (Mapping m : mappings) {
            distinct.add(m.set().framework());
        }
        int frameworks = distinct.size();
        b.append(style(Role.HEADING, "Mappings")).append("  ").append(mappings.size())
                .append(mappings.size() == 1 ? " mapping" : " mappings").append(" from ").append(frameworks)
                .append(frameworks == 1 ? " framework" : " frameworks");
        if (mappings.isEmpty()) {
            b.append(" (").append(setsSearched).append(" sets searched)");
        }
        b.append('\n');
    }

    /**
     * How one mapping is headed: by the capability in {@code show}, by the technique in {@code capability}; and the
     * technique as ATT&CK describes it (null when unknown), to say when the mapping file named it differently or is
     * of another domain.
     */
    private record Headline(String title, String subtitle, Technique technique) {
        String techniqueName() {
            return technique == null ? null : technique.name();
        }
    }

    /** Mappings of one technique, headed by their capability. */
    private static Function<Mapping, Headline> byCapability(Technique technique) {
        return m -> new Headline(m.capabilityId() == null ? "(no capability)" : m.capabilityId(),
                m.capabilityDescription(), technique);
    }

    private void mappingsBySet(StringBuilder b, List<Mapping> mappings, Function<Mapping, Headline> headline) {
        for (List<Mapping> ofSet : bySet(mappings)) {
            b.append(setHeading(ofSet.get(0).set()));
            // Exact duplicates (official files contain some) are shown once, at the first copy, with their count.
            for (List<Mapping> copies : Mapping.withCopies(ofSet)) {
                Mapping first = copies.get(0);
                mapping(b, first, headline.apply(first), copies.size());
            }
        }
    }

    /**
     * The mappings by set, in the order the sets first come. A report's mappings come in runs of a set, which are
     * returned as views of the list; no map and no copies, as show of every technique groups ~30,000 runs.
     */
    private static Collection<List<Mapping>> bySet(List<Mapping> mappings) {
        List<List<Mapping>> runs = new ArrayList<>();
        for (int start = 0, end; start < mappings.size(); start = end) {
            MappingSet set = mappings.get(start).set();
            end = start + 1;
            while (end < mappings.size() && mappings.get(end).set() == set) {
                end++;
            }
            for (List<Mapping> run : runs) {
                if (run.get(0).set().equals(set)) { // a set in two runs: gathered, as a map does it
                    Map<MappingSet, List<Mapping>> gathered = new LinkedHashMap<>();
                    for (Mapping m : mappings) {
                        Groups.listIn(gathered, m.set()).add(m);
                    }
                    return gathered.values();
                }
            }
            runs.add(mappings.subList(start, end));
        }
        return runs;
    }

    /** A set's heading: its framework, and its name and file on the same line when they fit. Made once per set. */
    private String setHeading(MappingSet set) {
        String heading = setHeadings.get(set);
        if (heading == null) {
            String framework = Text.line(set.framework());
            String name = Text.line(set.key().toString());
            String source = Text.line(options.source(set.source()));
            StringBuilder b = new StringBuilder().append('\n').append(style(Role.ACCENT, framework)).append("  ");
            if (framework.length() + 2 + name.length() + 3 + source.length() <= options.width()) {
                b.append(style(Role.MUTED, name + " · " + source));
            } else { // the file's name under the set's, so that the line fits (a path with --verbose may not)
                b.append(style(Role.MUTED, name)).append('\n').append(" ".repeat(framework.length() + 2))
                        .append(style(Role.MUTED, "· " + source));
            }
            heading = b.append('\n').toString();
            setHeadings.put(set, heading);
        }
        return heading;
    }

    private void mapping(StringBuilder b, Mapping m, Headline headline, long copies) {
        String title = Text.line(headline.title());
        String description = headline.subtitle() == null || headline.subtitle().equals(headline.title())
                ? "" : Text.line(headline.subtitle());
        b.append("  ").append(style(Role.HEADING, title));
        if (!description.isEmpty()) {
            if (2 + title.length() + 2 + description.length() <= options.width()) {
                b.append("  ").append(description);
            } else {
                b.append('\n');
                indented(b, "    ", description);
                b.setLength(b.length() - 1);
            }
        }
        b.append('\n');
        facts.clear();
        facts.add(new Fact(m.nonMappable() ? "non-mappable" : Text.line(m.type().displayName()), Role.MUTED));
        if (m.scoreCategory() != null) {
            facts.add(new Fact(Text.line(m.scoreCategory()), Role.MUTED));
        }
        if (m.scoreValue() != null) {
            facts.add(new Fact(Text.line(m.scoreValue()), null));
        }
        if (m.attackObjectName() != null && !m.attackObjectName().equals(headline.techniqueName())) {
            facts.add(new Fact("mapped as \"" + Text.line(m.attackObjectName()) + "\"", Role.MUTED));
        }
        Technique technique = headline.technique();
        if (technique != null && technique.stixId() != null && !AttackDomain.normalise(technique.domain())
                .equals(AttackDomain.normalise(m.set().domain()))) {
            facts.add(new Fact("from a file of another domain: " + Text.line(AttackDomain.displayName(
                    m.set().domain())) + ", but " + technique.id() + " is ATT&CK "
                    + AttackDomain.displayName(technique.domain()), Role.WARNING));
        }
        if (copies > 1) {
            facts.add(new Fact("x" + copies + ": exact duplicates in the source file", Role.MUTED));
        }
        factLine(b, facts);
        if (m.comments() != null && !m.comments().isBlank()) {
            indented(b, "    ", m.comments());
        }
        if (m.references() != null && !m.references().isEmpty()) {
            for (String ref : m.references()) {
                b.append("    ").append(style(Role.MUTED, "ref "));
                reference(b, Text.line(ref));
            }
        }
    }

    /**
     * A mapping's reference after "ref ": as it is when it fits; else (some official values hold two URLs, or a
     * word before one) a line per word that does not fit, never cutting a word, so that every URL stays whole.
     */
    private void reference(StringBuilder b, String ref) {
        String indent = "        ";
        int room = options.width() - indent.length();
        if (ref.length() <= room) {
            b.append(ref).append('\n');
            return;
        }
        int used = 0; // columns of the current line after the indent
        int i = 0;
        while (i < ref.length()) {
            while (i < ref.length() && Character.isWhitespace(ref.charAt(i))) {
                i++;
            }
            int end = i;
            while (end < ref.length() && !Character.isWhitespace(ref.charAt(end))) {
                end++;
            }
            if (end > i) {
                if (used > 0 && used + 1 + end - i > room) {
                    b.append('\n').append(indent);
                    used = 0;
                } else if (used > 0) {
                    b.append(' ');
                    used++;
                }
                b.append(ref, i, end);
                used += end - i;
            }
            i = end;
        }
        b.append('\n');
    }

    /** A fact about a mapping as the table shows it: its text, styled in its role (null: a score level). */
    private record Fact(String text, Role role) {
    }

    private String paint(Fact fact, String text) {
        return fact.role() == null ? options.style().score(Score.of(fact.text()), text) : style(fact.role(), text);
    }

    /**
     * A mapping's facts on a line under it, {@code " · "} between them; when they do not fit the width, the line
     * breaks between two facts and goes on after {@code "· "}, and a fact longer than a line is wrapped itself.
     */
    private void factLine(StringBuilder b, List<Fact> facts) {
        String indent = "    ";
        int room = options.width() - indent.length();
        int used = 0; // columns of the current line after the indent
        b.append(indent);
        for (int f = 0; f < facts.size(); f++) { // by index: C1's code allocates each iterator, once per mapping here
            Fact fact = facts.get(f);
            int length = fact.text().length();
            if (used > 0 && used + 3 + length > room) {
                b.append('\n').append(indent).append(style(Role.MUTED, "·")).append(' ');
                used = 2;
            } else if (used > 0) {
                b.append(style(Role.MUTED, " · "));
                used += 3;
            }
            if (used + length <= room) {
                b.append(paint(fact, fact.text()));
                used += length;
                continue;
            }
            List<String> lines = Text.wrap(fact.text(), room - 2);
            for (int i = 0; i < lines.size(); i++) {
                b.append(i == 0 ? "" : "\n" + indent + "  ").append(paint(fact, lines.get(i)));
            }
            used = 2 + lines.get(lines.size() - 1).length();
        }
        b.append('\n');
    }

    @Override
    public String capability(CapabilityReport report) {
        Capability c = report.capability();
        StringBuilder b = new StringBuilder();
        b.append(style(Role.HEADING, Text.line(c.id()))).append('\n');
        if (c.description() != null && !c.description().equals(c.id())) {
            indented(b, "  ", c.description());
        }
        b.append('\n');
        field(b, "Framework", c.framework());
        if (c.group() != null && !c.group().equals(c.id())) {
            field(b, "Group", c.group());
        }
        List<Mapping> mappings = report.mappings();
        long sets = mappings.stream().map(Mapping::set).distinct().count();
        b.append('\n').append(style(Role.HEADING, "Mappings")).append("  ");
        if (mappings.isEmpty()) {
            b.append("none in the ").append(count(report.sets().size(), "set")).append(" searched\n");
            indented(b, "  ", "It is in " + report.knownIn().stream().map(s -> s.key().toString())
                    .collect(Collectors.joining(", ")) + ": try --all-versions, or fewer filters.");
        } else {
            b.append(count(mappings.size(), "mapping")).append(" to ").append(count(report.techniques().size(),
                    "technique")).append(" from ").append(count(sets, "set")).append('\n');
        }
        Map<String, Technique> techniques = new LinkedHashMap<>();
        report.techniques().forEach(t -> techniques.put(t.id(), t));
        mappingsBySet(b, mappings, m -> {
            Technique t = techniques.get(m.techniqueId());
            return t == null ? new Headline("(no technique)", null, null) : new Headline(t.id(), t.name(), t);
        });
        return b.toString();
    }

    @Override
    public String search(SearchReport report) {
        StringBuilder b = new StringBuilder();
        b.append(style(Role.HEADING, "Search \"" + Text.line(report.query()) + "\"")).append("  ")
                .append(count(report.total(), "hit"));
        if (report.total() > report.results().size()) {
            b.append(", the best ").append(report.results().size()).append(" (--limit N for more)");
        }
        b.append("\n\n");
        int kindWidth = 12;
        String pad = " ".repeat(kindWidth);
        for (SearchHit hit : report.results()) {
            String title = switch (hit.kind()) {
                case TECHNIQUE -> hit.technique().id() + "  " + Objects.requireNonNullElse(hit.technique().name(), "")
                        + status(hit.technique());
                case CAPABILITY -> hit.capability().id() + "  " + Objects.requireNonNullElse(
                        hit.capability().description(), "") + "  (" + hit.capability().framework() + ")";
                case MAPPING -> Objects.requireNonNullElse(hit.mapping().capabilityId(), "(no capability)") + " -> "
                        + Objects.requireNonNullElse(hit.mapping().attackObjectId(), "(no technique)") + "  "
                        + Objects.requireNonNullElse(hit.mapping().attackObjectName(), "");
            };
            b.append(style(Role.ACCENT, String.format("%-" + kindWidth + "s", hit.kind().label())))
                    .append(style(Role.HEADING, cut(Text.line(title), options.width() - kindWidth))).append('\n');
            String where = hit.kind() == SearchHit.Kind.MAPPING
                    ? Text.line(hit.mapping().set().key().toString()) + " · comments: "
                            + snippet(hit.mapping().comments(), report.query())
                    : "matched " + String.join(", ", hit.matchedIn()) + " · " + count(hit.mappingCount(), "mapping");
            b.append(pad).append(style(Role.MUTED, cut(where, options.width() - kindWidth))).append('\n');
        }
        return b.toString();
    }

    /** A piece of the text around the first word of the query, on one line. */
    private static String snippet(String text, String query) {
        String line = Text.line(text);
        String first = query.strip().split("[^\\p{L}\\p{N}]+")[0].toLowerCase(Locale.ROOT);
        int at = line.toLowerCase(Locale.ROOT).indexOf(first);
        int start = Math.max(0, at - 12);
        return (start > 0 ? "…" : "") + line.substring(start);
    }

    @Override
    public String frameworks(FrameworkList report) {
        Columns table = new Columns("FRAMEWORK", "VERSION", "ATT&CK", "DOMAIN", "MAPPINGS>", "DEFAULT", "SOURCE");
        report.rows().forEach(row -> table.add(row.set().framework(), row.set().frameworkVersion(),
                row.set().attackVersion(), row.set().domain(), String.valueOf(row.mappingCount()),
                row.isDefault() ? "yes" : "", row.set().source().label()));
        return table.render(options.width(), true) + listSummary(report.rows().size(), "set",
                report.rows().stream().mapToLong(FrameworkList.Row::mappingCount).sum());
    }

    @Override
    public String dataHome(DataHomeReport report) {
        Columns table = new Columns("STATE", "FILE", "SIZE>", "INSTALLED", "NEWER");
        report.rows().forEach(row -> table.add(row.state().label(), row.label(), Sizes.of(row.size()),
                Objects.requireNonNullElse(row.installed(), ""), Objects.requireNonNullElse(row.newer(), "")));
        long bytes = report.rows().stream().mapToLong(row -> Math.max(row.size(), 0)).sum();
        return table.render(options.width(), true) + style(Role.MUTED, count(report.rows().size(), "file") + ", "
                + Sizes.of(bytes) + " in " + report.dataHome()) + "\n";
    }

    @Override
    public String capabilities(CapabilityList report) {
        Columns table = new Columns("FRAMEWORK", "MAPPINGS>", "CAPABILITY");
        report.rows().forEach(row -> table.add(row.capability().framework(), String.valueOf(row.mappingCount()),
                row.capability().id() + (row.capability().description() == null
                        || row.capability().description().equals(row.capability().id())
                        ? "" : " · " + row.capability().description())));
        return table.render(options.width(), false) + listSummary(report.rows().size(), "capability",
                report.rows().stream().mapToLong(CapabilityList.Row::mappingCount).sum());
    }

    @Override
    public String techniques(TechniqueList report) {
        Columns table = new Columns("ID", "MAPPINGS>", "NAME");
        report.rows().forEach(row -> table.add(row.technique().id(), String.valueOf(row.mappingCount()),
                Objects.requireNonNullElse(row.technique().name(), "") + status(row.technique())));
        return table.render(options.width(), false) + listSummary(report.rows().size(), "technique",
                report.rows().stream().mapToLong(TechniqueList.Row::mappingCount).sum());
    }

    @Override
    public String tactics(TacticList report) {
        Columns table = new Columns("DOMAIN", "ID", "SHORTNAME", "TECHNIQUES>", "MAPPINGS>", "NAME");
        report.rows().forEach(row -> table.add(AttackDomain.displayName(row.tactic().domain()), row.tactic().id(),
                row.tactic().shortname(), String.valueOf(row.techniqueCount()), String.valueOf(row.mappingCount()),
                row.tactic().name() + (row.tactic().deprecated() ? " (deprecated)" : "")));
        return table.render(options.width(), false) + listSummary(report.rows().size(), "tactic", -1);
    }

    /** One line cut to the width, with an ellipsis when cut. */
    private static String cut(String line, int width) {
        return line.length() <= width ? line : line.substring(0, width - 1) + "…";
    }

    private static String status(Technique t) {
        return t.active() ? "" : t.revoked() ? "  (revoked)" : "  (deprecated)";
    }

    /** "References", then each note: its number and title, and its URL on the next line. */
    private void references(StringBuilder b, Footnotes notes) {
        if (notes.notes().isEmpty()) {
            return;
        }
        b.append('\n').append("  ").append(style(Role.HEADING, "References")).append('\n');
        int numberWidth = String.valueOf(notes.notes().size()).length() + 3;
        String pad = " ".repeat(2 + numberWidth);
        for (Footnotes.Note note : notes.notes()) {
            String number = "[" + note.number() + "]";
            List<String> title = Text.wrap(note.title(), options.width() - pad.length());
            for (int i = 0; i < title.size(); i++) {
                b.append(i == 0 ? "  " + number + " ".repeat(numberWidth - number.length()) : pad)
                        .append(title.get(i)).append('\n');
            }
            if (note.url() != null) {
                b.append(pad).append(style(Role.MUTED, Text.line(note.url()))).append('\n');
            }
        }
    }

    /** The closing line of a listing: how many rows and, when it means something, how many mappings. */
    private String listSummary(int rows, String noun, long mappings) {
        return style(Role.MUTED, count(rows, noun) + (mappings < 0 ? "" : ", " + count(mappings, "mapping"))) + "\n";
    }

    static String count(long n, String noun) {
        String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies"
                : noun.endsWith("ch") ? noun + "es" : noun + "s";
        return n + " " + (n == 1 ? noun : plural);
    }

    void field(StringBuilder b, String label, String value) {
        fieldLines(b, label, Text.wrap(value, options.width() - LABEL_WIDTH));
    }

    /**
     * A field listing items ("-" for none), wrapped between them: an item ("M1032 Multi-factor Authentication")
     * stays whole on a line unless it is longer than a line.
     */
    void listField(StringBuilder b, String label, List<String> items) {
        int room = options.width() - LABEL_WIDTH;
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            String item = Text.line(items.get(i)) + (i < items.size() - 1 ? "," : "");
            if (line.length() > 0 && line.length() + 1 + item.length() > room) {
                lines.addAll(Text.wrap(line.toString(), room));
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(item);
        }
        lines.addAll(Text.wrap(line.length() == 0 ? "-" : line.toString(), room));
        fieldLines(b, label, lines);
    }

    private void fieldLines(StringBuilder b, String label, List<String> lines) {
        String pad = " ".repeat(LABEL_WIDTH);
        for (int i = 0; i < lines.size(); i++) {
            if (i == 0) {
                b.append(style(Role.MUTED, label + " ".repeat(Math.max(0, LABEL_WIDTH - label.length()))));
            } else {
                b.append(pad);
            }
            b.append(lines.get(i)).append('\n');
        }
    }

    /** {@code head}, two spaces and {@code text} wrapped, the lines after the first indented to the text. */
    void hanging(StringBuilder b, String indent, String head, String text) {
        String pad = " ".repeat(indent.length() + head.length() + 2);
        List<String> lines = Text.wrap(text, Math.max(options.width() - pad.length(), 20));
        for (int i = 0; i < lines.size(); i++) {
            b.append(i == 0 ? indent + head + "  " : pad).append(lines.get(i)).append('\n');
        }
    }

    RenderOptions options() {
        return options;
    }

    void indented(StringBuilder b, String indent, String text) {
        int length = text == null ? 0 : text.length();
        if (wrapBuffer.length < length) {
            wrapBuffer = new char[Math.max(length, 2 * wrapBuffer.length)];
        }
        if (text != null) {
            text.getChars(0, length, wrapBuffer, 0);
        }
        Text.wrapInto(b, indent, wrapBuffer, length, options.width() - indent.length());
    }

    String style(Role role, String text) {
        return options.style().paint(role, text);
    }
}
