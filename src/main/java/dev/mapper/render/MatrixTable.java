package dev.mapper.render;

import dev.mapper.model.AttackDomain;
import dev.mapper.model.MatrixReport;
import dev.mapper.model.MatrixReport.Cell;
import dev.mapper.model.MatrixReport.Column;
import dev.mapper.model.MatrixReport.Shade;
import dev.mapper.model.Scoring;
import dev.mapper.model.Technique;
import dev.mapper.render.Style.Role;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The matrix in the terminal. Tactics are columns; each cell is a shade symbol, the technique ID (a sub-technique
 * listed beneath its parent as {@code .001}), {@code +} when sub-techniques are folded into it, and its name; in
 * colour, on its shade's colour (the HTML report's palette) as deep as the terminal allows. To fit
 * the width it tries, for one band of columns, then two and so on: full names, names cut short (at least
 * {@value #MIN_NAME} characters), IDs only. Symbols carry the shade, so the table reads the same without colour.
 */
final class MatrixTable {

    /** Shorter than this, a name says too little to be worth its width: show IDs only instead. */
    static final int MIN_NAME = 10;

    /** Symbol, space, a five-character ID ({@code T1078}, or {@code  .001} for a sub-technique), marker. */
    private static final int ID_WIDTH = 8;

    private static final Map<Shade, String> SYMBOLS = new EnumMap<>(Map.of(
            Shade.NONE, "·", Shade.OUT_OF_SCOPE, " ", Shade.UNSCORED, "•",
            Shade.MINIMAL, "▒", Shade.PARTIAL, "▓", Shade.SIGNIFICANT, "█",
            Shade.COUNT_1, "░", Shade.COUNT_2, "▒", Shade.COUNT_4, "▓", Shade.COUNT_8, "█"));

    private final TableRenderer table;
    private final int width;
    private final Style style;

    MatrixTable(TableRenderer table, RenderOptions options) {
        this.table = table;
        this.width = options.width();
        this.style = options.style();
    }

    /** How cells are drawn: how many bands, how wide a column, and whether names are shown. */
    record Layout(int bands, int columnWidth, boolean names) {
    }

    String render(MatrixReport report) {
        StringBuilder b = new StringBuilder();
        header(b, report);
        List<Column> columns = report.columns();
        if (columns.isEmpty()) {
            b.append("\n(no tactics: the --tactic filter matches none of this domain's)\n");
        } else {
            Layout layout = layout(columns, report.subtechniquesExpanded());
            int perBand = (columns.size() + layout.bands() - 1) / layout.bands();
            for (int start = 0; start < columns.size(); start += perBand) {
                b.append('\n');
                band(b, report, columns.subList(start, Math.min(columns.size(), start + perBand)), layout);
            }
        }
        footer(b, report);
        return b.toString();
    }

    /** The first layout that fits, trying one band, then two, and so on; in each, names, cut names, then IDs. */
    Layout layout(List<Column> columns, boolean expanded) {
        int longestName = 0;
        for (Column column : columns) {
            for (Cell cell : column.cells()) {
                longestName = Math.max(longestName, nameLength(cell));
                if (expanded) {
                    for (Cell sub : cell.subtechniques()) {
                        longestName = Math.max(longestName, nameLength(sub));
                    }
                }
            }
        }
        for (int bands = 1; bands <= columns.size(); bands++) {
            int perBand = (columns.size() + bands - 1) / bands;
            int columnWidth = (width - (perBand - 1)) / perBand;
            if (columnWidth >= ID_WIDTH + 1 + Math.min(longestName, MIN_NAME)) {
                return new Layout(bands, Math.min(columnWidth, ID_WIDTH + 1 + longestName), true);
            }
            if (columnWidth >= ID_WIDTH) {
                return new Layout(bands, columnWidth, false);
            }
        }
        return new Layout(columns.size(), ID_WIDTH, false);
    }

    /** The shade's symbol, as every text format draws it. */
    static String symbol(Shade shade) {
        return SYMBOLS.get(shade);
    }

    private static int nameLength(Cell cell) {
        return Text.line(cell.technique().name()).length();
    }

    private void header(StringBuilder b, MatrixReport report) {
        b.append(table.style(Role.HEADING, "ATT&CK " + Text.line(report.release().displayName()) + " matrix"))
                .append('\n');
        table.selectionAndScope(b, report.caption().selection(), report.scope());
        table.field(b, "Sets", report.sets().isEmpty() ? "none selected" : report.sets().stream()
                .map(set -> set.key().toString()).collect(Collectors.joining(", ")));
        table.field(b, "Covered", report.covered() + " of " + report.total() + " "
                + (report.subtechniquesExpanded() ? "techniques and sub-techniques" : "techniques")
                + String.format(java.util.Locale.ROOT, " (%.1f%%)", report.percent()));
    }

    private void band(StringBuilder b, MatrixReport report, List<Column> columns, Layout layout) {
        int w = layout.columnWidth();
        List<String> names = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        List<List<String>> cells = new ArrayList<>();
        for (Column column : columns) {
            names.add(table.style(Role.HEADING, pad(cut(Text.line(column.tactic().name()), w), w)));
            counts.add(table.style(Role.MUTED, pad(cut(column.coverage().covered() + "/" + column.coverage().total(), w),
                    w)));
            List<String> lines = new ArrayList<>();
            for (Cell cell : column.cells()) {
                lines.add(cell(report, cell, false, layout));
                if (report.subtechniquesExpanded()) {
                    cell.subtechniques().forEach(sub -> lines.add(cell(report, sub, true, layout)));
                }
            }
            cells.add(lines);
        }
        line(b, names);
        line(b, counts);
        int rows = cells.stream().mapToInt(List::size).max().orElse(0);
        for (int row = 0; row < rows; row++) {
            List<String> line = new ArrayList<>();
            for (List<String> column : cells) {
                line.add(row < column.size() ? column.get(row) : " ".repeat(w));
            }
            line(b, line);
        }
    }

    private String cell(MatrixReport report, Cell cell, boolean sub, Layout layout) {
        Technique t = cell.technique();
        String id = Text.line(t.id());
        if (sub && t.parentId() != null && id.startsWith(t.parentId())) {
            id = " " + id.substring(t.parentId().length());
        }
        boolean folded = !report.subtechniquesExpanded() && !cell.subtechniques().isEmpty();
        String text = SYMBOLS.get(report.shade(cell)) + " " + pad(cut(id, 5), 5) + (folded ? "+" : " ");
        if (layout.names()) {
            text += " " + cut(Text.line(t.name()), layout.columnWidth() - ID_WIDTH - 1);
        }
        text = pad(text, layout.columnWidth());
        if (!cell.covered()) {
            return table.style(Role.MUTED, text);
        }
        Shade shade = report.shade(cell);
        return style.background(MatrixPalette.background(shade), style.foreground(MatrixPalette.text(shade), text));
    }

    private void footer(StringBuilder b, MatrixReport report) {
        b.append('\n');
        String legend = (report.scoring() == Scoring.COUNT ? "capabilities mapped: " : "strongest mapping: ")
                + report.legend().stream().map(s -> SYMBOLS.get(s) + " " + s.label()).collect(Collectors.joining(", "));
        if (!report.subtechniquesExpanded()) {
            legend += "; + sub-techniques folded in (--subtechniques lists them)";
        }
        table.field(b, "Legend", legend);
        if (!report.unplaced().isEmpty()) {
            int mappings = report.unplaced().stream().mapToInt(MatrixReport.Unplaced::mappingCount).sum();
            table.field(b, "Not shown", TableRenderer.count(mappings, "mapping") + " to techniques "
                    + "that are not in this matrix: " + report.unplaced().stream()
                    .map(u -> Text.line(u.technique().id()) + " (" + why(u.technique()) + ")")
                    .collect(Collectors.joining(", ")));
        }
        if (!report.otherDomains().isEmpty()) {
            table.field(b, "Other domains", "the selection also maps " + report.otherDomains().stream()
                    .map(AttackDomain::displayName).collect(Collectors.joining(", "))
                    + " techniques: see them with --domain " + report.otherDomains().get(0));
        }
        if (report.sampleOnly()) {
            table.field(b, "Note", "the ATT&CK data is mapper's bundled sample (T1528 only): load an ATT&CK "
                    + "bundle with --data for the whole matrix");
        }
    }

    /** Why a mapped technique has no cell. */
    static String why(Technique t) {
        if (t.revoked()) {
            return t.revokedBy() == null ? "revoked" : "revoked by " + Text.line(t.revokedBy());
        }
        if (t.deprecated()) {
            return "deprecated";
        }
        return t.stixId() == null ? "not in the loaded ATT&CK data" : "in no column shown";
    }

    private static void line(StringBuilder b, List<String> cells) {
        b.append(String.join(" ", cells).stripTrailing()).append('\n');
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : max <= 1 ? s.substring(0, max) : s.substring(0, max - 1) + "…";
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }
}
