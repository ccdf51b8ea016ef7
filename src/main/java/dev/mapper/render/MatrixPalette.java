package dev.mapper.render;

import dev.mapper.model.MatrixReport.Shade;
import java.util.EnumMap;
import java.util.Map;

/**
 * The colours of the matrix's shades, one palette for the terminal and the HTML report. Strength runs light to dark
 * green (as the Navigator layers mapper exports), count light to dark blue; mapped-but-unscored is a sand colour
 * that neither scale uses. Text on a shade is black or white, whichever reads better on it.
 */
final class MatrixPalette {

    private static final Map<Shade, Integer> BACKGROUND = new EnumMap<>(Map.of(
            Shade.NONE, 0xf4f4f4,
            Shade.OUT_OF_SCOPE, 0xffffff,
            Shade.UNSCORED, 0xf2d9a6,
            Shade.MINIMAL, 0xd9f0d3,
            Shade.PARTIAL, 0x7fbf7b,
            Shade.SIGNIFICANT, 0x1b7837,
            Shade.COUNT_1, 0xdeebf7,
            Shade.COUNT_2, 0x9ecae1,
            Shade.COUNT_4, 0x4292c6,
            Shade.COUNT_8, 0x08519c));

    private MatrixPalette() {
    }

    /** The shade's colour as 0xRRGGBB. */
    static int background(Shade shade) {
        return BACKGROUND.get(shade);
    }

    /** The colour of text on the shade. */
    static int text(Shade shade) {
        return textOn(background(shade));
    }

    /** Black or white, whichever contrasts more with {@code rgb} (by relative luminance, as WCAG computes it). */
    static int textOn(int rgb) {
        double luminance = 0.2126 * linear(rgb >> 16) + 0.7152 * linear(rgb >> 8) + 0.0722 * linear(rgb);
        return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? 0x000000 : 0xffffff;
    }

    private static double linear(int channel) {
        double c = (channel & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** {@code #rrggbb}, as CSS writes a colour. */
    static String css(int rgb) {
        return String.format("#%06x", rgb);
    }
}
