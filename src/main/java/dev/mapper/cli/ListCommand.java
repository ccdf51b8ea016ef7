package dev.mapper.cli;

import dev.mapper.index.MappingFilter;
import dev.mapper.index.MappingIndex;
import dev.mapper.index.SetSelection;
import dev.mapper.model.Report;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mapper list frameworks|capabilities|techniques|tactics}: what is loaded, with counts. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List what is loaded, with mapping counts: frameworks (every loaded mapping set, and which "
                + "one queries use by default), capabilities, techniques or tactics.",
            "Counts are of the mappings in the searched sets that pass the filters. Without a filter every row is "
                + "listed; with one, only rows it leaves a mapping to."},
        footer = {
            "",
            "Examples:",
            "  mapper list frameworks",
            "  mapper list techniques --format json | jq \\",
            "      '.items[] | select(.mapping_count == 0) | .attack_object_id'",
            "  mapper --data ~/attack-data list capabilities --framework aws",
            "  mapper --data ~/attack-data list tactics --category detect"
        })
final class ListCommand implements Callable<Integer> {

    /** What can be listed. */
    enum What {
        frameworks, capabilities, techniques, tactics
    }

    @Parameters(paramLabel = "WHAT", description = "One of: ${COMPLETION-CANDIDATES}.")
    What what;

    @Mixin
    SetOptions sets;

    @Mixin
    FilterOptions filters;

    @Mixin
    OutputOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        MappingIndex index = Commands.index(spec);
        SetSelection selection = sets.selection();
        MappingFilter filter = filters.filter(spec.commandLine(), index);
        Report report = switch (what) {
            case frameworks -> index.listFrameworks(selection, filter);
            case capabilities -> index.listCapabilities(selection, filter);
            case techniques -> index.listTechniques(selection, filter);
            case tactics -> index.listTactics(selection, filter);
        };
        output.write(spec, report);
        return ExitCodes.OK;
    }
}
