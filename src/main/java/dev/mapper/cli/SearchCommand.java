package dev.mapper.cli;

import dev.mapper.index.MappingIndex;
import dev.mapper.model.SearchReport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mapper search TEXT...}: ranked hits over techniques, capabilities and mapping comments. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search technique IDs, names and descriptions, capability IDs and descriptions, and mapping "
                + "comments. Every word must match (a word of 3 letters or more also matches longer words it starts).",
            "Exact IDs rank first, then exact names, then names holding every word, then descriptions and comments."},
        footer = {
            "",
            "Examples:",
            "  mapper search access token",
            "  mapper search T1528 --limit 5",
            "  mapper search secrets --format json | jq \\",
            "      -r '.results[] | [.kind, .capability_id, .attack_object_id] | @tsv'",
            "  mapper --data ~/attack-data search phishing --framework m365"
        })
final class SearchCommand implements Callable<Integer> {

    static final int DEFAULT_LIMIT = 20;

    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "What to look for; several words all must match.")
    List<String> text;

    @Option(names = {"-n", "--limit"}, paramLabel = "N",
            description = "Show at most N hits (default: ${DEFAULT-VALUE}).")
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
        String query = String.join(" ", text).strip();
        if (!query.codePoints().anyMatch(Character::isLetterOrDigit)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "nothing to search for in '" + query + "' (give a word, a name or an ID)");
        }
        if (limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1, not " + limit);
        }
        MappingIndex index = Commands.index(spec);
        SearchReport report = index.search(query, sets.selection(), filters.filter(spec.commandLine(), index), limit);
        output.write(spec, report);
        return ExitCodes.OK;
    }
}
