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
     * Text from data made safe for a terminal, for people (table, markdown, messages on stderr): line ends as
     * {@code \n}, tabs as spaces, and every other control character escaped where it stands (see
     * {@link #neutralise}).
     */
    static String safe(String s) {
        return neutralise(s, " ");
    }

    /**
     * A CSV or TSV cell: like {@link #safe} but keeping newlines, which the format quotes, and tabs where it quotes
     * them too (TSV, whose separator they are); a tab in CSV is escaped like any other control character.
     */
    static String cell(String s, boolean tabsQuoted) {
        return neutralise(s, tabsQuoted ? "\t" : escape('\t'));
    }

    /**
     * The one rule for text from data in a text format: line ends ({@code \r\n}, a lone {@code \r}) become
     * {@code \n}; a tab becomes {@code tab}; every other character that {@link #isControl} names is escaped
     * visibly, as a backslash, {@code u} and four hex digits (ESC shows as those six characters), so that escape
     * sequences in data never reach the terminal and the reader still sees that something was there. JSON and YAML
     * escape instead, and keep the value exact.
     */
    private static String neutralise(String s, String tab) {
        if (s == null) {
            return "";
        }
        int first = 0;
        while (first < s.length() && !changes(s.charAt(first), tab)) {
            first++;
        }
        if (first == s.length()) {
            return s; // the usual case: nothing to change, nothing copied
        }
        StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++; // \r\n is one line end
                }
            } else if (c == '\t') {
                out.append(tab);
            } else if (c != '\n' && isControl(c)) {
                out.append(escape(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean changes(char c, String tab) {
        return c == '\t' ? !tab.equals("\t") : c != '\n' && isControl(c);
    }

    /**
     * Characters that data must not send to a terminal: C0 controls, DEL, C1 controls (U+009B is a CSI of its own),
     * and the bidirectional embeddings, overrides (U+202A..U+202E) and isolates (U+2066..U+2069), which make what
     * is shown read differently from what is there.
     */
    static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7f && (c <= 0x9f || c >= '\u202a' && (c <= '\u202e' || c >= '\u2066' && c <= '\u2069'));
    }

    private static String escape(char c) {
        return String.format("\\u%04x", (int) c);
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

    /** The paragraphs of a text (separated by blank lines), stripped; none for null or blank text. */
    static List<String> paragraphs(String s) {
        List<String> paragraphs = new ArrayList<>();
        if (s == null) {
            return paragraphs;
        }
        int start = 0;
        int lineStart = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '\n') {
                if (s.substring(lineStart, i).isBlank() && i < s.length()) {
                    addParagraph(paragraphs, s.substring(start, lineStart));
                    start = i + 1;
                }
                lineStart = i + 1;
            }
        }
        addParagraph(paragraphs, s.substring(Math.min(start, s.length())));
        return paragraphs;
    }

    private static void addParagraph(List<String> paragraphs, String paragraph) {
        if (!paragraph.isBlank()) {
            paragraphs.add(paragraph.strip());
        }
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
