package dev.mapper.cli;

import dev.mapper.index.MappingFilter;
import dev.mapper.index.MappingIndex;
import dev.mapper.model.Adversary;
import dev.mapper.model.Capability;
import dev.mapper.model.GapReport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mapper gap}: what adversaries do that what you have does not cover, and what to add next. */
@Command(name = "gap", mixinStandardHelpOptions = true,
        description = {
            "What to add next: the techniques the chosen adversaries use (default: every ATT&CK group) that the "
                    + "capabilities you have (--have FILE; without it, none) leave uncovered, most used first; and "
                    + "the capabilities that would close the most of that gap, picked greedily, each weighted by the "
                    + "adversaries using what it closes and by its score (significant 3, partial 2, minimal 1).",
            "Candidates come from --framework, else from the frameworks of the capabilities you have. Ties are "
                    + "broken by ID: the same data gives the same answer. See docs/threats.md."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  mapper --data ~/attack-data gap --have have.txt",
            "  mapper --data ~/attack-data gap --group APT29,FIN7 --framework aws \\",
            "      --recommend 5",
            "  mapper --data ~/attack-data gap --have have.txt --format json | jq \\",
            "      -r '.recommendations[].capability_id'"
        })
final class GapCommand implements Callable<Integer> {

    @Option(names = {"-n", "--limit"}, paramLabel = "N",
            description = "List the N most used uncovered techniques (default: ${DEFAULT-VALUE}; 0 for all).")
    int limit = 10;

    @Option(names = "--closable",
            description = "List only the uncovered techniques that some capability of the searched sets (one you "
                    + "do not have) maps to: the gap you can close with them.")
    boolean closable;

    @Option(names = "--recommend", paramLabel = "N",
            description = "Recommend up to N capabilities (default: ${DEFAULT-VALUE}; 0 for none).")
    int recommend = 3;

    @Mixin
    AdversarySelection adversaries;

    @Mixin
    HaveOptions have;

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
        if (limit < 0 || recommend < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    (limit < 0 ? "--limit" : "--recommend") + " must be 0 or more");
        }
        MappingIndex index = Commands.index(spec);
        MappingFilter filter = filters.filter(spec.commandLine(), index);
        List<Adversary> chosen = adversaries.adversaries(spec, index);
        List<Capability> capabilities = have.given() ? have.capabilities(index) : null;
        GapReport report = index.gap(chosen, adversaries.counting.includeSoftware, capabilities, sets.selection(),
                filter, limit, closable, recommend);
        output.write(spec, report);
        return ExitCodes.OK;
    }
}
