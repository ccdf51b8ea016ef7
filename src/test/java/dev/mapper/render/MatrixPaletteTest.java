package dev.mapper.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mapper.model.MatrixReport.Shade;
import org.junit.jupiter.api.Test;

/** The matrix's colours: text that reads on every shade, and colours written as CSS writes them. */
class MatrixPaletteTest {

    private static final int BLACK = 0x000000;
    private static final int WHITE = 0xffffff;

    @Test
    void darkShadesGetWhiteTextAndLightOnesBlack() {
        assertThat(MatrixPalette.text(Shade.SIGNIFICANT)).isEqualTo(WHITE);
        assertThat(MatrixPalette.text(Shade.COUNT_8)).isEqualTo(WHITE);
        assertThat(MatrixPalette.text(Shade.PARTIAL)).isEqualTo(BLACK);
        assertThat(MatrixPalette.text(Shade.MINIMAL)).isEqualTo(BLACK);
        assertThat(MatrixPalette.text(Shade.UNSCORED)).isEqualTo(BLACK);
        assertThat(MatrixPalette.text(Shade.COUNT_1)).isEqualTo(BLACK);
    }

    @Test
    void theChoiceFlipsWhereBlackAndWhiteContrastEqually() {
        // WCAG: black and white contrast equally at a relative luminance of about 0.179, which grey #767676 is just
        // above (0.181) and #757575 just below (0.178).
        assertThat(MatrixPalette.textOn(0x767676)).isEqualTo(BLACK);
        assertThat(MatrixPalette.textOn(0x757575)).isEqualTo(WHITE);
    }

    @Test
    void eachChannelWeighsAsTheEyeSeesIt() {
        // Relative luminance: red 0.2126, green 0.7152, blue 0.0722. Pure red and green read better with black;
        // pure blue, and either of the others at half strength, with white.
        assertThat(MatrixPalette.textOn(0xff0000)).isEqualTo(BLACK);
        assertThat(MatrixPalette.textOn(0x00ff00)).isEqualTo(BLACK);
        assertThat(MatrixPalette.textOn(0x0000ff)).isEqualTo(WHITE);
        assertThat(MatrixPalette.textOn(0x800000)).isEqualTo(WHITE);
        assertThat(MatrixPalette.textOn(0x008000)).isEqualTo(WHITE);
        // Blue adds the little it weighs: enough to tip a grey just below the turning point.
        assertThat(MatrixPalette.textOn(0x7575ff)).isEqualTo(BLACK);
    }

    @Test
    void nearBlackStaysOnTheLinearPartOfTheCurve() {
        // sRGB channels up to 10 of 255 are linear (c / 12.92): #0a0a0a is nearly black, so white text.
        assertThat(MatrixPalette.textOn(0x0a0a0a)).isEqualTo(WHITE);
        assertThat(MatrixPalette.textOn(BLACK)).isEqualTo(WHITE);
        assertThat(MatrixPalette.textOn(WHITE)).isEqualTo(BLACK);
    }

    @Test
    void coloursAreWrittenAsCssHexWithLeadingZeros() {
        assertThat(MatrixPalette.css(0x1b7837)).isEqualTo("#1b7837");
        assertThat(MatrixPalette.css(0x08519c)).isEqualTo("#08519c");
        assertThat(MatrixPalette.css(BLACK)).isEqualTo("#000000");
        assertThat(MatrixPalette.css(MatrixPalette.background(Shade.NONE))).isEqualTo("#f4f4f4");
    }
}
