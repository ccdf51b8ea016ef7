package dev.mapper.render;

import dev.mapper.model.ExternalReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ATT&CK's prose as a reader wants it: each {@code (Citation: Name)} a numbered footnote whose note is the cited
 * source ({@code source_name} and URL from the object's {@code external_references}), each Markdown link
 * {@code [text](url)} its text with the URL kept as a note. Numbers are given in the order of first appearance, one
 * per source or URL, across every text split with the same instance; the notes are those of the text split so far.
 */
final class Footnotes {

    /** A numbered note: the cited source's name (or a link's text) and its URL (null when the data has none). */
    record Note(int number, String title, String url) {
    }

    /** A piece of a text: plain text, or a footnote marker (after the link text, for a link). */
    sealed interface Piece permits Plain, Marker {
    }

    record Plain(String text) implements Piece {
    }

    /** {@code linkText} is null for a citation. */
    record Marker(Note note, String linkText) implements Piece {
    }

    private static final Pattern CITATION_OR_LINK =
            Pattern.compile("\\(Citation: *([^)]*)\\)|\\[([^\\]]*)]\\(([^)\\s]*)\\)");

    private final Map<String, ExternalReference> sources = new HashMap<>();
    private final Map<String, Note> notesByKey = new HashMap<>();
    private final List<Note> notes = new ArrayList<>();

    Footnotes(List<ExternalReference> references) {
        for (ExternalReference ref : references) { // not forEach: a lambda is ~0.1 ms to link in a cold JVM
            sources.putIfAbsent(ref.sourceName(), ref);
        }
    }

    /** The text cut into plain pieces and markers. */
    List<Piece> split(String text) {
        List<Piece> pieces = new ArrayList<>();
        if (!text.contains("(Citation:") && !text.contains("](")) {
            pieces.add(new Plain(text)); // most paragraphs: no need for the pattern
            return pieces;
        }
        Matcher m = CITATION_OR_LINK.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                pieces.add(new Plain(text.substring(at, m.start())));
            }
            if (m.group(1) != null) {
                String name = m.group(1).strip();
                ExternalReference source = sources.get(name);
                pieces.add(new Marker(note("citation:" + name, name, source == null ? null : source.url()), null));
            } else {
                String url = m.group(3);
                pieces.add(new Marker(note("link:" + url, m.group(2), url), m.group(2)));
            }
            at = m.end();
        }
        if (at < text.length()) {
            pieces.add(new Plain(text.substring(at)));
        }
        return pieces;
    }

    /** The text for a terminal: markers as {@code [n]}, links as their text followed by {@code [n]}. */
    String plain(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (Piece piece : split(text)) {
            if (piece instanceof Plain plain) {
                b.append(plain.text());
            } else if (piece instanceof Marker marker) {
                if (marker.linkText() != null) {
                    b.append(marker.linkText());
                }
                b.append('[').append(marker.note().number()).append(']');
            }
        }
        return b.toString();
    }

    /** The notes of the texts split so far, by number. */
    List<Note> notes() {
        return List.copyOf(notes);
    }

    private Note note(String key, String title, String url) {
        return notesByKey.computeIfAbsent(key, k -> {
            Note note = new Note(notes.size() + 1, title, url);
            notes.add(note);
            return note;
        });
    }
}
