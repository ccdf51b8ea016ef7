package dev.mapper.cli;

import dev.mapper.index.MappingFilter;
import dev.mapper.index.MappingIndex;
import dev.mapper.model.Adversary;
import dev.mapper.model.AdversaryTechniques;
import dev.mapper.model.AttackDomain;
import dev.mapper.model.Scoring;
import dev.mapper.model.SelectionReport;
import dev.mapper.render.AdversaryLayer;
import dev.mapper.render.LayerAttackVersion;
import dev.mapper.render.MappingLayer;
import dev.mapper.render.NavigatorLayer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mapper export layer}: an ATT&CK Navigator layer of a selection. */
@Command(name = "layer", mixinStandardHelpOptions = true,
        description = {"Write an ATT&CK Navigator layer (format 4.5): each mapped technique scored by the strength "
                + "of its mappings, or by how many capabilities map to it.",
            "With --group, --software, --campaign or --groups-file, the layer of an adversary gap instead: the "
                + "techniques the adversaries use, green when the selected mappings (with --have: the capabilities "
                + "you have) cover them, red when nothing does, and in grey what they cover that the adversaries "
                + "do not use."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  mapper export layer --technique T1528 -o t1528.layer.json",
            "  mapper --data ~/mappings --data enterprise-attack.json export layer \\",
            "      --framework aws -o aws.layer.json",
            "  mapper --data ~/mappings export layer --framework nist_800_53 --score count \\",
            "      --name 'NIST rev5'",
            "  mapper --data ~/mappings export layer --framework aws \\",
            "      --layer-attack-version 16",
            "  mapper --data ~/mappings --data enterprise-attack.json export layer \\",
            "      --group APT29 --have have.txt -o apt29-gap.json"
        })
final class ExportLayerCommand implements Callable<Integer> {

    @Option(names = "--score", paramLabel = "HOW",
            description = "Technique score: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: strength when every "
                    + "selected framework scores its mappings, else count).")
    Scoring scoring = Scoring.AUTO;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The layer's name (default: from the selection, short enough for a spreadsheet sheet).")
    String name;

    @Option(names = "--layer-attack-version", paramLabel = "VERSION",
            description = "The ATT&CK version the layer declares: 'loaded' (default: the loaded ATT&CK release's, "
                    + "techniques it revoked shown on their replacements), 'none' (the Navigator uses its newest), "
                    + "or a version such as 16.")
    String attackVersion = LayerAttackVersion.LOADED;

    @Mixin
    SelectionOptions selection;

    @Mixin
    AdversarySelection adversaries;

    @Mixin
    HaveOptions have;

    @Mixin
    OutputTarget target;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!LayerAttackVersion.isChoice(attackVersion)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--layer-attack-version: '" + attackVersion
                    + "' is not a version (expected loaded, none, or a number such as 16 or 16.1)");
        }
        if (adversaries.given() && scoring != Scoring.AUTO) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--score does not apply to an adversary "
                    + "layer, whose cells say covered, uncovered or not used");
        }
        MappingIndex index = Commands.index(spec);
        MappingFilter filter = have.apply(selection.filters.filter(spec.commandLine(), index), index);
        SelectionReport report = selection.select(spec, index, filter);
        AdversaryTechniques used = adversaries.given() ? adversaries.techniques(spec, index, filter) : null;
        String domain = domain(report, used, filter);
        MappingLayer.Result result;
        if (used != null) {
            String names = used.adversaries().stream().map(Adversary::name).collect(Collectors.joining(", "));
            result = AdversaryLayer.build(report, used, new AdversaryLayer.Options(
                    name != null ? name : NavigatorLayer.sheetTitle(names + " gap"), domain, attackVersion,
                    selected()));
        } else {
            result = MappingLayer.build(report,
                    new MappingLayer.Options(name != null ? name : defaultName(), domain, scoring, attackVersion));
        }
        Commands.write(spec, target, out -> NavigatorLayer.write(result.layer(), out));
        tell(result);
        return ExitCodes.OK;
    }

    /**
     * The layer's one ATT&CK domain: the one --domain names; else that of the adversaries' techniques (an ICS group's
     * layer is an ICS layer, whatever the mappings), or of the selected mappings; Enterprise when there are none.
     */
    private String domain(SelectionReport report, AdversaryTechniques used, MappingFilter filter) {
        if (filter.domains().size() == 1) {
            return filter.domains().iterator().next();
        }
        Set<String> domains = new TreeSet<>();
        if (used != null) {
            used.techniques().forEach(u -> domains.add(AttackDomain.normalise(u.technique().domain())));
        }
        if (domains.isEmpty()) {
            MappingLayer.domains(report).forEach(d -> domains.add(AttackDomain.normalise(d)));
        }
        if (domains.size() > 1) {
            String spans = used != null && !used.techniques().isEmpty() ? "adversaries' techniques span"
                    : "selection spans";
            throw new CommandLine.ParameterException(spec.commandLine(), "a layer shows one ATT&CK domain but the "
                    + spans + " " + String.join(", ", domains) + "; choose one with --domain");
        }
        return domains.isEmpty() ? AttackDomain.ENTERPRISE.key() : domains.iterator().next();
    }

    /** "aws mappings", "AC-2 mappings", "aws, T1528 mappings": what was selected, as a valid sheet title. */
    private String defaultName() {
        return NavigatorLayer.sheetTitle(selected() + " mappings");
    }

    /** "aws", "aws, T1528, have.txt", "all": the frameworks, techniques, capabilities and --have file selected. */
    private String selected() {
        List<String> parts = new ArrayList<>(selection.filters.frameworks);
        parts.addAll(selection.techniques);
        parts.addAll(selection.capabilities);
        if (have.given()) {
            parts.add(String.valueOf(have.file.getFileName()));
        }
        return parts.isEmpty() ? "all" : String.join(", ", parts);
    }

    /** What the user should know about the layer, on stderr: moved techniques, techniques a Navigator cannot show. */
    private void tell(MappingLayer.Result result) {
        PrintWriter err = spec.commandLine().getErr();
        if (name != null && !NavigatorLayer.isSheetTitle(name)) {
            err.println("mapper: note: the layer's name is not a valid spreadsheet sheet title (at most "
                    + NavigatorLayer.SHEET_TITLE_MAX + " characters, none of : \\ / ? * [ ]): exporting the layer to "
                    + "Excel will fail");
        }
        if (!result.moved().isEmpty()) {
            err.println("mapper: note: " + count(result.moved().size(), "technique") + " revoked in ATT&CK "
                    + result.checkedAgainst().displayName() + " shown on " + (result.moved().size() == 1 ? "its" : "their")
                    + " replacement: " + list(result.moved(), "%s -> %s"));
        }
        if (!result.notShown().isEmpty()) {
            err.println("mapper: warning: a Navigator on ATT&CK " + result.layer().attackVersion() + " cannot show "
                    + count(result.notShown().size(), "technique") + " of the layer: "
                    + list(result.notShown(), "%s (%s)"));
        }
        err.flush();
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    /** Each ID and its note through the format, comma-separated. */
    private static String list(Map<String, String> notes, String format) {
        List<String> items = new ArrayList<>();
        notes.forEach((id, note) -> items.add(String.format(format, id, note)));
        return String.join(", ", items);
    }
}
