package dev.mapper.testing;

/** Where text stands in a document, computed by plain string search: the expected positions of findings. */
public final class TextPosition {

    private TextPosition() {
    }

    /** {@code line:column} (1-based) of the {@code occurrence}-th (from 1) start of {@code needle} in {@code text}. */
    public static String of(String text, String needle, int occurrence) {
        int index = -1;
        for (int i = 0; i < occurrence; i++) {
            index = text.indexOf(needle, index + 1);
            if (index < 0) {
                throw new IllegalArgumentException("occurrence " + occurrence + " of " + needle + " not found");
            }
        }
        return at(text, index);
    }

    public static String of(String text, String needle) {
        return of(text, needle, 1);
    }

    /** {@code line:column} of a character index. */
    public static String at(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return line + ":" + (index - lineStart + 1);
    }
}
