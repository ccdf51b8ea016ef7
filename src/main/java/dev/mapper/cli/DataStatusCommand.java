package dev.mapper.cli;

import dev.mapper.model.DataHomeReport;
import dev.mapper.pull.Downloader;
import dev.mapper.pull.Installer;
import dev.mapper.pull.Progress;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mapper data status}: what the data home holds, whether each file is intact, and what is newer. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"List the installed files: what each holds, where it came from, when, and whether it is "
                + "still what was installed (its SHA-256 against the manifest).",
            "Exits with 1 when a file has changed or is missing ('mapper data pull' installs it again). "
                + "--online also asks the sources whether newer versions are published."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  mapper data status",
            "  mapper data status --online",
            "  mapper data status --format json | jq \\",
            "      -r '.items[] | select(.state != \"ok\") | .path'"
        })
final class DataStatusCommand implements Callable<Integer> {

    @Option(names = "--online", description = "Ask the sources (the network, or --source) for newer versions.")
    boolean online;

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
        Downloader downloader = online ? source.downloader() : null;
        Installer installer = dataHome.installer(spec, downloader, Progress.NONE);
        DataHomeReport report = installer.status(online ? source.offers(downloader) : null);
        output.write(spec, report);
        long damaged = report.rows().stream().filter(row -> row.state() != DataHomeReport.State.OK).count();
        if (damaged > 0) {
            throw new CheckFailedException(damaged + " installed file(s) changed or missing: mapper data pull "
                    + "installs them again");
        }
        return ExitCodes.OK;
    }
}
