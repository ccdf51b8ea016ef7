package dev.mapper.cli;

import dev.mapper.pull.Downloader;
import dev.mapper.pull.Installer;
import dev.mapper.pull.Progress;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mapper data pull}: installs the current official data into the data home. */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Download the current ATT&CK releases (enterprise, mobile, ICS) and the Mappings Explorer files "
                + "of every framework into the data home, which every other command then reads.",
            "Each file is checked to be what its name says before it replaces anything; an unchanged file is not "
                + "downloaded again. By default the newest of ATT&CK and of each framework per domain is installed, "
                + "and what it supersedes removed; --attack-version and --all-versions install versions that stay."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  mapper data pull",
            "  mapper data pull --domain enterprise --framework attack --framework aws",
            "  mapper data pull --attack-version 16.1 --dry-run",
            "  mapper data pull --source /media/usb/mapper-data  # an air-gapped site's copy",
            "  mapper data pull --source https://mirror.example.org/mapper/"
        })
final class DataPullCommand implements Callable<Integer> {

    @Mixin
    DataSelectionOptions select;

    @Option(names = "--all-versions", description = "Every published version, not only the newest.")
    boolean allVersions;

    @Option(names = "--dry-run", description = "List what would be fetched, and its size, without fetching it.")
    boolean dryRun;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar (there is none either when stderr is not a "
            + "terminal).")
    boolean quiet;

    @Mixin
    SourceOptions source;

    @Mixin
    DataHomeOptions dataHome;

    @Mixin
    OutputOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Downloader downloader = source.downloader();
        Progress progress = quiet || System.console() == null ? new ProgressBar.Messages(spec.commandLine().getErr())
                : new ProgressBar(spec.commandLine().getErr());
        Installer installer = dataHome.installer(spec, downloader, progress);
        output.write(spec, installer.pull(source.offers(downloader), select.selection(allVersions), dryRun));
        return ExitCodes.OK;
    }
}
