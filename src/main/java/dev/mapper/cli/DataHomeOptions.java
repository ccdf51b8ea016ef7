package dev.mapper.cli;

import dev.mapper.pull.DataHome;
import dev.mapper.pull.Downloader;
import dev.mapper.pull.Installer;
import dev.mapper.pull.Progress;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Which data home a {@code data} command works on. */
final class DataHomeOptions {

    @Option(names = "--data-home", paramLabel = "DIR",
            description = "The data home to work on (default: $" + DataOptions.ENV_DATA_HOME
                    + ", else $XDG_DATA_HOME/mapper, else ~/.local/share/mapper).")
    Path directory;

    /**
     * The data home's installer: it downloads with {@code downloader} (null for commands that fetch nothing) and
     * takes files as large as {@code --max-file-size}.
     */
    Installer installer(CommandLine.Model.CommandSpec spec, Downloader downloader, Progress progress) {
        return new Installer(home(spec), downloader, Commands.dataOptions(spec).maxFileSize, progress,
                Clock.systemUTC());
    }

    private DataHome home(CommandLine.Model.CommandSpec spec) {
        Path chosen = directory != null ? directory : DataOptions.dataHome(System::getenv);
        if (chosen == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no data home: set $"
                    + DataOptions.ENV_DATA_HOME + " or $HOME, or give --data-home");
        }
        return new DataHome(chosen.toAbsolutePath());
    }
}
