package dev.mapper.cli;

import dev.mapper.model.Report;
import dev.mapper.render.Format;
import dev.mapper.render.RenderOptions;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How query results are written: the format, the target, and for tables the width and colour of the terminal. */
final class OutputOptions {

    static final int DEFAULT_WIDTH = 80;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.TABLE;

    @Mixin
    OutputTarget target;

    /** Renders the report in the chosen format to stdout or the {@code -o} file. */
    void write(CommandLine.Model.CommandSpec spec, Report report) {
        RenderOptions options = new RenderOptions(width(), !target.toFile() && colour());
        Commands.write(spec, target, out -> format.renderer(options).render(report, out));
    }

    /** {@code COLUMNS} when set, else the terminal's width when on one, else 80. */
    static int width() {
        String columns = System.getenv("COLUMNS");
        if (columns != null) {
            try {
                return Integer.parseInt(columns.trim());
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        return System.console() == null ? DEFAULT_WIDTH : terminalWidth();
    }

    /** Java 17 has no API for the terminal size; {@code stty size} on the controlling terminal answers "rows cols". */
    private static int terminalWidth() {
        try {
            Process stty = new ProcessBuilder("stty", "size")
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/tty")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String answer = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (stty.waitFor(1, TimeUnit.SECONDS) && stty.exitValue() == 0) {
                String[] rowsCols = answer.trim().split("\\s+");
                return Integer.parseInt(rowsCols[rowsCols.length - 1]);
            }
        } catch (IOException | RuntimeException e) {
            // no stty or no /dev/tty (Windows, containers): use the default
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return DEFAULT_WIDTH;
    }

    /** Colour only on a terminal and never when NO_COLOR is set (https://no-color.org). */
    static boolean colour() {
        String noColor = System.getenv("NO_COLOR");
        return System.console() != null && (noColor == null || noColor.isEmpty());
    }
}
