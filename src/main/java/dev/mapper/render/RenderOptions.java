package dev.mapper.render;

import dev.mapper.model.DataSource;
import java.util.Objects;

/**
 * How human output should look: the width to fit, how text may be styled (colour, bold), how much of it to show,
 * and whether data files are named by their whole path ({@code --verbose}) or by their file name. Machine formats
 * (JSON and those built on it) always hold everything.
 */
public record RenderOptions(int width, Style style, Detail detail, boolean fullPaths) {

    public static final int MIN_WIDTH = 40;

    /** How much a report shows a person. */
    public enum Detail {
        /** The header and the summary only. */
        BRIEF,
        /** The summary, the first paragraph of long texts, then the details. */
        NORMAL,
        /** Everything, long texts whole. */
        FULL
    }

    public RenderOptions {
        width = Math.max(MIN_WIDTH, width);
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(detail, "detail");
    }

    public RenderOptions(int width, Style style) {
        this(width, style, Detail.NORMAL, false);
    }

    public static RenderOptions plain(int width) {
        return new RenderOptions(width, Style.PLAIN);
    }

    public RenderOptions with(Detail newDetail) {
        return new RenderOptions(width, style, newDetail, fullPaths);
    }

    /** The name of a data file as a heading shows it: its path with {@code fullPaths}, else its file name. */
    public String source(DataSource source) {
        return fullPaths ? source.label() : source.shortLabel();
    }
}
