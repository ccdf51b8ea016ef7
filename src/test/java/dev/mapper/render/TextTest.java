package dev.mapper.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What data may send to a terminal, and how text wraps to a width. */
class TextTest {

    private static final String REPLACED = "\uFFFD";

    @Test
    void controlCharactersAreReplacedAtTheEdgesOfEachRange() {
        assertThat(Text.safe("a\u0000b\u001fc")).isEqualTo("a" + REPLACED + "b" + REPLACED + "c");
        assertThat(Text.safe(" ~")).as("space and tilde are text").isEqualTo(" ~");
        assertThat(Text.safe("\u007f\u0080\u009f")).isEqualTo(REPLACED.repeat(3));
        assertThat(Text.safe("\u007e\u00a0é")).as("either side of DEL..C1").isEqualTo("\u007e\u00a0é");
        assertThat(Text.safe("\u001b[31mred")).isEqualTo(REPLACED + "[31mred");
    }

    @Test
    void bidirectionalControlsAreReplacedAndTheirNeighboursKept() {
        assertThat(Text.safe("\u202a\u202e\u2066\u2069")).isEqualTo(REPLACED.repeat(4));
        assertThat(Text.safe("\u2029\u202f\u2065\u206a")).isEqualTo("\u2029\u202f\u2065\u206a");
    }

    @Test
    void tabsBecomeSpacesAndNewlinesStayUntilALineIsAsked() {
        assertThat(Text.safe("a\tb\nc")).isEqualTo("a b\nc");
        assertThat(Text.safe(null)).isEmpty();
        assertThat(Text.safe("plain")).isEqualTo("plain");
        assertThat(Text.line("  one\ntwo\u0007  ")).isEqualTo("one two" + REPLACED);
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
    }

    @Test
    void paragraphBreaksAreKeptOnceAndNeverLead() {
        assertThat(Text.wrap("one\n\n\n\ntwo", 10)).containsExactly("one", "", "two");
        assertThat(Text.wrap("\n\none", 10)).containsExactly("one");
        assertThat(Text.wrap("one\ntwo", 10)).containsExactly("one", "two");
    }
}
