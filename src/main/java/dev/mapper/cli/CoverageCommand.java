package dev.mapper.cli;

import dev.mapper.index.CoverageScope;
import dev.mapper.index.MappingFilter;
import dev.mapper.index.MappingIndex;
import dev.mapper.load.IdListReader;
import dev.mapper.model.CoverageReport;
import dev.mapper.model.CoverageReport.DomainCoverage;
import java.io.PrintWriter;
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

/** {@code mapper coverage}: how much of ATT&CK the selected mappings cover, per domain, with gates for CI. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = {
            "Of the techniques in scope, how many have at least one mapping from the selected frameworks, for each "
                    + "ATT&CK domain the mappings are of (Enterprise, Mobile, ICS), against that domain's release: the "
                    + "one the mappings were made against when it is loaded, else the newest loaded.",
            "The scope is every technique and sub-technique of the release that is neither revoked nor deprecated, "
                    + "unless --techniques, --no-subtechniques, --tactic or --platform say otherwise. A domain whose "
                    + "release is not loaded (only the bundled sample, or nothing) is an error, exit 8, unless "
                    + "--mapping-only.",
            "With --group, --software, --campaign or --groups-file, the scope is the techniques those adversaries "
                    + "use; with --have FILE, only the capabilities you have cover.",
            "Prints the totals, one row per tactic and the uncovered techniques. --fail-under and --require make "
                    + "it exit 1 when the coverage is not there."
        },
        footer = {
            "",
            "Examples:",
            "  mapper --data ~/attack-data coverage --framework aws",
            "  mapper --data ~/attack-data coverage --framework aws --rollup \\",
            "      --no-subtechniques",
            "  mapper --data ~/attack-data coverage --framework aws \\",
            "      --tactic credential-access --format json",
            "  mapper --data ~/attack-data coverage --framework aws --fail-under 25 \\",
            "      --require T1528,T1078",
            "  mapper coverage --framework aws --mapping-only",
            "  mapper --data ~/attack-data coverage --group APT29 --framework aws \\",
            "      --fail-under 60",
            "  mapper --data ~/attack-data coverage --groups-file groups.txt \\",
            "      --have have.txt --format json"
        })
final class CoverageCommand implements Callable<Integer> {

    @Option(names = "--techniques", paramLabel = "FILE|ID,...",
            description = "Only these techniques: a comma-separated list of IDs, or a file of IDs "
                    + "(separated by whitespace or commas; # starts a comment).")
    String techniques;

    @Option(names = "--rollup",
            description = "A technique is also covered by a mapping to one of its sub-techniques "
                    + "(default: only by a mapping to its own ID).")
    boolean rollup;

    @Option(names = "--no-subtechniques",
            description = "Count techniques only: sub-techniques are left out of the total (their mappings still "
                    + "cover their parent with --rollup).")
    boolean noSubtechniques;

    @Option(names = "--mapping-only",
            description = "Measure against no ATT&CK release: count the techniques the mappings map, with no total "
                    + "or percentage (unless --techniques gives one).")
    boolean mappingOnly;

    @Option(names = "--fail-under", paramLabel = "PCT",
            description = "Exit 1 when the covered percentage of any domain is under PCT (0 to 100).")
    Double failUnder;

    @Option(names = "--require", split = ",", paramLabel = "ID",
            description = "Exit 1 unless each of these techniques has a mapping (in scope or not).")
    List<String> required = new ArrayList<>();

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
        if (failUnder != null && !(failUnder >= 0 && failUnder <= 100)) { // NaN too: no coverage is under it
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--fail-under is a percentage from 0 to 100, not '" + spec.findOption("--fail-under").originalStringValues().get(0) + "'");
        }
        if (failUnder != null && mappingOnly && techniques == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fail-under needs a total to take a "
                    + "percentage of: --mapping-only has none unless --techniques lists the techniques in scope");
        }
        if (techniques != null && adversaries.given()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--techniques and the adversary options "
                    + "(--group, --software, --campaign, --groups-file) each set the scope: give one");
        }
        CoverageScope scope = techniques == null ? CoverageScope.RELEASE : CoverageScope.listed(
                Files.isRegularFile(Path.of(techniques)) ? "the techniques listed in " + techniques : techniques,
                Commands.techniqueIds(spec, scopeIds()));
        List<String> require = Commands.techniqueIds(spec, required);
        MappingIndex index = Commands.index(spec);
        MappingFilter filter = filters.filter(spec.commandLine(), index);
        if (adversaries.given()) {
            scope = CoverageScope.of(adversaries.techniques(spec, index, filter));
        }
        CoverageReport report = index.coverage(sets.selection(), have.apply(filter, index), scope,
                new CoverageReport.Counting(!noSubtechniques, rollup, mappingOnly), require,
                Commands.selection(filters, List.of(), have, adversaries, sets));
        PrintWriter err = spec.commandLine().getErr();
        report.domains().stream().map(DomainCoverage::releaseNote).filter(note -> note != null)
                .forEach(note -> err.println("mapper: note: " + note));
        err.flush();
        output.write(spec, report);

        List<String> failures = new ArrayList<>();
        if (failUnder != null) {
            for (DomainCoverage domain : report.domains()) {
                if (domain.percent() < failUnder) {
                    failures.add(String.format(Locale.ROOT, "%s coverage %.2f%% (%d of %d) is under --fail-under %s",
                            domain.displayName(), domain.percent(), domain.covered(), domain.total(), failUnder));
                }
            }
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
        Path file = Path.of(techniques);
        return Files.isRegularFile(file) ? IdListReader.read(file) : Arrays.asList(techniques.split(","));
    }
}
