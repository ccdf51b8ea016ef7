package dev.mapper.render;

import dev.mapper.model.Score;

/**
 * How human output is styled: not at all ({@link #PLAIN}), or with ANSI escape codes in the colour depth the
 * terminal has. Renderers ask for a role (a heading, a score level) or a colour and never write escape codes
 * themselves; whether output may be coloured at all is decided by cli (--color, NO_COLOR, the terminal).
 */
public final class Style {

    /** How many colours the terminal shows. */
    public enum Depth {
        /** No escape codes at all. */
        NONE,
        /** The 8 standard colours, bold and dim: every ANSI terminal. */
        BASIC,
        /** The xterm 256-colour palette ({@code TERM=*-256color}). */
        EXTENDED,
        /** 24-bit colour ({@code COLORTERM=truecolor} or {@code 24bit}). */
        TRUE_COLOR
    }

    /** What a piece of text is, each with its look. */
    public enum Role {
        /** A title or section heading. */
        HEADING("1"),
        /** Secondary facts: labels, sources, counts. */
        MUTED("2"),
        /** A framework's name, heading its sets. */
        ACCENT("36"),
        /** An error, in findings. */
        ERROR("1;31"),
        /** A warning, in findings. */
        WARNING("33");

        private final String sgr;

        Role(String sgr) {
            this.sgr = sgr;
        }
    }

    public static final Style PLAIN = new Style(Depth.NONE);

    private static final String RESET = "\u001b[0m";

    /** The basic colours 30..37 as RGB (xterm's defaults), to find the nearest one to a colour asked for. */
    private static final int[] BASIC_RGB = {0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd,
        0xe5e5e5};

    private final Depth depth;

    private Style(Depth depth) {
        this.depth = depth;
    }

    public static Style of(Depth depth) {
        return depth == Depth.NONE ? PLAIN : new Style(depth);
    }

    public Depth depth() {
        return depth;
    }

    /** True when this style writes escape codes. */
    public boolean enabled() {
        return depth != Depth.NONE;
    }

    public String paint(Role role, String text) {
        return sgr(role.sgr, text);
    }

    /** A score level as a traffic light: minimal red, partial yellow, significant green. */
    public String score(Score score, String text) {
        return score == null ? text : sgr(switch (score) {
            case MINIMAL -> "31";
            case PARTIAL -> "33";
            case SIGNIFICANT -> "32";
        }, text);
    }

    /** Text in a colour given as 0xRRGGBB, as near as the terminal's depth allows. */
    public String foreground(int rgb, String text) {
        return sgr(colour(rgb, false), text);
    }

    /** Text on a background colour given as 0xRRGGBB, as near as the terminal's depth allows. */
    public String background(int rgb, String text) {
        return sgr(colour(rgb, true), text);
    }

    private String sgr(String code, String text) {
        return enabled() && !text.isEmpty() ? "\u001b[" + code + "m" + text + RESET : text;
    }

    private String colour(int rgb, boolean background) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        String prefix = background ? "48" : "38";
        return switch (depth) {
            case TRUE_COLOR -> prefix + ";2;" + r + ";" + g + ";" + b;
            case EXTENDED -> prefix + ";5;" + (16 + 36 * cubeStep(r) + 6 * cubeStep(g) + cubeStep(b));
            default -> String.valueOf((background ? 40 : 30) + nearestBasic(r, g, b));
        };
    }

    /** The nearest of the six levels (0, 95, 135, 175, 215, 255) of the 256-colour palette's colour cube. */
    private static int cubeStep(int value) {
        return value < 48 ? 0 : value < 115 ? 1 : (value - 35) / 40;
    }

    private static int nearestBasic(int r, int g, int b) {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < BASIC_RGB.length; i++) {
            long dr = r - ((BASIC_RGB[i] >> 16) & 0xff);
            long dg = g - ((BASIC_RGB[i] >> 8) & 0xff);
            long db = b - (BASIC_RGB[i] & 0xff);
            long distance = dr * dr + dg * dg + db * db;
            if (distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }
}
