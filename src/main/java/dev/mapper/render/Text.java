package dev.mapper.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text helpers for human formats (and for messages on stderr, which quote data): neutralise what data must not
 * send to a terminal, and wrap to a width.
 */
public final class Text {

    private Text() {
    }

    /**
     * Replaces control characters (C0 except newline and tab, DEL, C1) with U+FFFD so that escape sequences carried
     * by data never reach the terminal, and bidirectional overrides and isolates too, so that data cannot make
     * what is shown read differently from what is there; tabs become spaces.
     */
    static String safe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f) || bidiControl(c);
            if (control || c == '\t') {
                if (out == null) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
                out.append(c == '\t' ? ' ' : '\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** U+202A..U+202E (embeddings, overrides) and U+2066..U+2069 (isolates). */
    private static boolean bidiControl(char c) {
        return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    private static final Pattern CITATION = Pattern.compile("\\s*\\(Citation:[^)]*\\)");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]*)]\\([^)\\s]*\\)");

    /**
     * ATT&CK's prose as a person reads it on a terminal: links ({@code [APT29](https://...)}) as their text and
     * citation markers ({@code (Citation: Name)}) left out. Machine formats keep the text as published.
     */
    static String prose(String s) {
        if (s == null) {
            return "";
        }
        return CITATION.matcher(MARKDOWN_LINK.matcher(s).replaceAll("$1")).replaceAll("");
    }

    private static final Pattern BLANK_LINES = Pattern.compile("\\r?\\n\\s*\\n");

    /** The paragraphs of a text (separated by blank lines), stripped; none for null or blank text. */
    static List<String> paragraphs(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return List.of(BLANK_LINES.split(s.strip()));
    }

    /** Safe text on one line: newlines folded to spaces. */
    public static String line(String s) {
        return safe(s).replace('\n', ' ').strip();
    }

    /**
     * Wraps safe text to {@code width} columns, keeping paragraph breaks; words longer than the width are cut. One
     * pass over the text, without regular expressions: show of hundreds of techniques wraps megabytes of it.
     */
    static List<String> wrap(String s, int width) {
        List<String> lines = new ArrayList<>();
        String text = safe(s).strip();
        StringBuilder current = new StringBuilder(width);
        int paragraphStart = 0;
        while (paragraphStart <= text.length()) {
            int paragraphEnd = text.indexOf('\n', paragraphStart);
            if (paragraphEnd < 0) {
                paragraphEnd = text.length();
            }
            int from = paragraphStart;
            int to = paragraphEnd;
            while (from < to && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
                to--;
            }
            if (from == to) {
                if (!lines.isEmpty() && !lines.get(lines.size() - 1).isEmpty()) {
                    lines.add("");
                }
            } else {
                wrapParagraph(text, from, to, width, current, lines);
            }
            paragraphStart = paragraphEnd + 1;
        }
        return lines;
    }

    /** The words of text[from, to), separated by spaces, filled greedily into lines of at most {@code width}. */
    private static void wrapParagraph(String text, int from, int to, int width, StringBuilder current,
                                      List<String> lines) {
        current.setLength(0);
        int i = from;
        while (i < to) {
            while (i < to && text.charAt(i) == ' ') {
                i++;
            }
            int wordEnd = i;
            while (wordEnd < to && text.charAt(wordEnd) != ' ') {
                wordEnd++;
            }
            if (wordEnd - i > width) { // a word too long for a line: cut, whole lines of it first
                if (current.length() > 0) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                while (wordEnd - i > width) {
                    lines.add(text.substring(i, i + width));
                    i += width;
                }
            }
            int length = wordEnd - i;
            if (length > 0) {
                if (current.length() > 0 && current.length() + 1 + length > width) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                if (current.length() > 0) {
                    current.append(' ');
                }
                current.append(text, i, wordEnd);
            }
            i = wordEnd;
        }
        if (current.length() > 0) {
            lines.add(current.toString());
        }
    }
}
