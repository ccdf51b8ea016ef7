package dev.mapper.cli;

import dev.mapper.pull.Selection;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine.Option;

/** Which files a {@code data pull} or {@code data remove} is about. */
final class DataSelectionOptions {

    @Option(names = "--domain", paramLabel = "DOMAIN", split = ",",
            description = "Only this ATT&CK domain: enterprise, mobile or ics. Repeatable.")
    Set<String> domains = new LinkedHashSet<>();

    @Option(names = "--framework", paramLabel = "NAME", split = ",",
            description = "Only this framework's mapping files (aws, azure, nist_800_53, ...); 'attack' is ATT&CK's "
                    + "own bundles. Repeatable.")
    Set<String> frameworks = new LinkedHashSet<>();

    @Option(names = "--attack-version", paramLabel = "V", split = ",",
            description = "Only ATT&CK releases of this version and mapping files made against it. Repeatable.")
    Set<String> attackVersions = new LinkedHashSet<>();

    boolean any() {
        return !domains.isEmpty() || !frameworks.isEmpty() || !attackVersions.isEmpty();
    }

    Selection selection(boolean allVersions) {
        return new Selection(domains, frameworks, attackVersions, allVersions);
    }
}
