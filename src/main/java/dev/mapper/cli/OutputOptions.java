package dev.mapper.cli;

import dev.mapper.model.Report;
import dev.mapper.render.Format;
import dev.mapper.render.RenderOptions;
import dev.mapper.render.Renderer;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How query results are written: the format, the target, and for tables the terminal's width, colour and pager. */
final class OutputOptions {

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.TABLE;

    @Mixin
    OutputTarget target;

    @Mixin
    TerminalOptions terminal;

    /** Renders the report in the chosen format to stdout (paged when a long table) or the {@code -o} file. */
    void write(CommandLine.Model.CommandSpec spec, Report report) {
        write(spec, report, RenderOptions.Detail.NORMAL);
    }

    /** The same, showing a person as much as {@code detail} says (machine formats hold everything). */
    void write(CommandLine.Model.CommandSpec spec, Report report, RenderOptions.Detail detail) {
        Renderer renderer = format.renderer(terminal.renderOptions(spec, target).with(detail));
        terminal.write(spec, target, format == Format.TABLE, out -> renderer.render(report, out));
    }
}
