package dev.mapper.cli;

import dev.mapper.index.SetSelection;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which versions of each framework's mappings a query uses. */
final class SetOptions {

    @Option(names = "--all-versions",
            description = "Use every loaded set, not only the newest of each framework.")
    boolean allVersions;

    @Option(names = "--framework-version", paramLabel = "V",
            description = "Only sets of this framework version (e.g. rev4, 12/12/2024, 1.4.0).")
    String frameworkVersion;

    @Option(names = "--attack-version", paramLabel = "V",
            description = "Only sets mapped to this ATT&CK version (e.g. 14.1).")
    String attackVersion;

    /** The version options given, as {@link FilterOptions#describeTo} puts filters. */
    void describeTo(Map<String, List<String>> caption) {
        if (allVersions) {
            caption.put("all_versions", List.of());
        }
        if (frameworkVersion != null) {
            caption.put("framework_version", List.of(frameworkVersion));
        }
        if (attackVersion != null) {
            caption.put("attack_version", List.of(attackVersion));
        }
    }

    SetSelection selection() {
        return new SetSelection(allVersions, frameworkVersion, attackVersion);
    }
}
