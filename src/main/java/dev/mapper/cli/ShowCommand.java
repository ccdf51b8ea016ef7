package dev.mapper.cli;

import dev.mapper.index.MappingIndex;
import dev.mapper.model.TechniqueReport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mapper show ID}: a technique and everything mapped to it. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show an ATT&CK technique and the capabilities mapped to it, grouped by framework.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  mapper show T1528",
            "  mapper show t1528 --format json | jq -r '.mappings[].capability_id'",
            "  mapper --data ../shared/corpus show T1078 --all-versions",
            "  mapper --data ../shared/corpus show T1078 --no-subtechniques"
        })
final class ShowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", completionCandidates = CompletionCandidates.TechniqueIds.class, description = "A technique or sub-technique ID, e.g. T1528 or T1078.004.")
    String id;

    @CommandLine.Option(names = "--no-subtechniques",
            description = "Show only the technique's own mappings, not those of its sub-techniques.")
    boolean noSubtechniques;

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
        String techniqueId = Commands.techniqueIds(spec, List.of(id)).get(0);
        MappingIndex index = Commands.index(spec);
        TechniqueReport report = index.techniqueReport(techniqueId, sets.selection(),
                filters.filter(spec.commandLine(), index), !noSubtechniques);
        output.write(spec, report);
        return ExitCodes.OK;
    }
}
