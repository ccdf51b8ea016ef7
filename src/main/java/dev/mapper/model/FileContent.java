package dev.mapper.model;

/**
 * What one data file held: an ATT&CK release, a mapping file, or no data mapper reads (and why). Exactly one of the
 * three is set. The loader reports a file that is not data as an error; the cache of loaded files keeps it as a
 * value, so that a run is told so again without parsing the file again.
 */
public record FileContent(AttackRelease release, MappingFile mappings, NotData notData) {

    public FileContent {
        int set = (release != null ? 1 : 0) + (mappings != null ? 1 : 0) + (notData != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException("a file holds exactly one of a release, a mapping file or no data");
        }
    }

    public static FileContent of(AttackRelease release) {
        return new FileContent(release, null, null);
    }

    public static FileContent of(MappingFile mappings) {
        return new FileContent(null, mappings, null);
    }

    public static FileContent notData(NotData notData) {
        return new FileContent(null, null, notData);
    }

    /**
     * Why a file is not data: the problem, where it stands (line and column; 0 when nowhere in particular), and
     * whether the file is a JSON Schema document (skipped without a warning under a directory).
     */
    public record NotData(String problem, int line, int column, boolean jsonSchema) {
    }
}
