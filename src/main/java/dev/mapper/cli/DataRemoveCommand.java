package dev.mapper.cli;

import dev.mapper.pull.Installer;
import dev.mapper.pull.Progress;
import dev.mapper.pull.Selection;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mapper data remove}: deletes installed files from the data home. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove installed files (every version the filters match) from the data home.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  mapper data remove --framework nist_800_53",
            "  mapper data remove --domain ics",
            "  mapper data remove --all"
        })
final class DataRemoveCommand implements Callable<Integer> {

    @Mixin
    DataSelectionOptions select;

    @Option(names = "--all", description = "Remove every installed file.")
    boolean all;

    @Mixin
    DataHomeOptions dataHome;

    @Mixin
    OutputOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (all == select.any()) {
            throw new CommandLine.ParameterException(spec.commandLine(), all
                    ? "--all removes everything: give it without --domain, --framework or --attack-version"
                    : "say what to remove: --domain, --framework, --attack-version, or --all");
        }
        Selection selection = all ? new Selection(Set.of(), Set.of(), Set.of(), true) : select.selection(true);
        Installer installer = dataHome.installer(spec, null, Progress.NONE);
        output.write(spec, installer.remove(selection));
        return ExitCodes.OK;
    }
}
