package dev.mapper.render;

import dev.mapper.model.ExternalReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    private static final String CITATION = "(Citation:";

    private final List<ExternalReference> references;
    private Map<String, ExternalReference> sources; // by source name, made when the first citation is met
    private final Map<String, Note> notesByKey = new HashMap<>();
    private final List<Note> notes = new ArrayList<>();

    Footnotes(List<ExternalReference> references) {
        this.references = references;
    }

    /**
     * The text cut into plain pieces and markers: each {@code (Citation: Name)} ({@code \(Citation: *([^)]*)\)})
     * and each {@code [text](url)} ({@code \[([^\]]*)]\(([^)\s]*)\)}), leftmost first, found with indexOf rather
     * than a regular expression: show of every technique splits a thousand paragraphs, most in a cold JVM.
     */
    List<Piece> split(String text) {
        List<Piece> pieces = new ArrayList<>();
        if (!text.contains(CITATION) && !text.contains("](")) {
            pieces.add(new Plain(text)); // most paragraphs
            return pieces;
        }
        int at = 0;
        int citation = nextCitation(text, 0);
        int link = nextLink(text, 0);
        while (citation >= 0 || link >= 0) {
            boolean isCitation = link < 0 || citation >= 0 && citation < link;
            int start = isCitation ? citation : link;
            if (start > at) {
                pieces.add(new Plain(text.substring(at, start)));
            }
            if (isCitation) {
                int close = text.indexOf(')', start + CITATION.length());
                String name = text.substring(start + CITATION.length(), close).strip();
                ExternalReference source = source(name);
                pieces.add(new Marker(note("citation:" + name, name, source == null ? null : source.url()), null));
                at = close + 1;
            } else {
                int close = text.indexOf(']', start + 1);
                int end = linkEnd(text, start);
                String linkText = text.substring(start + 1, close);
                String url = text.substring(close + 2, end - 1);
                pieces.add(new Marker(note("link:" + url, linkText, url), linkText));
                at = end;
            }
            if (citation >= 0 && citation < at) {
                citation = nextCitation(text, at);
            }
            if (link >= 0 && link < at) {
                link = nextLink(text, at);
            }
        }
        if (at < text.length()) {
            pieces.add(new Plain(text.substring(at)));
        }
        return pieces;
    }

    /** Where the next citation from {@code from} starts (one that is closed), or -1. */
    private static int nextCitation(String text, int from) {
        int start = text.indexOf(CITATION, from);
        return start >= 0 && text.indexOf(')', start + CITATION.length()) >= 0 ? start : -1;
    }

    /** Where the next link from {@code from} starts, or -1. */
    private static int nextLink(String text, int from) {
        for (int start = text.indexOf('[', from); start >= 0; start = text.indexOf('[', start + 1)) {
            if (linkEnd(text, start) >= 0) {
                return start;
            }
        }
        return -1;
    }

    /**
     * The end (after its closing parenthesis) of a link at {@code start}, or -1: text up to the first {@code ]}, then
     * {@code (}, a URL without white space and {@code )}.
     */
    private static int linkEnd(String text, int start) {
        int close = text.indexOf(']', start + 1);
        if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != '(') {
            return -1;
        }
        for (int i = close + 2; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ')') {
                return i + 1;
            }
            if (isSpace(c)) {
                return -1;
            }
        }
        return -1;
    }

    /** White space as a regular expression's {@code \s} means it. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    /**
     * The text for a reader with no list of notes: each citation left out with the white space before it, each link
     * as its text; "" for null. The same markup {@link #split} finds.
     */
    static String withoutNotes(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        for (Piece piece : new Footnotes(List.of()).split(text)) {
            if (piece instanceof Plain plain) {
                b.append(plain.text());
            } else if (piece instanceof Marker marker && marker.linkText() != null) {
                b.append(marker.linkText());
            } else {
                int end = b.length();
                while (end > 0 && isSpace(b.charAt(end - 1))) {
                    end--;
                }
                b.setLength(end);
            }
        }
        return b.toString();
    }

    /** The first of the object's references with this source name, or null. */
    private ExternalReference source(String name) {
        if (sources == null) {
            sources = new HashMap<>();
            for (ExternalReference ref : references) { // not forEach: a lambda is ~0.1 ms to link in a cold JVM
                sources.putIfAbsent(ref.sourceName(), ref);
            }
        }
        return sources.get(name);
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
