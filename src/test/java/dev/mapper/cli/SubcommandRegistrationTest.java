package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mapper.testing.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A run builds only the subcommand it invokes (start-up time), yet every way of writing the command line still
 * reaches that subcommand, and help, completion and mistakes still see the whole tree.
 */
class SubcommandRegistrationTest {

    private static Set<String> built(String... args) {
        CommandLine cli = MapperCommand.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), args);
        return cli.getSubcommands().keySet();
    }

    @Test
    void aRunBuildsOnlyTheInvokedSubcommand() {
        assertThat(built("show", "T1528")).containsExactly("show");
        assertThat(built("--verbose", "--data", "x.json", "--max-file-size=1M", "list", "frameworks"))
                .containsExactly("list");
    }

    @Test
    void helpCompletionNoCommandAndMistakesSeeTheWholeTree() {
        Set<String> all = built();
        assertThat(all).contains("show", "capability", "list", "export", "help", "completion");
        assertThat(built("help", "show")).isEqualTo(all);
        assertThat(built("completion", "bash")).isEqualTo(all);
        assertThat(built("shw", "T1528")).isEqualTo(all);
        assertThat(built("--bogus", "show", "T1528")).isEqualTo(all);
    }

    @Test
    void anOptionValueSpelledLikeACommandIsSkipped() {
        assertThat(built("--data", "list", "show", "T1528")).containsExactly("show");
        assertThat(built("--max-file-size", "1M", "--data=list", "show", "T1528")).containsExactly("show");
    }

    @Test
    void theRootsHelpAloneListsEveryCommandAsTheWholeTreeWould() {
        assertThat(built("--help")).isEqualTo(built());
        StringWriter whole = new StringWriter();
        CommandLine tree = new CommandLine(new MapperCommand.WithSubcommands());
        OutputOptions.narrowFormats(tree);
        tree.usage(new PrintWriter(whole));

        for (String[] args : new String[][] {{"--help"}, {"-h"}, {"--verbose", "--data", "x.json", "--help"}}) {
            Cli.Run help = Cli.run(args);
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).isEqualTo(whole.toString()).contains("Commands:", "crosswalk");
        }
    }

    @Test
    void theRootsVersionAloneBuildsNoSubcommand() {
        assertThat(built("--version")).isEmpty();
        assertThat(built("--no-cache", "-V", "--data", "x.json")).isEmpty();

        Cli.Run version = Cli.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).isEqualTo(Cli.run("--version", "show").out()).startsWith("mapper ");
    }

    @Test
    void rootHelpOrVersionBeforeACommandSeesTheWholeTree() {
        Set<String> all = built();
        assertThat(built("--help", "show")).isEqualTo(all);
        assertThat(built("-h", "list")).isEqualTo(all);
        assertThat(built("--version", "show")).isEqualTo(all);

        Cli.Run help = Cli.run("--help", "show");
        assertThat(help.out()).isEqualTo(Cli.run("--help").out()).contains("capability", "coverage");
    }

    @Test
    void anOptionValueSpelledLikeACommandIsNotTakenForIt(@TempDir Path dir) throws Exception {
        // A data directory named "list": the scan must skip --data's value and find "show".
        Path list = Files.createDirectory(dir.resolve("list"));
        Cli.Run run = Cli.run("--data", list.toString(), "show", "T1528", "--format", "json");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"attack_object_id\" : \"T1528\"");
    }

    @Test
    void helpForOneCommandAndTheRootStillListTheirCommands() {
        Cli.Run help = Cli.run("help", "show");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: mapper show");

        Cli.Run root = Cli.run("--help");
        assertThat(root.out()).contains("show", "capability", "search", "list", "export", "diff", "validate",
                "coverage", "completion");
    }
}
