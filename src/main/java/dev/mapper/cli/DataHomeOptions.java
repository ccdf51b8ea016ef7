package dev.mapper.cli;

import dev.mapper.pull.DataHome;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Which data home a {@code data} command works on. */
final class DataHomeOptions {

    @Option(names = "--data-home", paramLabel = "DIR",
            description = "The data home to work on (default: $" + DataOptions.ENV_DATA_HOME
                    + ", else $XDG_DATA_HOME/mapper, else ~/.local/share/mapper).")
    Path directory;

    DataHome home(CommandLine.Model.CommandSpec spec) {
        Path chosen = directory != null ? directory : DataOptions.dataHome(System::getenv);
        if (chosen == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no data home: set $"
                    + DataOptions.ENV_DATA_HOME + " or $HOME, or give --data-home");
        }
        return new DataHome(chosen.toAbsolutePath());
    }
}
