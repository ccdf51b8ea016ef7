package dev.mapper.render;

import java.util.ArrayList;
import java.util.List;

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
        char[] chars = s.toCharArray();
        char[] safe = neutralise(chars, chars.length, tab);
        return safe == chars ? s : new String(safe);
    }

    /**
     * {@link #neutralise(String, String)} over an array, which a cold JVM runs faster than {@code charAt} (it runs
     * over megabytes of text in a show of hundreds of techniques), of its first {@code length} characters:
     * {@code chars} itself when nothing changes, else a new array of the safe text's length.
     */
    private static char[] neutralise(char[] chars, int length, String tab) {
        int first = 0;
        // Printable ASCII tested here, the rest in a method: most text is the first, and this loop runs over all of it.
        while (first < length && (chars[first] >= 0x20 && chars[first] < 0x7f || !changes(chars[first], tab))) {
            first++;
        }
        if (first == length) {
            return chars; // the usual case: nothing to change
        }
        StringBuilder out = new StringBuilder(length + 16).append(chars, 0, first);
        for (int i = first; i < length; i++) {
            char c = chars[i];
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < length && chars[i + 1] == '\n') {
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
        char[] safe = new char[out.length()];
        out.getChars(0, safe.length, safe, 0);
        return safe;
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

    /** The paragraphs of a text (separated by blank lines), stripped; none for null or blank text. */
    static List<String> paragraphs(String s) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs(s, paragraphs, Integer.MAX_VALUE);
        return paragraphs;
    }

    /**
     * How many paragraphs {@link #paragraphs(String)} finds in the text, of which the first {@code keep} are added to
     * {@code into}: the others are counted, not copied (the table shows a description's first paragraph).
     */
    static int paragraphs(String s, List<String> into, int keep) {
        if (s == null) {
            return 0;
        }
        int count = 0;
        int start = 0;
        int lineStart = 0;
        // Line by line with indexOf, the JDK's own loop, rather than a loop of our own over every character.
        for (int lineEnd = s.indexOf('\n'); lineEnd >= 0; lineEnd = s.indexOf('\n', lineStart)) {
            if (isBlank(s, lineStart, lineEnd)) {
                count += paragraph(s, start, lineStart, count < keep ? into : null);
                start = lineEnd + 1;
            }
            lineStart = lineEnd + 1;
        }
        return count + paragraph(s, Math.min(start, s.length()), s.length(), count < keep ? into : null);
    }

    private static boolean isBlank(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** 1 when s[from, to) is a paragraph (not blank), which is added to {@code into} stripped, unless null; else 0. */
    private static int paragraph(String s, int from, int to, List<String> into) {
        while (from < to && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            return 0;
        }
        if (into != null) {
            into.add(s.substring(from, to));
        }
        return 1;
    }

    /** Safe text on one line: newlines folded to spaces, and stripped. */
    public static String line(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        if (!Character.isWhitespace(s.charAt(0)) && !Character.isWhitespace(s.charAt(s.length() - 1))) {
            boolean plain = true;
            for (int i = 0; i < s.length(); i++) { // charAt: these are short, most of them IDs and names
                char c = s.charAt(i);
                if ((c < 0x20 || c >= 0x7f) && (c < 0x20 || isControl(c))) {
                    plain = false;
                    break;
                }
            }
            if (plain) {
                return s; // the usual case (an ID, a name): nothing to change, nothing copied
            }
        }
        return safe(s).replace('\n', ' ').strip();
    }

    /**
     * Wraps safe text to {@code width} columns, keeping paragraph breaks (one blank line, never first or last); words
     * longer than the width are cut.
     */
    static List<String> wrap(String s, int width) {
        if (s != null && fitsAsIs(s, width)) {
            return List.of(s); // most fields and list items: a short line, nothing to change
        }
        StringBuilder wrapped = new StringBuilder(s == null ? 0 : s.length() + 16);
        wrapInto(wrapped, "", s, width);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int end = wrapped.indexOf("\n"); end >= 0; end = wrapped.indexOf("\n", start)) {
            lines.add(wrapped.substring(start, end));
            start = end + 1;
        }
        return lines;
    }

    /** True when {@link #wrap} would give the text back as its one line: safe, short, single-spaced, trimmed. */
    private static boolean fitsAsIs(String s, int width) {
        int n = s.length();
        if (n == 0 || n > width || Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(n - 1))) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f && isControl(c) || c == ' ' && s.charAt(i - 1) == ' ') { // not first: trimmed
                return false;
            }
        }
        return true;
    }

    /**
     * Appends the lines {@link #wrap} makes of {@code s} to {@code out}, each but the blank ones after {@code indent},
     * each ended by a newline. One pass over the text's characters, from which the lines are appended directly: show
     * of hundreds of techniques wraps megabytes of text, most of it in a JVM that has not compiled this code yet.
     */
    static void wrapInto(StringBuilder out, String indent, String s, int width) {
        char[] text = s == null ? new char[0] : s.toCharArray();
        wrapInto(out, indent, text, text.length, width);
    }

    /**
     * {@link #wrapInto(StringBuilder, String, String, int)} of the text in {@code chars[0, length)}: a renderer that
     * wraps thousands of texts copies each into one buffer, as every new array is memory a fresh JVM has not touched.
     */
    static void wrapInto(StringBuilder out, String indent, char[] chars, int length, int width) {
        char[] text = neutralise(chars, length, " ");
        int start = 0;
        int end = text == chars ? length : text.length;
        while (start < end && Character.isWhitespace(text[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(text[end - 1])) {
            end--;
        }
        boolean written = false; // a line was written
        boolean blank = false; // the last line written was blank
        int paragraphStart = start;
        while (paragraphStart <= end) {
            int paragraphEnd = paragraphStart;
            while (paragraphEnd < end && text[paragraphEnd] != '\n') {
                paragraphEnd++;
            }
            int from = paragraphStart;
            int to = paragraphEnd;
            while (from < to && Character.isWhitespace(text[from])) {
                from++;
            }
            while (to > from && Character.isWhitespace(text[to - 1])) {
                to--;
            }
            if (from < to) {
                wrapParagraph(out, indent, text, from, to, Math.max(1, width));
                written = true;
                blank = false;
            } else if (written && !blank) {
                out.append('\n');
                blank = true;
            }
            paragraphStart = paragraphEnd + 1;
        }
    }

    /**
     * The words of text[from, to), separated by spaces, filled greedily into lines of at most {@code width}, each
     * after {@code indent} and ended by a newline.
     */
    private static void wrapParagraph(StringBuilder out, String indent, char[] text, int from, int to, int width) {
        int lineLength = 0; // characters on the line being filled; 0: none begun
        int i = from;
        while (i < to) {
            while (i < to && text[i] == ' ') {
                i++;
            }
            int wordEnd = i;
            while (wordEnd < to && text[wordEnd] != ' ') {
                wordEnd++;
            }
            if (wordEnd - i > width) { // a word too long for a line: cut, whole lines of it first
                if (lineLength > 0) {
                    out.append('\n');
                    lineLength = 0;
                }
                while (wordEnd - i > width) {
                    out.append(indent).append(text, i, width).append('\n');
                    i += width;
                }
            }
            int length = wordEnd - i;
            if (length > 0) {
                if (lineLength > 0 && lineLength + 1 + length > width) {
                    out.append('\n');
                    lineLength = 0;
                }
                if (lineLength > 0) {
                    out.append(' ');
                    lineLength++;
                } else {
                    out.append(indent);
                }
                out.append(text, i, length);
                lineLength += length;
            }
            i = wordEnd;
        }
        if (lineLength > 0) {
            out.append('\n');
        }
    }
}
