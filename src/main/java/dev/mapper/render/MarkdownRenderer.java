package dev.mapper.render;

import dev.mapper.model.DiffReport;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingField;
import dev.mapper.model.Report;
import dev.mapper.model.SelectionReport;
import dev.mapper.model.Technique;
import dev.mapper.model.TechniqueReport;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code --format markdown}: for wikis and pull requests. A heading, the facts as a list, and one table row per
 * mapping. Text from the data is made safe: control characters neutralised, newlines folded, Markdown and HTML
 * punctuation escaped so that data cannot add links, markup or table cells.
 */
final class MarkdownRenderer implements Renderer, Report.Visitor<String> {

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
            fact(b, "ATT&CK", t.domain() + " " + t.attackVersion());
            if (t.url() != null && SAFE_URL.matcher(t.url()).matches()) {
                b.append("- **URL**: <").append(t.url()).append(">\n");
            }
        } else {
            fact(b, "ATT&CK", "no ATT&CK data loaded for this ID; name from the mapping files");
        }
        if (t.revoked()) {
            fact(b, "Revoked", t.revokedBy() == null ? "yes" : "yes, by " + t.revokedBy());
        }
        b.append("\n## Mappings (").append(report.mappings().size()).append(")\n\n");
        mappingTable(b, report.mappings());
        return b.toString();
    }

    @Override
    public String diff(DiffReport report) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(escape(report.oldSet().key() + " → " + report.newSet().key())).append("\n\n");
        fact(b, "Old", report.oldSet().source().label() + " · " + report.oldMappings() + " mappings");
        fact(b, "New", report.newSet().source().label() + " · " + report.newMappings() + " mappings");
        fact(b, "ATT&CK", report.attackReleases().stream().map(r -> r.domain() + " " + r.version())
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
    private static final java.util.regex.Pattern SAFE_URL =
            java.util.regex.Pattern.compile("https://[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]+");

    @Override
    public String selection(SelectionReport report) {
        StringBuilder b = new StringBuilder("# Mappings (").append(report.mappings().size()).append(")\n\n");
        fact(b, "Mapping sets", report.sets().stream().map(set -> set.key().toString())
                .collect(Collectors.joining(", ")));
        b.append('\n');
        mappingTable(b, report.mappings());
        return b.toString();
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
        String line = Text.line(s);
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
