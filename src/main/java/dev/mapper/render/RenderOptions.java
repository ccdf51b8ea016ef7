package dev.mapper.render;

import java.util.Objects;

/** How human output should look: the width to fit and how text may be styled (colour, bold). */
public record RenderOptions(int width, Style style) {

    public static final int MIN_WIDTH = 40;

    public RenderOptions {
        width = Math.max(MIN_WIDTH, width);
        Objects.requireNonNull(style, "style");
    }

    public static RenderOptions plain(int width) {
        return new RenderOptions(width, Style.PLAIN);
    }
}
