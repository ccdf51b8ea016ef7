package dev.mapper.cli;

import dev.mapper.index.FilterDimension;
import dev.mapper.index.MappingFilter;
import dev.mapper.index.MappingIndex;
import dev.mapper.model.AttackDomain;
import dev.mapper.model.Score;
import dev.mapper.model.Tactic;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The filters every query command shares. Values may be repeated or comma-separated; unknown values fail with
 * the list of valid ones from the loaded data.
 */
final class FilterOptions {

    @Option(names = "--framework", split = ",", paramLabel = "NAME",
            completionCandidates = CompletionCandidates.Frameworks.class,
            description = "Only these frameworks (mapping_framework, e.g. aws, nist_800_53, veris).")
    Set<String> frameworks = new LinkedHashSet<>();

    // Not split by picocli: a type's name may hold a comma ("Win 11, System Guard Secure Launch").
    @Option(names = "--mapping-type", paramLabel = "TYPE",
            description = "Only these mapping types: the mapping_type (technique_scores, mitigates, related_to) or its "
                    + "name as the table shows it (related-to); several separated by commas.")
    Set<String> mappingTypes = new LinkedHashSet<>();

    @Option(names = "--category", split = ",", paramLabel = "CAT",
            description = "Only these score categories: protect, detect, respond.")
    Set<String> categories = new LinkedHashSet<>();

    @Option(names = "--min-score", paramLabel = "SCORE",
            description = "Only scored mappings at least this strong: ${COMPLETION-CANDIDATES}.")
    Score minScore;

    @Option(names = "--tactic", split = ",", paramLabel = "TACTIC",
            description = "Only techniques of these tactics: ID, shortname or name, with the domain when several "
                    + "domains have it (e.g. credential-access, TA0006, mobile/initial-access).")
    Set<String> tactics = new LinkedHashSet<>();

    @Option(names = "--platform", split = ",", paramLabel = "PLATFORM",
            description = "Only techniques on these platforms (e.g. IaaS, Windows).")
    Set<String> platforms = new LinkedHashSet<>();

    @Option(names = "--domain", split = ",", paramLabel = "DOMAIN",
            description = "Only these ATT&CK domains: enterprise, mobile, ics.")
    Set<String> domains = new LinkedHashSet<>();

    /** The filter, after checking every value against what the loaded data knows. */
    MappingFilter filter(CommandLine cli, MappingIndex index) {
        check(cli, index, FilterDimension.FRAMEWORK, frameworks);
        check(cli, index, FilterDimension.CATEGORY, categories);
        check(cli, index, FilterDimension.PLATFORM, platforms);
        check(cli, index, FilterDimension.DOMAIN, domains);
        return new MappingFilter(frameworks, mappingTypeKeys(cli, index), categories, minScore, tacticKeys(cli, index),
                platforms, domains);
    }

    /**
     * The mapping types named, as keys: each value whole when it names a type (its key or its name), else each of
     * its comma-separated parts.
     */
    private Set<String> mappingTypeKeys(CommandLine cli, MappingIndex index) {
        Set<String> keys = new LinkedHashSet<>();
        for (String value : mappingTypes) {
            Set<String> whole = index.mappingTypesNamed(value);
            if (!whole.isEmpty()) {
                keys.addAll(whole);
                continue;
            }
            for (String part : value.split(",")) {
                Set<String> named = part.isBlank() ? Set.of() : index.mappingTypesNamed(part);
                if (named.isEmpty()) {
                    unknown(cli, FilterDimension.MAPPING_TYPE, part.trim(), index.knownValues(FilterDimension.MAPPING_TYPE));
                }
                keys.addAll(named);
            }
        }
        return keys;
    }

    /**
     * The tactics named, as keys ({@code mobile/initial-access}). A name several domains use is read in the domains
     * the command is about: those of {@code --domain}, else of the sets of {@code --framework}.
     */
    private Set<String> tacticKeys(CommandLine cli, MappingIndex index) {
        if (tactics.isEmpty()) {
            return Set.of(); // no --tactic, as in most runs: no domains to work out
        }
        Set<String> inPlay = new HashSet<>();
        domains.forEach(d -> inPlay.add(AttackDomain.normalise(d)));
        if (inPlay.isEmpty()) {
            index.sets().stream().filter(s -> frameworks.stream().anyMatch(f -> f.trim().equalsIgnoreCase(s.framework())))
                    .forEach(s -> inPlay.add(AttackDomain.normalise(s.domain())));
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String value : tactics) {
            List<Tactic> named = index.tacticsNamed(value, inPlay);
            if (named.isEmpty()) {
                unknown(cli, FilterDimension.TACTIC, value, index.knownValues(FilterDimension.TACTIC));
            }
            named.forEach(t -> keys.add(t.key()));
        }
        return keys;
    }

    /** The filters given, each named as its option in snake_case (mapping_type), with its values: a report's header. */
    void describeTo(Map<String, List<String>> caption) {
        put(caption, "framework", frameworks);
        put(caption, "domain", domains);
        put(caption, "tactic", tactics);
        put(caption, "platform", platforms);
        put(caption, "mapping_type", mappingTypes);
        put(caption, "category", categories);
        if (minScore != null) {
            caption.put("min_score", List.of(minScore.toString()));
        }
    }

    private static void put(Map<String, List<String>> caption, String option, Set<String> values) {
        if (!values.isEmpty()) {
            caption.put(option, List.copyOf(values));
        }
    }

    private static void check(CommandLine cli, MappingIndex index, FilterDimension dimension, Set<String> given) {
        if (given.isEmpty()) {
            return;
        }
        SortedSet<String> known = index.knownValues(dimension);
        for (String value : given) {
            if (!known.contains(value.trim())) {
                unknown(cli, dimension, value, known);
            }
        }
    }

    private static void unknown(CommandLine cli, FilterDimension dimension, String value, SortedSet<String> known) {
        throw new CommandLine.ParameterException(cli, "unknown " + dimension.option() + " value '" + value
                + "'; valid values: " + (known.isEmpty() ? "(none in the loaded data)" : String.join(", ", known)));
    }
}
