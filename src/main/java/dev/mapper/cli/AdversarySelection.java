package dev.mapper.cli;

import dev.mapper.index.AmbiguousNameException;
import dev.mapper.index.MappingFilter;
import dev.mapper.index.MappingIndex;
import dev.mapper.index.UnknownIdException;
import dev.mapper.load.IdListReader;
import dev.mapper.model.Adversary;
import dev.mapper.model.AdversaryTechniques;
import dev.mapper.model.AttackObject;
import dev.mapper.render.Text;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which adversaries a command is about: groups, software, campaigns, by ID, name or alias, or a file of groups. */
final class AdversarySelection {

    @Option(names = "--group", split = ",", paramLabel = "ID|NAME",
            description = "An ATT&CK group by ID, name or alias (G0016, APT29, 'Cozy Bear'); repeatable.")
    List<String> groups = new ArrayList<>();

    @Option(names = "--software", split = ",", paramLabel = "ID|NAME",
            description = "ATT&CK software (malware or a tool) by ID, name or alias; repeatable.")
    List<String> software = new ArrayList<>();

    @Option(names = "--campaign", split = ",", paramLabel = "ID|NAME",
            description = "An ATT&CK campaign by ID, name or alias; repeatable.")
    List<String> campaigns = new ArrayList<>();

    @Option(names = "--groups-file", paramLabel = "FILE",
            description = "Groups by ID, name or alias, one per line (# starts a comment).")
    Path groupsFile;

    @Mixin
    AdversaryOptions counting;

    boolean given() {
        return !groups.isEmpty() || !software.isEmpty() || !campaigns.isEmpty() || groupsFile != null;
    }

    /** The adversaries as given, as {@link FilterOptions#describeTo} puts filters. */
    void describeTo(Map<String, List<String>> caption) {
        for (Map.Entry<String, List<String>> option : Map.of("group", groups, "software", software, "campaign",
                campaigns).entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            if (!option.getValue().isEmpty()) {
                caption.put(option.getKey(), List.copyOf(option.getValue()));
            }
        }
        if (groupsFile != null) {
            caption.put("groups_file", List.of(groupsFile.toString()));
        }
        if (counting.includeSoftware) {
            caption.put("include_software", List.of());
        }
    }

    /** What the adversaries use, as {@link MappingIndex#adversaryTechniques} counts it (with --include-software). */
    AdversaryTechniques techniques(CommandLine.Model.CommandSpec spec, MappingIndex index, MappingFilter filter) {
        return index.adversaryTechniques(adversaries(spec, index), counting.includeSoftware, filter);
    }

    /**
     * The adversaries named, each once, in the order given. A revoked one stands for the one that replaced it, and
     * a deprecated one is used as it is, each with a warning on stderr.
     *
     * @throws UnknownIdException, AmbiguousNameException for a name that finds none or several (in the groups
     *         file, with its place)
     */
    List<Adversary> adversaries(CommandLine.Model.CommandSpec spec, MappingIndex index) {
        Set<Adversary> chosen = new LinkedHashSet<>();
        groups.forEach(name -> chosen.add(current(spec, index, index.adversary(name, AttackObject.Kind.GROUP))));
        if (groupsFile != null) {
            for (IdListReader.Listed listed : IdListReader.lines(groupsFile)) {
                String place = groupsFile + ":" + listed.line() + ":" + listed.column();
                try {
                    chosen.add(current(spec, index, index.adversary(listed.id(), AttackObject.Kind.GROUP)));
                } catch (UnknownIdException e) {
                    throw e.at(place);
                } catch (AmbiguousNameException e) {
                    throw e.at(place);
                }
            }
        }
        software.forEach(name -> chosen.add(current(spec, index, index.adversary(name, AttackObject.Kind.SOFTWARE))));
        campaigns.forEach(name -> chosen.add(current(spec, index, index.adversary(name, AttackObject.Kind.CAMPAIGN))));
        return new ArrayList<>(chosen);
    }

    /** The adversary, or the one that replaced it when it is revoked; a warning for either kind of withdrawal. */
    private static Adversary current(CommandLine.Model.CommandSpec spec, MappingIndex index, Adversary adversary) {
        PrintWriter err = spec.commandLine().getErr();
        if (adversary.revoked() && adversary.revokedBy() != null) {
            Adversary replacement = index.adversary(adversary.revokedBy(), adversary.kind());
            err.println("mapper: warning: " + Text.line(adversary.id() + " " + adversary.name()) + " is revoked by "
                    + Text.line(replacement.id() + " " + replacement.name()) + "; counting " + replacement.id());
            err.flush();
            return current(spec, index, replacement);
        }
        if (!adversary.active()) {
            err.println("mapper: warning: " + Text.line(adversary.id() + " " + adversary.name()) + " is "
                    + (adversary.revoked() ? "revoked" : "deprecated") + " in ATT&CK; counting it as it is");
            err.flush();
        }
        return adversary;
    }
}
