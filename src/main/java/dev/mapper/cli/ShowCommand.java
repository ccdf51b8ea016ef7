package dev.mapper.cli;

import dev.mapper.index.AmbiguousNameException;
import dev.mapper.index.MappingFilter;
import dev.mapper.index.MappingIndex;
import dev.mapper.index.UnknownIdException;
import dev.mapper.load.IdListReader;
import dev.mapper.model.Adversary;
import dev.mapper.model.AttackObject;
import dev.mapper.model.Defense;
import dev.mapper.model.Report;
import dev.mapper.model.ReportList;
import dev.mapper.model.Technique;
import dev.mapper.render.RenderOptions;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code mapper show ID|NAME...}: a technique and everything mapped to it, or another ATT&CK object; several in one
 * run, from the command line or stdin. Each is looked up on its own: one that is not found is said on stderr and the
 * others are still shown.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {
            "Show an ATT&CK technique and the capabilities mapped to it, grouped by framework; or a group, "
                    + "software or campaign with the techniques it uses and what covers each; or a mitigation or "
                    + "detection strategy with the techniques it mitigates or detects.",
            "Give an ATT&CK ID, or a name or alias (ignoring case): a technique ID shows the technique; another ID "
                    + "(G, S, C, M, DET) the object of that kind; a name is looked up across every kind, and a name "
                    + "that several objects share lists them (exit 4).",
            "Several are shown one after the other (JSON: one document with a 'reports' array; jsonl: one a line); "
                    + "'-' reads them from stdin, one a line. One that is not found is said on stderr, the others are "
                    + "shown, and the exit code is 3 (4 when the only failures are ambiguous names)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  mapper show T1528",
            "  mapper show t1528 --format json | jq -r '.mappings[].capability_id'",
            "  mapper --data ~/attack-data show T1078 --all-versions",
            "  mapper --data ~/attack-data show T1078 --no-subtechniques",
            "  mapper --data ~/attack-data show T1078 T1528 T1190",
            "  mapper --data ~/attack-data show - < technique-ids.txt",
            "  mapper --data ~/attack-data show --extract-ids - --format json < report.txt",
            "  mapper --data ~/attack-data show G0016 --framework aws",
            "  mapper --data ~/attack-data show 'cozy bear' --format json | jq \\",
            "      -r '.techniques[].id'",
            "  mapper --data ~/attack-data show M1047"
        })
final class ShowCommand implements Callable<Integer> {

    /** The argument that stands for stdin. */
    private static final String STDIN = "-";

    @Parameters(paramLabel = "ID|NAME", arity = "1..*", completionCandidates = CompletionCandidates.TechniqueIds.class,
            description = "Technique IDs (T1528, T1078.004), other ATT&CK IDs (G0016, S0154, C0024, M1047, "
                    + "DET0515), or names or aliases (APT29, 'Cozy Bear'); '-' reads them from stdin, one a line "
                    + "(blank lines and # comments are skipped).")
    List<String> queries;

    @CommandLine.Option(names = "--extract-ids",
            description = "Take technique IDs from free text (the arguments, or stdin with '-'), e.g. a pasted report:"
                    + " every T1234 and T1234.001 (or T1234/001, as in ATT&CK's URLs) in it, each once, in order.")
    boolean extractIds;

    @CommandLine.Option(names = "--brief",
            description = "Only the header and the summary (a line per framework); table and markdown.")
    boolean brief;

    @CommandLine.Option(names = "--full",
            description = "ATT&CK's texts whole; the table shows the first paragraph of each (JSON always has all).")
    boolean full;

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
        if (brief && full) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--brief and --full exclude each other");
        }
        boolean one = queries.size() == 1 && !queries.contains(STDIN) && !extractIds;
        List<String> asked = asked();
        MappingIndex index = Commands.index(spec);
        MappingFilter filter = have.apply(filters.filter(spec.commandLine(), index), index);
        List<Report> reports = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        int exitCode = ExitCodes.OK;
        for (String query : asked) {
            try {
                reports.add(lookup(index, filter, query));
            } catch (UnknownIdException | AmbiguousNameException e) {
                if (one) {
                    throw e;
                }
                ErrorHandler.report(spec.commandLine(), e);
                notFound.add(query);
                exitCode = e instanceof UnknownIdException || exitCode == ExitCodes.NOT_FOUND
                        ? ExitCodes.NOT_FOUND : ExitCodes.AMBIGUOUS;
            }
        }
        output.write(spec, one ? reports.get(0) : new ReportList(reports, notFound),
                brief ? RenderOptions.Detail.BRIEF : full ? RenderOptions.Detail.FULL : RenderOptions.Detail.NORMAL);
        return exitCode;
    }

    /**
     * The IDs and names asked for, each once, in the order given; with --extract-ids, the technique IDs in the text.
     */
    private List<String> asked() {
        if (Collections.frequency(queries, STDIN) > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "'-' (stdin) can be given only once");
        }
        Set<String> asked = new LinkedHashSet<>();
        for (String arg : queries) {
            if (extractIds) {
                asked.addAll(Technique.idsIn(arg.equals(STDIN) ? IdListReader.text(stdin(), "stdin") : arg));
            } else if (arg.equals(STDIN)) {
                asked.addAll(IdListReader.lines(stdin(), "stdin"));
            } else if (arg.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "an ATT&CK ID or name is required");
            } else {
                asked.add(arg);
            }
        }
        if (asked.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), extractIds
                    ? "no technique IDs (T1234, T1234.001) in the text given" : "no IDs or names on stdin");
        }
        return List.copyOf(asked);
    }

    private InputStreamReader stdin() {
        return new InputStreamReader(Commands.stdin(spec), StandardCharsets.UTF_8);
    }

    /** The answer for one ID or name: a technique, or an object of the kind its ID names, or of any kind. */
    private Report lookup(MappingIndex index, MappingFilter filter, String query) {
        AttackObject.Kind kind = AttackObject.Kind.ofId(query);
        if (kind == AttackObject.Kind.TECHNIQUE) {
            return techniqueOrNamesake(index, filter, query);
        }
        return report(index, index.attackObject(query, kind == null
                ? EnumSet.allOf(AttackObject.Kind.class) : EnumSet.of(kind)), filter);
    }

    /**
     * The technique; when no loaded data knows its ID, an object of another kind with that name (ATT&CK has
     * software named T9000), else the unknown technique with its suggestions.
     */
    private Report techniqueOrNamesake(MappingIndex index, MappingFilter filter, String query) {
        String techniqueId = Commands.techniqueIds(spec, List.of(query)).get(0);
        try {
            return index.techniqueReport(techniqueId, sets.selection(), filter, !noSubtechniques);
        } catch (UnknownIdException unknown) {
            try {
                return report(index, index.attackObject(query,
                        EnumSet.complementOf(EnumSet.of(AttackObject.Kind.TECHNIQUE))), filter);
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
