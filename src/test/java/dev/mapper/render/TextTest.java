package dev.mapper.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What data may send to a terminal (the one neutralising of docs/limits.md, "Output safety"), and how text wraps
 * to a width.
 */
class TextTest {

    private static final String HOSTILE = "a\u001b]0;title\u0007b\u001b[2Jc\u009b2Jd\u0085e\u007ff\u202eg\u0000h";
    private static final String ESCAPED = "a\\u001b]0;title\\u0007b\\u001b[2Jc\\u009b2Jd\\u0085e\\u007ff\\u202eg\\u0000h";

    @Test
    void controlCharactersAreEscapedVisiblyInEveryTextFormat() {
        assertThat(Text.safe(HOSTILE)).isEqualTo(ESCAPED);
        assertThat(Text.line(HOSTILE)).isEqualTo(ESCAPED);
        assertThat(Text.cell(HOSTILE, false)).isEqualTo(ESCAPED);
        assertThat(Text.cell(HOSTILE, true)).isEqualTo(ESCAPED);
        assertThat(Text.safe("plain, ünïcödé and 漢字")).isEqualTo("plain, ünïcödé and 漢字");
    }

    @Test
    void controlCharactersAreEscapedAtTheEdgesOfEachRange() {
        assertThat(Text.safe("a\u0000b\u001fc")).isEqualTo("a\\u0000b\\u001fc");
        assertThat(Text.safe(" ~")).as("space and tilde are text").isEqualTo(" ~");
        assertThat(Text.safe("\u007f\u0080\u009f")).isEqualTo("\\u007f\\u0080\\u009f");
        assertThat(Text.safe("\u007e\u00a0é")).as("either side of DEL..C1").isEqualTo("\u007e\u00a0é");
    }

    @Test
    void bidirectionalControlsAreEscapedAndTheirNeighboursKept() {
        assertThat(Text.safe("\u202a\u202e\u2066\u2069")).isEqualTo("\\u202a\\u202e\\u2066\\u2069");
        assertThat(Text.safe("\u2029\u202f\u2065\u206a")).isEqualTo("\u2029\u202f\u2065\u206a");
    }

    @Test
    void lineEndsBecomeNewlines() {
        assertThat(Text.safe("one\r\ntwo\rthree\nfour")).isEqualTo("one\ntwo\nthree\nfour");
        assertThat(Text.line("one\r\ntwo\rthree")).isEqualTo("one two three");
        assertThat(Text.cell("one\r\ntwo\rthree", false)).isEqualTo("one\ntwo\nthree");
        assertThat(Text.wrap("one\r\ntwo", 40)).containsExactly("one", "two");
    }

    @Test
    void tabsAreSpacesForPeopleKeptInTsvAndEscapedInCsv() {
        assertThat(Text.safe("a\tb\nc")).isEqualTo("a b\nc");
        assertThat(Text.cell("a\tb\nc", true)).isEqualTo("a\tb\nc");
        assertThat(Text.cell("a\tb\nc", false)).isEqualTo("a\\u0009b\nc");
    }

    @Test
    void newlinesStayUntilALineIsAsked() {
        assertThat(Text.safe(null)).isEmpty();
        assertThat(Text.safe("plain")).isEqualTo("plain");
        assertThat(Text.line("  one\ntwo\u0007  ")).isEqualTo("one two\\u0007");
    }

    @Test
    void wrapFillsEachLineUpToTheWidthExactly() {
        assertThat(Text.wrap("aaa bbb ccc", 7)).containsExactly("aaa bbb", "ccc");
        assertThat(Text.wrap("aaa bbb ccc", 6)).containsExactly("aaa", "bbb", "ccc");
        assertThat(Text.wrap("aaa bbb ccc", 11)).containsExactly("aaa bbb ccc");
        assertThat(Text.wrap("aaa   bbb", 20)).as("runs of spaces fold").containsExactly("aaa bbb");
    }

    @Test
    void aWordLongerThanTheWidthIsCutAfterTheLineBeforeIt() {
        assertThat(Text.wrap("ab cdefghij k", 4)).containsExactly("ab", "cdef", "ghij", "k");
        assertThat(Text.wrap("abcd", 4)).containsExactly("abcd");
        assertThat(Text.wrap("abcde", 4)).containsExactly("abcd", "e");
        assertThat(Text.wrap("ab " + "x".repeat(25) + " cd", 10))
                .containsExactly("ab", "xxxxxxxxxx", "xxxxxxxxxx", "xxxxx cd");
    }

    @Test
    void paragraphBreaksAreKeptOnceAndNeverLead() {
        assertThat(Text.wrap("one\n\n\n\ntwo", 10)).containsExactly("one", "", "two");
        assertThat(Text.wrap("\n\none", 10)).containsExactly("one");
        assertThat(Text.wrap("one\ntwo", 10)).containsExactly("one", "two");
    }

    @Test
    void paragraphsAreCountedWhenOnlyTheFirstAreKept() {
        String text = "  one\nstill one  \n \t\n\ntwo\n\n\nthree\n  ";
        List<String> first = new java.util.ArrayList<>();

        assertThat(Text.paragraphs(text)).containsExactly("one\nstill one", "two", "three");
        assertThat(Text.paragraphs(text, first, 1)).isEqualTo(3);
        assertThat(first).containsExactly("one\nstill one");
        assertThat(Text.paragraphs(" \n\n ", first, 1)).isZero();
    }

    @Test
    void wrappedLinesHoldTheWholeText() {
        String text = "word ".repeat(100) + "z".repeat(1000);
        List<String> lines = Text.wrap(text, 33);

        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(33));
        assertThat(String.join("", lines).replace(" ", "")).isEqualTo(text.replace(" ", ""));
    }

    /**
     * The work of wrapping, counted as the bytes it allocates (the JVM's own count for this thread, not a clock),
     * grows with the text's length: eight times the text, about eight times the work. Cutting the rest of a long
     * word off at every line, as it once did, made it grow with the square (64 times).
     */
    @Test
    void wrappingIsLinearInTheTextLength() {
        int length = 200_000;
        String text = "x".repeat(length);
        String eightTimesTheText = text.repeat(8);
        Text.wrap("warm up " + text, 76);

        long once = allocatedBy(() -> Text.wrap(text, 76));
        long eightTimes = allocatedBy(() -> Text.wrap(eightTimesTheText, 76));

        assertThat((double) eightTimes / once).as("work for 8x the text / work for 1x").isLessThan(16);
        assertThat(eightTimes / (8 * length)).as("bytes allocated per character").isLessThan(50);
    }

    private static long allocatedBy(Runnable work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        work.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
