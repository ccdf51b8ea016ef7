package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mapper.testing.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --help} answers before the docs are opened: every command ends with examples; {@code --version}. */
class HelpTest {

    /**
     * Every command under the root, nested ones too ("export layer"), including those added after this test was
     * written; not picocli's help.
     */
    static Stream<String> commands() {
        return commands(MapperCommand.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()))).map(name -> name.substring("mapper ".length()));
    }

    private static Stream<String> commands(CommandLine parent) {
        return parent.getSubcommands().values().stream()
                .filter(sub -> !(sub.getCommand() instanceof CommandLine.HelpCommand))
                .flatMap(sub -> Stream.concat(Stream.of(sub.getCommandSpec().qualifiedName(" ")), commands(sub)));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandsHelpEndsWithRunnableExamples(String command) {
        Cli.Run run = Cli.run((command + " --help").split(" "));

        assertThat(run.exitCode()).isZero();
        String examples = run.out().substring(Math.max(0, run.out().lastIndexOf("Examples:")));
        assertThat(examples)
                .as("'mapper %s --help' should end with 'Examples:' and lines running it: set footerHeading = "
                        + "\"%%nExamples:%%n\" and the footer (see ShowCommand), so the man page has them too", command)
                .startsWith("Examples:")
                .contains("mapper ", " " + command + " ");
    }

    /**
     * At 80 columns every example line is a command or continues the one before (which ends with a backslash), so
     * that what a user copies runs; and none names a path only this project's developers have.
     */
    @ParameterizedTest
    @MethodSource("commandsAndRoot")
    void examplesWrapAsValidCommandsAndNameNoDevelopmentPath(String command) {
        Cli.Run run = Cli.run((command + " --help").strip().split(" "));
        String[] lines = run.out().substring(run.out().lastIndexOf("Examples:")).split("\n");

        for (int i = 1; i < lines.length && !lines[i].isBlank() && !lines[i].startsWith("Exit codes"); i++) {
            assertThat(lines[i].length()).as(lines[i]).isLessThanOrEqualTo(80);
            assertThat(lines[i]).doesNotContain("shared/corpus");
            if (!lines[i - 1].endsWith("\\") || i == 1) {
                assertThat(lines[i]).as("a command: 'mapper %s --help' line %d", command, i)
                        .matches("  (mapper|source|echo|tar|ln|export|grep) .*");
            }
        }
    }

    static Stream<String> commandsAndRoot() {
        return Stream.concat(Stream.of(""), commands());
    }

    @Test
    void rootHelpListsExamplesAndExitCodes() {
        Cli.Run run = Cli.run("--help");

        assertThat(run.out()).contains("Examples:", "mapper show T1528", "Exit codes",
                ExitCodes.NOT_FOUND + "     not found", ExitCodes.CANNOT_RUN + "    the launcher found no Java 17+",
                ExitCodes.MISSING_DATA + "     missing data: coverage without the ATT&CK release",
                ExitCodes.BROKEN_PIPE + "   the reader closed the pipe early");
    }

    @Test
    void versionNamesTheBundledData() {
        Cli.Run run = Cli.run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("mapper ").contains("bundled ATT&CK: Enterprise 16.1",
                "bundled mappings: aws@12/12/2024@16.1", "bundled mappings: veris@1.4.0@16.1");
    }
}
