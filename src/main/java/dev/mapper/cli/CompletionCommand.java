package dev.mapper.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mapper completion bash|zsh}: the shell completion script, generated from the command model. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {
            "Print a completion script for bash or zsh: commands, options, --format values, framework names and "
                    + "the technique IDs of the loaded data (give --data to complete the IDs of your files).",
            "zsh runs the same script through its bash compatibility (bashcompinit, which the script loads)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  source <(mapper completion bash)  # in this shell",
            "  source <(mapper --data ~/attack completion bash)  # your ATT&CK data's IDs too",
            "  mapper completion bash -o ~/.local/share/bash-completion/completions/mapper",
            "  echo 'source <(mapper completion zsh)' >> ~/.zshrc"
        })
final class CompletionCommand implements Callable<Integer> {

    enum Shell { bash, zsh }

    // Only validated: picocli's script detects zsh itself, so both shells get the same text.
    @Parameters(paramLabel = "SHELL", description = "The shell: ${COMPLETION-CANDIDATES}.")
    Shell shell;

    @CommandLine.Mixin
    OutputTarget target;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CompletionCandidates.useData(Commands.index(spec));
        String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
        Commands.write(spec, target, out -> out.write(script));
        return ExitCodes.OK;
    }
}
