package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mapper.testing.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colour and paging as git and gh do them: on a terminal only, as --color, NO_COLOR and the pager settings say. */
class TerminalTest {

    private static final String ESC = "\u001b[";

    /** A terminal 100 columns wide and {@code lines} tall, with these variables set too. */
    private static Terminal terminal(int lines, String... variables) {
        Map<String, String> env = new HashMap<>(Map.of("COLUMNS", "100", "LINES", String.valueOf(lines),
                "TERM", "xterm"));
        for (int i = 0; i < variables.length; i += 2) {
            env.put(variables[i], variables[i + 1]);
        }
        return new Terminal(env, true);
    }

    private static Cli.Run run(Terminal terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MapperCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), terminal, args)
                .execute(args);
        return new Cli.Run(code, out.toString(), err.toString());
    }

    @Test
    void onATerminalScoreLevelsAndHeadingsAreColoured() {
        Cli.Run run = run(terminal(1000), "show", "T1528");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(ESC + "1mT1528  Steal Application Access Token" + ESC + "0m",
                ESC + "33mpartial" + ESC + "0m", ESC + "31mminimal" + ESC + "0m");
    }

    @Test
    void noColorTermDumbAndColorNeverTurnColourOff() {
        assertThat(run(terminal(1000, "NO_COLOR", "1"), "show", "T1528").out()).doesNotContain(ESC);
        assertThat(run(terminal(1000, "TERM", "dumb"), "show", "T1528").out()).doesNotContain(ESC);
        assertThat(run(terminal(1000), "show", "T1528", "--color", "never").out()).doesNotContain(ESC);
        assertThat(run(terminal(1000, "NO_COLOR", ""), "show", "T1528").out()).as("an empty NO_COLOR is unset")
                .contains(ESC);
    }

    @Test
    void colorAlwaysColoursAPipeAndWinsOverNoColor() {
        assertThat(Cli.run("show", "T1528", "--color", "always").out()).contains(ESC + "1mT1528");
        assertThat(run(terminal(1000, "NO_COLOR", "1"), "show", "T1528", "--color=always").out()).contains(ESC);
    }

    @Test
    void aPipeOrAFileGetsNoColourInAuto(@TempDir Path dir) throws Exception {
        assertThat(Cli.run("show", "T1528").out()).doesNotContain(ESC);
        Path file = dir.resolve("out.txt");
        assertThat(run(terminal(1000), "show", "T1528", "-o", file.toString()).exitCode()).isZero();
        assertThat(Files.readString(file)).contains("T1528").doesNotContain(ESC);
    }

    @Test
    void colourDepthFollowsColortermAndTerm() {
        // Only the depth is decided here; the colours of each depth are the Style's (StyleTest).
        assertThat(new TerminalOptions().renderOptions(spec(terminal(10, "COLORTERM", "truecolor")), new OutputTarget())
                .style().depth().name()).isEqualTo("TRUE_COLOR");
        assertThat(new TerminalOptions().renderOptions(spec(terminal(10, "TERM", "xterm-256color")), new OutputTarget())
                .style().depth().name()).isEqualTo("EXTENDED");
        assertThat(new TerminalOptions().renderOptions(spec(terminal(10)), new OutputTarget())
                .style().depth().name()).isEqualTo("BASIC");
    }

    @Test
    void aLongTableOnATerminalGoesThroughMapperPager(@TempDir Path dir) throws Exception {
        Path paged = dir.resolve("paged.txt");
        Cli.Run run = run(terminal(10, "MAPPER_PAGER", "cat > '" + paged + "'", "PAGER", "false"), "show", "T1528");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).as("all of it went to the pager").isEmpty();
        assertThat(Files.readString(paged)).contains("T1528  Steal Application Access Token", "aws_secrets_manager")
                .as("colour reaches the pager (less -R shows it)").contains(ESC);
    }

    @Test
    void pagerIsUsedWhenMapperPagerIsUnset(@TempDir Path dir) throws Exception {
        Path paged = dir.resolve("paged.txt");
        Cli.Run run = run(terminal(10, "PAGER", "cat > '" + paged + "'"), "show", "T1528");

        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(paged)).contains("T1528  Steal Application Access Token");
    }

    @Test
    void noPagerWhenShortPipedNotATableTurnedOffOrCat(@TempDir Path dir) {
        Path paged = dir.resolve("paged.txt");
        String pager = "cat > '" + paged + "'";
        assertThat(run(terminal(1000, "MAPPER_PAGER", pager), "show", "T1528").out()).as("fits the terminal")
                .contains("aws_secrets_manager");
        assertThat(run(terminal(10, "MAPPER_PAGER", pager), "show", "T1528", "--no-pager").out())
                .contains("aws_secrets_manager");
        assertThat(run(terminal(10, "MAPPER_PAGER", pager), "show", "T1528", "-f", "json").out())
                .contains("aws_secrets_manager");
        assertThat(run(new Terminal(Map.of("LINES", "10", "MAPPER_PAGER", pager), false), "show", "T1528").out())
                .as("stdout is a pipe").contains("aws_secrets_manager");
        assertThat(run(terminal(10, "MAPPER_PAGER", "cat", "PAGER", pager), "show", "T1528").out())
                .as("cat means no pager").contains("aws_secrets_manager");
        assertThat(run(terminal(10, "MAPPER_PAGER", "", "PAGER", pager), "show", "T1528").out())
                .as("an empty MAPPER_PAGER means no pager").contains("aws_secrets_manager");
        assertThat(paged).doesNotExist();
    }

    @Test
    void aPagerThatCannotRunIsSaidAndTheOutputStillWritten() {
        Cli.Run run = run(terminal(10, "MAPPER_PAGER", "no-such-pager-anywhere"), "show", "T1528");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("aws_secrets_manager");
        assertThat(run.err()).contains("mapper: warning: the pager 'no-such-pager-anywhere' could not be run");
    }

    @Test
    void theDefaultPagerIsLessQuittingOnOneScreenWithColour() {
        assertThat(Pager.command(terminal(10))).isEqualTo("less -FRX");
        assertThat(Pager.command(terminal(10, "PAGER", "more"))).isEqualTo("more");
        assertThat(Pager.command(terminal(10, "PAGER", "more", "MAPPER_PAGER", "most"))).isEqualTo("most");
    }

    private static picocli.CommandLine.Model.CommandSpec spec(Terminal terminal) {
        return MapperCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                terminal).getCommandSpec();
    }
}
