package dev.mapper.cli;

import dev.mapper.model.SelectionReport;
import dev.mapper.render.NavigatorLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mapper export layer}: an ATT&CK Navigator layer of a selection. */
@Command(name = "layer", mixinStandardHelpOptions = true,
        description = "Write an ATT&CK Navigator layer (format 4.5): each mapped technique scored by the strength "
                + "of its mappings, or by how many capabilities map to it.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  mapper export layer --technique T1528 -o t1528.layer.json",
            "  mapper --data ~/mappings export layer --framework aws -o aws.layer.json",
            "  mapper --data ~/mappings export layer --framework nist_800_53 --score count --name 'NIST rev5'"
        })
final class ExportLayerCommand implements Callable<Integer> {

    @Option(names = "--score", paramLabel = "HOW",
            description = "Technique score: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: strength when every "
                    + "selected framework scores its mappings, else count).")
    NavigatorLayer.Scoring scoring = NavigatorLayer.Scoring.AUTO;

    @Option(names = "--name", paramLabel = "NAME", description = "The layer's name (default: from the selection).")
    String name;

    @Mixin
    SelectionOptions selection;

    @Mixin
    OutputTarget target;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SelectionReport report = selection.select(spec);
        Set<String> domains = NavigatorLayer.domains(report);
        if (domains.size() > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "a layer shows one ATT&CK domain but the "
                    + "selection spans " + String.join(", ", domains) + "; choose one with --domain");
        }
        String layerName = name != null ? name : defaultName();
        Commands.write(spec, target, out -> NavigatorLayer.write(report, layerName, scoring, out));
        return ExitCodes.OK;
    }

    /** "mapper: aws" or "mapper: aws, T1528, aws_secrets_manager" — what was selected. */
    private String defaultName() {
        List<String> parts = new ArrayList<>(selection.filters.frameworks);
        parts.addAll(selection.techniques);
        parts.addAll(selection.capabilities);
        return "mapper: " + (parts.isEmpty() ? "all mappings" : String.join(", ", parts));
    }
}
