package dev.mapper.cli;

import dev.mapper.index.MappingFilter;
import dev.mapper.index.MappingIndex;
import dev.mapper.index.UnknownIdException;
import dev.mapper.model.Adversary;
import dev.mapper.model.AttackObject;
import dev.mapper.model.Defense;
import dev.mapper.model.Report;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mapper show ID|NAME}: a technique and everything mapped to it, or another ATT&CK object. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {
            "Show an ATT&CK technique and the capabilities mapped to it, grouped by framework; or a group, "
                    + "software or campaign with the techniques it uses and what covers each; or a mitigation or "
                    + "detection strategy with the techniques it mitigates or detects.",
            "Give an ATT&CK ID, or a name or alias (ignoring case): a technique ID shows the technique; another ID "
                    + "(G, S, C, M, DET) the object of that kind; a name is looked up across every kind, and a name "
                    + "that several objects share lists them (exit 4)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  mapper show T1528",
            "  mapper show t1528 --format json | jq -r '.mappings[].capability_id'",
            "  mapper --data ../shared/corpus show T1078 --all-versions",
            "  mapper --data ../shared/corpus show T1078 --no-subtechniques",
            "  mapper --data ../shared/corpus show G0016 --framework aws",
            "  mapper --data ../shared/corpus show 'cozy bear' --format json | jq -r '.techniques[].id'",
            "  mapper --data ../shared/corpus show M1047"
        })
final class ShowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID|NAME", completionCandidates = CompletionCandidates.TechniqueIds.class,
            description = "A technique ID (T1528, T1078.004), another ATT&CK ID (G0016, S0154, C0024, M1047, "
                    + "DET0515), or a name or alias (APT29, 'Cozy Bear').")
    String id;

    @CommandLine.Option(names = "--no-subtechniques",
            description = "For a technique: only its own mappings, not those of its sub-techniques.")
    boolean noSubtechniques;

    @Mixin
    AdversaryOptions adversaries;

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
        if (id.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "an ATT&CK ID or name is required");
        }
        MappingIndex index = Commands.index(spec);
        MappingFilter filter = have.apply(filters.filter(spec.commandLine(), index), index);
        AttackObject.Kind kind = AttackObject.Kind.ofId(id);
        Report report;
        if (kind == AttackObject.Kind.TECHNIQUE) {
            report = techniqueOrNamesake(index, filter);
        } else {
            report = report(index, index.attackObject(id, kind == null
                    ? EnumSet.allOf(AttackObject.Kind.class) : EnumSet.of(kind)), filter);
        }
        output.write(spec, report);
        return ExitCodes.OK;
    }

    /**
     * The technique; when no loaded data knows its ID, an object of another kind with that name (ATT&CK has
     * software named T9000), else the unknown technique with its suggestions.
     */
    private Report techniqueOrNamesake(MappingIndex index, MappingFilter filter) {
        String techniqueId = Commands.techniqueIds(spec, List.of(id)).get(0);
        try {
            return index.techniqueReport(techniqueId, sets.selection(), filter, !noSubtechniques);
        } catch (UnknownIdException unknown) {
            try {
                return report(index, index.attackObject(id, EnumSet.complementOf(EnumSet.of(AttackObject.Kind.TECHNIQUE))),
                        filter);
            } catch (UnknownIdException noNamesake) {
                throw unknown;
            }
        }
    }

    private Report report(MappingIndex index, AttackObject object, MappingFilter filter) {
        if (object instanceof Adversary adversary) {
            return index.adversaryReport(adversary, adversaries.includeSoftware, sets.selection(), filter);
        }
        if (object instanceof Defense defense) {
            return index.defenseReport(defense);
        }
        return index.techniqueReport(object.id(), sets.selection(), filter, !noSubtechniques);
    }
}
