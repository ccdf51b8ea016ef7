package dev.mapper.cli;

import dev.mapper.index.MappingFilter;
import dev.mapper.index.MappingIndex;
import dev.mapper.index.MatrixRequest;
import dev.mapper.index.Selection;
import dev.mapper.model.AdversaryTechniques;
import dev.mapper.model.MatrixReport;
import dev.mapper.model.Scoring;
import dev.mapper.render.Format;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mapper matrix}: the ATT&CK matrix shaded by the selected mappings, in the terminal or as an HTML report. */
@Formats({Format.TABLE, Format.JSON, Format.JSONL, Format.CSV, Format.TSV, Format.MARKDOWN, Format.YAML, Format.HTML})
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = {
            "Show the ATT&CK matrix of one domain: tactics as columns in matrix order, techniques as cells shaded by "
                    + "their strongest mapping (or by how many capabilities map to them), sub-techniques folded into "
                    + "their parent (marked +) unless --subtechniques.",
            "The table fits the terminal: names are shortened, then only IDs are shown, then tactics wrap onto several "
                    + "bands. --format html -o FILE writes one self-contained page (no network access) with the "
                    + "details of every cell; --format json the same data.",
            "Domain: --domain, else the domain of the selected mapping sets (enterprise when they span several).",
            "--group, --software, --campaign limit the matrix to the techniques the adversaries use; --have FILE "
                    + "counts only the capabilities you have."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  mapper --data ~/attack-data matrix --framework aws",
            "  mapper --data ~/attack-data matrix --framework aws --format html \\",
            "      -o aws-matrix.html",
            "  mapper --data ~/attack-data matrix --framework nist_800_53 --score count \\",
            "      --tactic initial-access",
            "  mapper --data ~/attack-data matrix \\",
            "      --capability amazon_guardduty,aws_cloudtrail --subtechniques",
            "  mapper --data ~/attack-data matrix --group APT29 --have have.txt \\",
            "      --format html -o apt29.html"
        })
final class MatrixCommand implements Callable<Integer> {

    @Option(names = "--capability", split = ",", paramLabel = "ID",
            description = "Only these capabilities (capability_id, e.g. aws_secrets_manager, AC-02).")
    Set<String> capabilities = new LinkedHashSet<>();

    @Option(names = "--score", paramLabel = "HOW",
            description = "Shade cells by: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: strength when every "
                    + "selected framework scores its mappings, else count).")
    Scoring scoring = Scoring.AUTO;

    @Option(names = "--subtechniques",
            description = "List sub-techniques beneath their parent, each shaded by its own mappings (default: "
                    + "folded into the parent, whose shade then includes theirs).")
    boolean subtechniques;

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
        if (filters.domains.size() > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "a matrix shows one ATT&CK domain; give "
                    + "--domain once (given: " + String.join(", ", filters.domains) + ")");
        }
        MappingIndex index = Commands.index(spec);
        MappingFilter filter = have.apply(filters.filter(spec.commandLine(), index), index);
        String scope = null;
        Set<String> scopeIds = null;
        if (adversaries.given()) {
            AdversaryTechniques used = adversaries.techniques(spec, index, filter);
            scopeIds = Set.copyOf(used.ids());
            scope = used.label();
        }
        MatrixRequest request = new MatrixRequest(new Selection(Set.of(), capabilities), sets.selection(), filter,
                scoring, subtechniques, scope, scopeIds);
        MatrixReport report = index.matrix(request, new MatrixReport.Caption(
                Commands.selection(filters, capabilities, have, adversaries, sets), today()));
        output.write(spec, report);
        return ExitCodes.OK;
    }

    /** The report's date: today, or the day of {@code SOURCE_DATE_EPOCH} (reproducible builds) when it is set. */
    static LocalDate today() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.trim().matches("\\d{1,12}")) {
            return LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(epoch.trim())), ZoneOffset.UTC);
        }
        return LocalDate.now();
    }
}
