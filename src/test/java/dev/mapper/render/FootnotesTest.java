package dev.mapper.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mapper.model.ExternalReference;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ATT&CK's citation and link markup, as footnotes and, where there is no list of notes, left out. */
class FootnotesTest {

    private static final String TEXT = "[APT29](https://attack.mitre.org/groups/G0016) used it.(Citation: Mandiant)"
            + " Later too \t(Citation: CISA 2021) and [a link](https://example.com/x).";

    @Test
    void withoutNotesDropsCitationsWithTheSpaceBeforeThemAndKeepsLinkText() {
        assertThat(Footnotes.withoutNotes(TEXT)).isEqualTo("APT29 used it. Later too and a link.");
    }

    @Test
    void withoutNotesLeavesTextThatOnlyLooksLikeMarkupAlone() {
        assertThat(Footnotes.withoutNotes("[not a link] (x y) [spaced](a b) (Citation: unclosed"))
                .isEqualTo("[not a link] (x y) [spaced](a b) (Citation: unclosed");
        assertThat(Footnotes.withoutNotes(null)).isEmpty();
    }

    @Test
    void plainNumbersEachSourceOnceInTheOrderOfFirstAppearance() {
        Footnotes notes = new Footnotes(List.of(new ExternalReference("Mandiant", "https://example.com/m", null)));
        assertThat(notes.plain(TEXT + " Again.(Citation: Mandiant)"))
                .isEqualTo("APT29[1] used it.[2] Later too \t[3] and a link[4]. Again.[2]");
        assertThat(notes.notes()).extracting(Footnotes.Note::title, Footnotes.Note::url).containsExactly(
                org.assertj.core.groups.Tuple.tuple("APT29", "https://attack.mitre.org/groups/G0016"),
                org.assertj.core.groups.Tuple.tuple("Mandiant", "https://example.com/m"),
                org.assertj.core.groups.Tuple.tuple("CISA 2021", null),
                org.assertj.core.groups.Tuple.tuple("a link", "https://example.com/x"));
    }
}
