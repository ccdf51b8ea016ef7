package dev.mapper.cli;

import dev.mapper.index.MappingIndex;
import dev.mapper.model.CrosswalkReport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mapper crosswalk CAPABILITY --to FRAMEWORK}: another framework's capabilities for the same techniques. */
@Command(name = "crosswalk", mixinStandardHelpOptions = true,
        description = {
            "The capabilities of another framework that map to the techniques a capability maps to, with the "
                    + "techniques they share and their overlap (Jaccard: shared / either), best first.",
            "Derived through ATT&CK, not an official crosswalk: two capabilities that map to the same technique may "
                    + "address it quite differently. The filters (--mapping-type, --min-score, ...) apply to both sides."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  mapper crosswalk aws_secrets_manager --to veris",
            "  mapper --data ~/attack-data crosswalk aws_secrets_manager --to nist_800_53",
            "  mapper --data ~/attack-data crosswalk AC-2 --to azure --min-score partial \\",
            "      --format json"
        })
final class CrosswalkCommand implements Callable<Integer> {

    static final int DEFAULT_LIMIT = 20;

    @Parameters(paramLabel = "CAPABILITY", arity = "1..*",
            description = "A capability_id (e.g. aws_secrets_manager, AC-2), or part of an ID or description, as "
                    + "'mapper capability' takes it.")
    List<String> name;

    @Option(names = "--to", required = true, paramLabel = "FRAMEWORK",
            completionCandidates = CompletionCandidates.Frameworks.class,
            description = "The framework to crosswalk to (mapping_framework, e.g. nist_800_53, azure).")
    String to;

    @Option(names = {"-n", "--limit"}, paramLabel = "N",
            description = "Show the best N capabilities (default: ${DEFAULT-VALUE}; 0 for all).")
    int limit = DEFAULT_LIMIT;

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
        if (limit < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be 0 (all) or more, not " + limit);
        }
        MappingIndex index = Commands.index(spec);
        CrosswalkReport report = index.crosswalk(query, to, sets.selection(),
                filters.filter(spec.commandLine(), index), limit);
        output.write(spec, report);
        return ExitCodes.OK;
    }
}
