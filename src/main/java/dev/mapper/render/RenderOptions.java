package dev.mapper.render;

/** How human output should look: the width to fit and whether ANSI colour is allowed. */
public record RenderOptions(int width, boolean color) {

    public static final int MIN_WIDTH = 40;

    public RenderOptions {
        width = Math.max(MIN_WIDTH, width);
    }

    public static RenderOptions plain(int width) {
        return new RenderOptions(width, false);
    }
}
