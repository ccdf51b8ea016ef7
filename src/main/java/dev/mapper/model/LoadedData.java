package dev.mapper.model;

import java.util.List;

/** Everything loaded for one run: ATT&CK releases, mapping files, and warnings about what was skipped. */
public record LoadedData(List<AttackRelease> releases, List<MappingFile> mappingFiles, List<String> warnings) {

    public LoadedData {
        releases = List.copyOf(releases);
        mappingFiles = List.copyOf(mappingFiles);
        warnings = List.copyOf(warnings);
    }
}
