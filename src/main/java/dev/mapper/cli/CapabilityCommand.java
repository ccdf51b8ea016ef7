package dev.mapper.cli;

import dev.mapper.index.MappingIndex;
import dev.mapper.model.CapabilityReport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mapper capability ID-or-name}: the techniques a capability maps to. */
@Command(name = "capability", mixinStandardHelpOptions = true,
        description = {"Show a capability (a framework object such as an AWS service or a NIST control) and the "
                + "techniques it maps to, grouped by framework and set.",
            "Give its capability_id, or any case-insensitive part of its ID or description; a name that matches "
                + "several capabilities lists them (exit code 4)."},
        footer = {
            "",
            "Examples:",
            "  mapper capability aws_secrets_manager",
            "  mapper capability 'secrets manager' --format json | jq \\",
            "      -r '.mappings[].attack_object_id'",
            "  mapper --data ~/attack-data capability AC-2 --framework nist_800_53 \\",
            "      --all-versions"
        })
final class CapabilityCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID-OR-NAME", arity = "1..*",
            description = "A capability_id (e.g. aws_secrets_manager, AC-2), or part of an ID or description; "
                    + "several words are one name.")
    List<String> name;

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
        String query = String.join(" ", name).strip();
        if (query.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the capability name is empty");
        }
        MappingIndex index = Commands.index(spec);
        CapabilityReport report = index.capabilityReport(query, sets.selection(),
                filters.filter(spec.commandLine(), index));
        output.write(spec, report);
        return ExitCodes.OK;
    }
}
