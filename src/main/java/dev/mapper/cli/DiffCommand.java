package dev.mapper.cli;

import dev.mapper.index.MappingDiff;
import dev.mapper.index.MappingIndex;
import dev.mapper.load.DataLoader;
import dev.mapper.model.DiffReport;
import dev.mapper.model.MappingFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mapper diff OLD NEW}: what changed between two versions of a mapping set. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {
            "Compare two mapping sets: mappings added, removed, changed, moved to the technique that replaced a "
                    + "revoked one, and exact duplicates gained or lost. Summary first, then the details.",
            "OLD and NEW are mapping files, or loaded sets named framework@framework-version[@attack-version]."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  mapper diff aws-09.21.2021_attack-9.0-enterprise.json \\",
            "      aws-12.12.2024_attack-16.1-enterprise.json",
            "  mapper --data ~/attack-data diff nist_800_53@rev5@14.1 nist_800_53@rev5@16.1",
            "  mapper --data ~/attack-data diff aws@09/21/2021 aws@12/12/2024 --format json \\",
            "      | jq .summary",
            "  mapper --data ~/attack-data diff old.json new.json --exit-code >/dev/null || \\",
            "      echo changed"
        })
final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OLD", description = "The older mapping file or set name.")
    String oldSide;

    @Parameters(index = "1", paramLabel = "NEW", description = "The newer mapping file or set name.")
    String newSide;

    @Option(names = "--exit-code", description = "Exit with 1 when there are differences, 0 when there are none "
            + "(as git diff --exit-code).")
    boolean exitCode;

    @Mixin
    OutputOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        MappingIndex index = Commands.index(spec);
        long maxFileSize = Commands.dataOptions(spec).maxFileSize;
        DiffReport report = MappingDiff.diff(side(index, oldSide, maxFileSize), side(index, newSide, maxFileSize), index);
        output.write(spec, report);
        return exitCode && report.hasDifferences() ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    /** A path when it names a file or has no '@'; otherwise a set name. */
    private static MappingFile side(MappingIndex index, String argument, long maxFileSize) {
        if (argument.contains("@") && !Files.exists(Path.of(argument))) {
            return index.mappingFile(argument);
        }
        return DataLoader.readMappingFile(Path.of(argument), maxFileSize);
    }
}
