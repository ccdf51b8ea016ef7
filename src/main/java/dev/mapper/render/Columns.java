package dev.mapper.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain aligned table for listings: a header row, then the rows. Every column but the last is as wide as its
 * widest cell; the last takes what is left of the width, wrapped onto further lines, or for a path that does not fit
 * moved whole to the next line (cut at its start only if even that is too narrow). When the other columns leave the
 * last fewer than {@link #MIN_LAST} columns, it goes under them, indented, wrapped to the whole width. Either way
 * the table fits.
 */
final class Columns {

    /** Narrower than this, the last column would be unreadable; it then goes under the others. */
    private static final int MIN_LAST = 12;

    private static final String PATH_INDENT = "  ";

    /** The indent of a last column written under the others. */
    private static final String BELOW_INDENT = "    ";

    private final String[] headers;
    private final boolean[] right;
    private final List<String[]> rows = new ArrayList<>();

    /** A header ending in {@code >} is right-aligned (for counts); the marker is not shown. */
    Columns(String... headers) {
        this.headers = new String[headers.length];
        this.right = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            right[i] = headers[i].endsWith(">");
            this.headers[i] = right[i] ? headers[i].substring(0, headers[i].length() - 1) : headers[i];
        }
    }

    void add(String... cells) {
        String[] safe = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            safe[i] = cells[i] == null ? "-" : Text.line(cells[i]);
        }
        rows.add(safe);
    }

    /** The table; with {@code path} the last column is a path, never wrapped: its end says most. */
    String render(int width, boolean path) {
        if (rows.isEmpty()) {
            return "(none)\n";
        }
        int[] widths = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            widths[i] = headers[i].length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        int used = 0;
        for (int i = 0; i < headers.length - 1; i++) {
            used += widths[i] + 2;
        }
        int last = width - used >= MIN_LAST ? width - used : -1; // -1: under the other columns
        StringBuilder b = new StringBuilder();
        line(b, headers, widths, last, width, path);
        rows.forEach(row -> line(b, row, widths, last, width, path));
        return b.toString();
    }

    private void line(StringBuilder b, String[] cells, int[] widths, int last, int width, boolean path) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length - 1; i++) {
            String pad = " ".repeat(widths[i] - cells[i].length());
            line.append(right[i] ? pad + cells[i] : cells[i] + pad).append("  ");
        }
        String lastCell = cells[cells.length - 1];
        if (path && lastCell.length() > last) {
            int room = width - PATH_INDENT.length();
            b.append(line.toString().stripTrailing()).append('\n').append(PATH_INDENT).append(lastCell.length() <= room
                    ? lastCell : "…" + lastCell.substring(lastCell.length() - room + 1)).append('\n');
            return;
        }
        if (last < 0) {
            b.append(line.toString().stripTrailing()).append('\n');
            Text.wrapInto(b, BELOW_INDENT, lastCell, Math.max(width - BELOW_INDENT.length(), MIN_LAST));
            return;
        }
        List<String> lastLines = lastCell.length() <= last ? List.of(lastCell) : Text.wrap(lastCell, last);
        String indent = " ".repeat(line.length());
        for (int i = 0; i < lastLines.size(); i++) {
            b.append(((i == 0 ? line : indent) + lastLines.get(i)).stripTrailing()).append('\n');
        }
    }
}
