package dev.mapper.cli;

import dev.mapper.index.MappingIndex;
import dev.mapper.load.Validation;
import dev.mapper.model.AttackRelease;
import dev.mapper.model.LoadedData;
import dev.mapper.model.ValidationReport;
import dev.mapper.render.Format;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mapper validate PATH…}: schema and consistency findings with their positions, for people and CI. */
@Formats({Format.TABLE, Format.JSON, Format.JSONL, Format.CSV, Format.TSV, Format.MARKDOWN, Format.YAML, Format.GITHUB, Format.SARIF})
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {
            "Check mapping files (and ATT&CK STIX bundles) against the unified schema and for consistency: groups "
                    + "and mapping types defined, technique IDs well formed and known to ATT&CK, no duplicates.",
            "ATT&CK data comes from the bundles among PATH and from --data. Exit 0 when clean, 1 on errors "
                    + "(and on warnings with --strict)."
        },
        footer = {
            "",
            "Examples:",
            "  mapper validate my-mappings.json --data enterprise-attack.json",
            "  mapper validate mappings/ enterprise-attack.json --format github",
            "  mapper validate mappings/ --strict --format sarif > mapper.sarif"
        })
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Mapping files, STIX bundles, or directories searched recursively for *.json.")
    List<Path> paths;

    @Option(names = "--strict", description = "Fail on warnings too.")
    boolean strict;

    @Mixin
    OutputOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Validation validation = Validation.read(paths, Commands.dataOptions(spec).request().maxFileSize());
        List<AttackRelease> releases = new ArrayList<>(validation.releases());
        releases.addAll(Commands.load(spec).releases());
        ValidationReport report = validation.check(new MappingIndex(new LoadedData(releases, List.of(), List.of())));

        PrintWriter err = spec.commandLine().getErr();
        validation.notes().forEach(note -> err.println("mapper: note: " + note));
        err.flush();
        output.write(spec, report);
        if (report.errors() > 0 || (strict && report.warnings() > 0)) {
            throw new CheckFailedException("validation failed: " + report.errors() + " error(s), "
                    + report.warnings() + " warning(s)" + (strict ? " (--strict)" : ""));
        }
        return ExitCodes.OK;
    }
}
