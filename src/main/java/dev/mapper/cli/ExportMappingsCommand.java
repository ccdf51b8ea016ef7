package dev.mapper.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mapper export mappings}: every mapping of a selection, in any output format. */
@Command(name = "mappings", mixinStandardHelpOptions = true,
        description = "Write the mappings of a selection in any format (csv for spreadsheets, jsonl for pipelines, ...).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  mapper export mappings --technique T1528 --format csv",
            "  mapper --data ~/mappings export mappings --framework gcp --format csv \\",
            "      -o gcp.csv",
            "  mapper --data ~/mappings export mappings --capability aws_secrets_manager \\",
            "      --format jsonl"
        })
final class ExportMappingsCommand implements Callable<Integer> {

    @Mixin
    SelectionOptions selection;

    @Mixin
    OutputOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        output.write(spec, selection.select(spec));
        return ExitCodes.OK;
    }
}
