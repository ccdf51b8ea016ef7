package dev.mapper.cli;

import dev.mapper.index.MappingFilter;
import dev.mapper.index.MappingIndex;
import dev.mapper.index.Selection;
import dev.mapper.model.SelectionReport;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What an export covers: techniques and capabilities, with the shared set selection and filters. */
final class SelectionOptions {

    @Option(names = "--technique", split = ",", paramLabel = "ID",
            completionCandidates = CompletionCandidates.TechniqueIds.class,
            description = "Only these techniques, each with its sub-techniques (e.g. T1528,T1078).")
    Set<String> techniques = new LinkedHashSet<>();

    @Option(names = "--capability", split = ",", paramLabel = "ID",
            description = "Only these capabilities (capability_id, e.g. aws_secrets_manager, AC-02).")
    Set<String> capabilities = new LinkedHashSet<>();

    @Mixin
    SetOptions sets;

    @Mixin
    FilterOptions filters;

    /** Loads the data and answers the selection. */
    SelectionReport select(CommandLine.Model.CommandSpec spec) {
        MappingIndex index = Commands.index(spec);
        return select(spec, index, filters.filter(spec.commandLine(), index));
    }

    /** The selection in the loaded data, with a filter made from {@link #filters} (and more, such as --have). */
    SelectionReport select(CommandLine.Model.CommandSpec spec, MappingIndex index, MappingFilter filter) {
        List<String> ids = Commands.techniqueIds(spec, techniques);
        return index.select(new Selection(new LinkedHashSet<>(ids), capabilities), sets.selection(), filter);
    }
}
