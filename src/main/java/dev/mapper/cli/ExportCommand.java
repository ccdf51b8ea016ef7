package dev.mapper.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mapper export}: whole selections, for other tools. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export the mappings of a selection (frameworks, capabilities, techniques, filters) for other tools.",
        subcommands = {ExportLayerCommand.class, ExportStixCommand.class, ExportMappingsCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  mapper --data ~/mappings export layer --framework aws -o aws.layer.json",
            "  mapper --data ~/mappings export stix --framework nist_800_53 -o nist.stix.json",
            "  mapper --data ~/mappings export mappings --framework gcp --format csv \\",
            "      -o gcp.csv"
        })
final class ExportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "an export is required: layer, stix or mappings");
    }
}
