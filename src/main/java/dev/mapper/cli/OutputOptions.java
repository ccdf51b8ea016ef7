package dev.mapper.cli;

import dev.mapper.model.Report;
import dev.mapper.render.Format;
import dev.mapper.render.RenderOptions;
import dev.mapper.render.Renderer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How query results are written: the format, the target, and for tables the terminal's width, colour and pager. */
final class OutputOptions {

    private static final String FORMAT_OPTION = "--format";

    // The description, completion and accepted values are narrowed to each command's formats by narrowFormats.
    @Option(names = {"-f", FORMAT_OPTION}, paramLabel = "FORMAT",
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

    /**
     * Gives the --format option of every command in the tree only the formats the command writes ({@link Formats},
     * else {@link Format#REPORTS}): in its help, its completion and what it accepts, so that an error names only those.
     */
    static void narrowFormats(CommandLine command) {
        narrowFormats(command.getCommandSpec());
    }

    /** The same as a model transformer: for the man pages and completion script, generated from the root class. */
    static final class NarrowFormats implements CommandLine.IModelTransformer {
        @Override
        public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec spec) {
            narrowFormats(spec);
            return spec;
        }
    }

    private static void narrowFormats(CommandLine.Model.CommandSpec spec) {
        CommandLine.Model.OptionSpec option = spec.findOption(FORMAT_OPTION);
        if (option != null) {
            Formats declared = spec.userObject().getClass().getAnnotation(Formats.class);
            List<Format> formats = declared == null ? List.copyOf(Format.REPORTS) : List.of(declared.value());
            List<String> names = new ArrayList<>();
            for (Format format : formats) {
                names.add(format.toString());
            }
            spec.remove(option);
            spec.addOption(CommandLine.Model.OptionSpec.builder(option)
                    .description("Output format: " + String.join(", ", names) + " (default: " + Format.TABLE + ").")
                    .completionCandidates(names)
                    .converters(new FormatConverter(spec, formats, names))
                    .build());
        }
        for (CommandLine subcommand : spec.subcommands().values()) {
            narrowFormats(subcommand.getCommandSpec());
        }
    }

    /** Accepts the command's formats only, naming them when refused. A class, not a lambda, as ErrorHandler says. */
    private static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        private final CommandLine.Model.CommandSpec spec;
        private final List<Format> formats;
        private final List<String> names;

        FormatConverter(CommandLine.Model.CommandSpec spec, List<Format> formats, List<String> names) {
            this.spec = spec;
            this.formats = formats;
            this.names = names;
        }

        @Override
        public Format convert(String value) {
            for (Format format : formats) {
                if (format.toString().equalsIgnoreCase(value.trim())) {
                    return format;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a format of '"
                    + spec.qualifiedName() + "'" + writtenBy(value) + "; it writes " + String.join(", ", names));
        }
    }

    /** " (it is for 'mapper validate')" when another command writes the format asked for, else nothing. */
    private static String writtenBy(String value) {
        List<String> commands = MapperCommand.SUBCOMMANDS.stream()
                .filter(command -> command.getAnnotation(Formats.class) != null && Arrays.stream(
                        command.getAnnotation(Formats.class).value()).anyMatch(f -> f.toString().equalsIgnoreCase(value.trim())
                        && !Format.REPORTS.contains(f)))
                .map(command -> "'mapper " + command.getAnnotation(CommandLine.Command.class).name() + "'").toList();
        return commands.isEmpty() ? "" : " (it is for " + String.join(", ", commands) + ")";
    }
}
