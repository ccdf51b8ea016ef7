package dev.mapper.cli;

import dev.mapper.render.RenderOptions;
import dev.mapper.render.Style;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --color} and {@code --no-pager}: output for a person is coloured and paged on a terminal, as git and gh do,
 * and never when it goes to a pipe or a file. Any command that writes for a person takes this mixin (through
 * {@link OutputOptions}, or on its own) and asks it for the {@link RenderOptions} and to write.
 */
final class TerminalOptions {

    /** When to colour. */
    enum When {
        AUTO, ALWAYS, NEVER;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Option(names = "--color", paramLabel = "WHEN",
            description = "Colour: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: on a terminal, unless NO_COLOR is"
                    + " set or TERM is dumb).")
    When color = When.AUTO;

    @Option(names = "--no-pager",
            description = "Do not page. By default table output longer than the terminal goes through $MAPPER_PAGER,"
                    + " else $PAGER, else 'less -FRX'; never when stdout is not a terminal.")
    boolean noPager;

    /** The width and style for output to the target: styled only as --color, NO_COLOR and the terminal allow. */
    RenderOptions renderOptions(CommandLine.Model.CommandSpec spec, OutputTarget target) {
        Terminal terminal = Commands.terminal(spec);
        boolean toTerminal = !target.toFile() && terminal.stdoutIsTerminal();
        boolean coloured = switch (color) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> toTerminal && !terminal.isSet("NO_COLOR") && !"dumb".equals(terminal.env("TERM"));
        };
        return new RenderOptions(terminal.width(), coloured ? Style.of(depth(terminal)) : Style.PLAIN,
                RenderOptions.Detail.NORMAL, ((MapperCommand) spec.root().userObject()).verbose());
    }

    /** 24-bit when COLORTERM says so, 256 colours when TERM does, else the basic 8. */
    private static Style.Depth depth(Terminal terminal) {
        String colorterm = terminal.env("COLORTERM");
        String term = terminal.env("TERM");
        if ("truecolor".equals(colorterm) || "24bit".equals(colorterm)) {
            return Style.Depth.TRUE_COLOR;
        }
        return term != null && term.contains("256color") ? Style.Depth.EXTENDED : Style.Depth.BASIC;
    }

    /**
     * Writes to the target; output for a person ({@code forPerson}) that is longer than the terminal is tall goes
     * through the pager instead, when stdout is a terminal and paging is not turned off.
     */
    void write(CommandLine.Model.CommandSpec spec, OutputTarget target, boolean forPerson, Commands.Output output) {
        Terminal terminal = Commands.terminal(spec);
        String pager = noPager || !forPerson || target.toFile() || !terminal.stdoutIsTerminal()
                ? null : Pager.command(terminal);
        if (pager == null) {
            Commands.write(spec, target, output);
            return;
        }
        StringWriter text = new StringWriter();
        try {
            output.writeTo(text);
        } catch (IOException e) {
            throw new OutputException("cannot write output: " + e.getMessage(), e); // a StringWriter does not fail
        }
        String page = text.toString();
        if (lines(page) <= terminal.height() - 1 || !Pager.show(pager, terminal, page, spec.commandLine().getErr())) {
            Commands.write(spec, target, out -> out.write(page));
        }
    }

    private static long lines(String text) {
        return text.chars().filter(c -> c == '\n').count();
    }
}
