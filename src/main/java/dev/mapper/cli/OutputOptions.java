package dev.mapper.cli;

import dev.mapper.render.Format;
import dev.mapper.render.RenderOptions;
import dev.mapper.render.Renderer;
import picocli.CommandLine.Option;

/** How results are written: the format, and for tables the width and colour of the terminal. */
final class OutputOptions {

    static final int DEFAULT_WIDTH = 80;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.TABLE;

    Renderer renderer() {
        return format.renderer(new RenderOptions(width(), colour()));
    }

    /** {@code COLUMNS} when set, else 80. */
    static int width() {
        String columns = System.getenv("COLUMNS");
        if (columns != null) {
            try {
                return Integer.parseInt(columns.trim());
            } catch (NumberFormatException ignored) {
                // fall through to the default
            }
        }
        return DEFAULT_WIDTH;
    }

    /** Colour only on a terminal and never when NO_COLOR is set (https://no-color.org). */
    static boolean colour() {
        String noColor = System.getenv("NO_COLOR");
        return System.console() != null && (noColor == null || noColor.isEmpty());
    }
}
