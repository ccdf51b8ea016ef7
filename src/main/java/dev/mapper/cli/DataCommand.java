package dev.mapper.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mapper data}: the official data in a data home that every other command reads by default. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"Install the official data (ATT&CK and every Mappings Explorer framework) into the data home, "
                + "check it, remove it.",
            "The data home is $" + DataOptions.ENV_DATA_HOME + ", else $XDG_DATA_HOME/mapper, else "
                + "~/.local/share/mapper; only 'data pull' (and 'data status --online') use the network."},
        subcommands = {DataPullCommand.class, DataStatusCommand.class, DataRemoveCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  mapper data pull && mapper show T1078",
            "  mapper data status",
            "  mapper data remove --framework nist_800_53"
        })
final class DataCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a data command is required: pull, status or "
                + "remove");
    }
}
