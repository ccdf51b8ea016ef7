package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mapper.testing.Bash;
import dev.mapper.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mapper completion bash}, sourced into a real bash: what a user gets on TAB. */
class CompletionTest {

    @TempDir
    static Path dir;

    static Path script;

    @BeforeAll
    static void generate() throws IOException {
        Cli.Run run = Cli.run("completion", "bash");
        assertThat(run.exitCode()).isZero();
        script = Files.writeString(dir.resolve("mapper.bash"), run.out());
    }

    @Test
    void completesCommands() {
        assertThat(Bash.complete(script, "mapper", "sh")).containsExactly("show");
        assertThat(Bash.complete(script, "mapper", "")).contains("show", "completion", "help");
    }

    @Test
    void completesOptionsAndTheirValues() {
        assertThat(Bash.complete(script, "mapper", "show", "--fo")).containsExactly("--format");
        assertThat(Bash.complete(script, "mapper", "show", "--format", "")).contains("table", "json");
        assertThat(Bash.complete(script, "mapper", "show", "--framework", "")).contains("aws", "nist_800_53", "veris");
        assertThat(Bash.complete(script, "mapper", "completion", "")).containsExactly("bash", "zsh");
    }

    @Test
    void completesTheTechniqueIdsOfTheBundledData() {
        assertThat(Bash.complete(script, "mapper", "show", "T15")).containsExactly("T1528");
    }

    @Test
    void completesTheTechniqueIdsAndFrameworksOfTheDataItWasGeneratedWith() throws IOException {
        Path corpus = dev.mapper.testing.Corpus.root();
        Cli.Run run = Cli.run("--data", corpus.toString(), "completion", "bash");
        assertThat(run.exitCode()).isZero();
        Path withCorpus = Files.writeString(dir.resolve("corpus.bash"), run.out());

        assertThat(Bash.complete(withCorpus, "mapper", "show", "T1078.")).contains("T1078.001", "T1078.004")
                .allMatch(id -> id.startsWith("T1078."));
        assertThat(Bash.complete(withCorpus, "mapper", "show", "T152")).contains("T1528")
                .allMatch(id -> id.startsWith("T152"));
    }

    @Test
    void zshGetsTheSameScriptWhichLoadsBashcompinit() {
        Cli.Run zsh = Cli.run("completion", "zsh");
        assertThat(zsh.exitCode()).isZero();
        assertThat(zsh.out()).isEqualTo(Cli.run("completion", "bash").out()).contains("bashcompinit");
    }

    @Test
    void writesTheScriptToAFileWithDashO() throws IOException {
        Path file = dir.resolve("completions/mapper");
        Files.createDirectories(file.getParent());

        Cli.Run run = Cli.run("completion", "bash", "-o", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(file).hasContent(Files.readString(script));
    }

    @Test
    void unknownShellIsAUsageError() {
        Cli.Run run = Cli.run("completion", "fish");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("fish", "bash", "zsh");
        assertThat(run.out()).isEmpty();
    }
}
