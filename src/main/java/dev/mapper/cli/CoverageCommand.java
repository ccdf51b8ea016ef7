package dev.mapper.cli;

import dev.mapper.index.MappingIndex;
import dev.mapper.load.IdListReader;
import dev.mapper.model.CoverageReport;
import dev.mapper.model.Technique;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mapper coverage}: how much of ATT&CK the selected mappings cover, with gates for CI. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = {
            "Of the techniques in scope (default: every technique of the loaded ATT&CK domain that is neither "
                    + "revoked nor deprecated), how many have at least one mapping from the selected frameworks.",
            "Prints the totals, one row per tactic and the uncovered techniques. --fail-under and --require make "
                    + "it exit 1 when the coverage is not there."
        },
        footer = {
            "",
            "Examples:",
            "  mapper --data ../shared/corpus coverage --framework aws",
            "  mapper --data ../shared/corpus coverage --framework aws --tactic credential-access --format json",
            "  mapper --data ../shared/corpus coverage --framework aws --fail-under 25 --require T1528,T1078"
        })
final class CoverageCommand implements Callable<Integer> {

    @Option(names = "--techniques", paramLabel = "FILE|ID,...",
            description = "Only these techniques: a comma-separated list of IDs, or a file of IDs "
                    + "(separated by whitespace or commas; # starts a comment).")
    String techniques;

    @Option(names = "--fail-under", paramLabel = "PCT",
            description = "Exit 1 when the covered percentage is under PCT (0 to 100).")
    Double failUnder;

    @Option(names = "--require", split = ",", paramLabel = "ID",
            description = "Exit 1 unless each of these techniques has a mapping (in scope or not).")
    List<String> required = new ArrayList<>();

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
        if (failUnder != null && !(failUnder >= 0 && failUnder <= 100)) { // NaN too: no coverage is under it
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--fail-under is a percentage from 0 to 100, not '" + spec.findOption("--fail-under").originalStringValues().get(0) + "'");
        }
        List<String> scope = Commands.techniqueIds(spec, scopeIds());
        List<String> require = Commands.techniqueIds(spec, required);
        MappingIndex index = Commands.index(spec);
        CoverageReport report = index.coverage(sets.selection(), filters.filter(spec.commandLine(), index), scope,
                require);
        output.write(spec, report);

        List<String> failures = new ArrayList<>();
        if (failUnder != null && report.percent() < failUnder) {
            failures.add(String.format(Locale.ROOT, "coverage %.2f%% (%d of %d) is under --fail-under %s",
                    report.percent(), report.covered(), report.total(), failUnder));
        }
        if (!report.missingRequired().isEmpty()) {
            failures.add("required techniques without a mapping: " + report.missingRequired().stream()
                    .map(t -> t.name() == null ? t.id() : t.id() + " (" + t.name() + ")")
                    .collect(Collectors.joining(", ")));
        }
        if (!failures.isEmpty()) {
            throw new CheckFailedException(String.join("; ", failures));
        }
        return ExitCodes.OK;
    }

    private List<String> scopeIds() {
        if (techniques == null) {
            return List.of();
        }
        Path file = Path.of(techniques);
        return Files.isRegularFile(file) ? IdListReader.read(file) : Arrays.asList(techniques.split(","));
    }
}
