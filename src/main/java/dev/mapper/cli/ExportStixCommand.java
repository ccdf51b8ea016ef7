package dev.mapper.cli;

import dev.mapper.model.SelectionReport;
import dev.mapper.render.StixBundle;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mapper export stix}: a STIX 2.1 bundle of a selection, referring to the loaded ATT&CK data. */
@Command(name = "stix", mixinStandardHelpOptions = true,
        description = "Write a STIX 2.1 bundle: a course-of-action (or vulnerability, for a CVE) per capability, a "
                + "relationship per mapping to the attack-pattern ids of the loaded ATT&CK data. No network.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  mapper export stix --technique T1528 | jq '.objects | length'",
            "  mapper --data ~/mappings --data enterprise-attack.json export stix \\",
            "      --framework nist_800_53 -o nist.json"
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
        StixBundle.Result[] result = new StixBundle.Result[1];
        Commands.write(spec, target, out -> result[0] = StixBundle.write(report, out));
        tell(result[0]);
        return ExitCodes.OK;
    }

    /** What the bundle could not say as the mappings do, on stderr. */
    private void tell(StixBundle.Result result) {
        PrintWriter err = spec.commandLine().getErr();
        if (result.unresolved() > 0) {
            boolean one = result.unresolved() == 1;
            err.println("mapper: warning: " + result.unresolved() + (one ? " mapping" : " mappings")
                    + " left out: " + (one ? "its technique is" : "their techniques are")
                    + " not in the loaded ATT&CK data, or revoked with no replacement there (load the release they"
                    + " were mapped to with --data)");
        }
        if (!result.moved().isEmpty()) {
            List<String> moves = new ArrayList<>();
            result.moved().forEach((from, to) -> moves.add(from + " -> " + to));
            int n = result.movedMappings();
            err.println("mapper: note: mappings to techniques revoked in the loaded ATT&CK data point at their "
                    + "replacements (" + n + (n == 1 ? " mapping" : " mappings") + "): " + String.join(", ", moves));
        }
        if (!result.deprecated().isEmpty()) {
            err.println("mapper: note: relationships point at techniques deprecated in the loaded ATT&CK data: "
                    + String.join(", ", result.deprecated()));
        }
        err.flush();
    }
}
