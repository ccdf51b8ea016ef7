package dev.mapper.cli;

import dev.mapper.model.SelectionReport;
import dev.mapper.render.StixBundle;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mapper export stix}: a STIX 2.1 bundle of a selection, referring to the loaded ATT&CK data. */
@Command(name = "stix", mixinStandardHelpOptions = true,
        description = "Write a STIX 2.1 bundle: a course-of-action per capability, a relationship per mapping "
                + "(mitigates or related-to) to the attack-pattern ids of the loaded ATT&CK data. No network.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  mapper export stix --technique T1528 | jq '.objects | length'",
            "  mapper --data ~/mappings --data enterprise-attack.json export stix --framework nist_800_53 -o nist.json"
        })
final class ExportStixCommand implements Callable<Integer> {

    @Mixin
    SelectionOptions selection;

    @Mixin
    OutputTarget target;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SelectionReport report = selection.select(spec);
        int[] unresolved = new int[1];
        Commands.write(spec, target, out -> unresolved[0] = StixBundle.write(report, out));
        if (unresolved[0] > 0) {
            boolean one = unresolved[0] == 1;
            spec.commandLine().getErr().println("mapper: warning: " + unresolved[0] + (one ? " mapping" : " mappings")
                    + " left out: " + (one ? "its technique is" : "their techniques are")
                    + " not in the loaded ATT&CK data (load the release they were mapped to with --data)");
        }
        return ExitCodes.OK;
    }
}
