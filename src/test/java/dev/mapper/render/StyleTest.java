package dev.mapper.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mapper.model.Score;
import dev.mapper.render.Style.Depth;
import dev.mapper.render.Style.Role;
import org.junit.jupiter.api.Test;

/** The escape codes of each colour depth, checked against the xterm palette by hand. */
class StyleTest {

    @Test
    void plainWritesNoEscapeCodes() {
        assertThat(Style.PLAIN.paint(Role.HEADING, "T1528")).isEqualTo("T1528");
        assertThat(Style.PLAIN.score(Score.SIGNIFICANT, "significant")).isEqualTo("significant");
        assertThat(Style.PLAIN.background(0xff0000, "x")).isEqualTo("x");
        assertThat(Style.of(Depth.NONE).enabled()).isFalse();
    }

    @Test
    void rolesAndScoresAreSgrCodesEndedByAReset() {
        Style basic = Style.of(Depth.BASIC);
        assertThat(basic.paint(Role.HEADING, "T1528")).isEqualTo("\u001b[1mT1528\u001b[0m");
        assertThat(basic.score(Score.MINIMAL, "minimal")).isEqualTo("\u001b[31mminimal\u001b[0m");
        assertThat(basic.score(Score.PARTIAL, "partial")).isEqualTo("\u001b[33mpartial\u001b[0m");
        assertThat(basic.score(Score.SIGNIFICANT, "significant")).isEqualTo("\u001b[32msignificant\u001b[0m");
        assertThat(basic.score(null, "unscored")).isEqualTo("unscored");
        assertThat(basic.paint(Role.MUTED, "")).as("nothing to colour, no codes").isEmpty();
    }

    @Test
    void aColourIsWrittenAsNearAsTheDepthAllows() {
        int orange = 0xff8700; // exactly xterm-256 colour 208: cube (5, 2, 0)
        assertThat(Style.of(Depth.TRUE_COLOR).foreground(orange, "x")).isEqualTo("\u001b[38;2;255;135;0mx\u001b[0m");
        assertThat(Style.of(Depth.EXTENDED).foreground(orange, "x")).isEqualTo("\u001b[38;5;208mx\u001b[0m");
        assertThat(Style.of(Depth.EXTENDED).background(0x000000, "x")).isEqualTo("\u001b[48;5;16mx\u001b[0m");
        assertThat(Style.of(Depth.EXTENDED).background(0xffffff, "x")).isEqualTo("\u001b[48;5;231mx\u001b[0m");
        assertThat(Style.of(Depth.BASIC).foreground(0xee1111, "x")).as("red").isEqualTo("\u001b[31mx\u001b[0m");
        assertThat(Style.of(Depth.BASIC).background(0x10c010, "x")).as("green").isEqualTo("\u001b[42mx\u001b[0m");
    }
}
