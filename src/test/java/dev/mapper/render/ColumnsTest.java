package dev.mapper.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The aligned tables of {@code list}: widths, alignment, and a last column that always fits. */
class ColumnsTest {

    @Test
    void columnsAreAsWideAsTheirWidestCellAndCountsAlignRight() {
        Columns table = new Columns("ID", "MAPPINGS>", "NAME");
        table.add("T1", "7", "First");
        table.add("T1528", "1234567890", null);

        assertThat(table.render(80, false)).isEqualTo("""
                ID       MAPPINGS  NAME
                T1              7  First
                T1528  1234567890  -
                """);
    }

    @Test
    void aLongLastCellWrapsUnderItself() {
        Columns table = new Columns("A", "TEXT");
        table.add("x", "one two three four five six");

        // "x  " takes 3 columns: at a width of 21, 18 are left, just enough for "one two three four".
        assertThat(table.render(21, false)).isEqualTo("""
                A  TEXT
                x  one two three four
                   five six
                """);
        assertThat(table.render(20, false)).contains("x  one two three\n   four five six\n");
    }

    @Test
    void theLastColumnGoesUnderTheOthersWhenTheyLeaveItFewerThanTwelveColumns() {
        Columns table = new Columns("FIRST", "TEXT");
        table.add("a-first-cell-of-thirty-chars--", "twelve chars and more");
        table.add("short", "wrapped to the whole width, less an indent");

        assertThat(table.render(36, false)).isEqualTo("""
                FIRST
                    TEXT
                a-first-cell-of-thirty-chars--
                    twelve chars and more
                short
                    wrapped to the whole width, less
                    an indent
                """);
    }

    @Test
    void aPathThatDoesNotFitMovesToItsOwnLineAndIsCutAtItsStart() {
        Columns table = new Columns("NAME", "SOURCE");
        table.add("aws", "/short.json");
        table.add("gcp", "/a/very/long/path/to/the/mappings/gcp.json");

        assertThat(table.render(40, true)).isEqualTo("""
                NAME  SOURCE
                aws   /short.json
                gcp
                  /a/very/long/path/to/the/mappings/gcp.json
                """.replace("  /a/very/long/path/to/the/mappings/gcp.json",
                "  …ry/long/path/to/the/mappings/gcp.json"));
        assertThat(table.render(60, true)).contains("gcp   /a/very/long/path/to/the/mappings/gcp.json\n");
        assertThat(table.render(45, true)).contains("gcp\n  /a/very/long/path/to/the/mappings/gcp.json\n");
    }

    @Test
    void anEmptyTableSaysSo() {
        assertThat(new Columns("A", "B").render(80, false)).isEqualTo("(none)\n");
    }

    @Test
    void dataCannotReachTheTerminalRaw() {
        Columns table = new Columns("A", "B");
        table.add("x\u001b[2J", "line one\nline two");

        assertThat(table.render(80, false)).isEqualTo("A" + " ".repeat(11) + "B\nx\\u001b[2J  line one line two\n");
    }
}
