package dev.mapper.load;

import java.nio.file.Path;
import java.util.List;

/**
 * What to load: user paths (files, or directories searched recursively for {@code *.json}), whether the bundled
 * data stays, whether a bad file stops the run or is skipped with a warning, the largest file read (bytes), and the
 * directory of the cache of loaded files (null: no cache, every file is parsed).
 */
public record DataRequest(List<Path> paths, boolean includeBundled, boolean keepGoing, long maxFileSize,
                          Path cacheDirectory) {

    /**
     * The default maximum file size: the largest official file (ATT&CK Enterprise as one STIX bundle) is a few
     * tens of MB; four times that still loads in a default JVM heap, while a multi-GB mistake is refused up front.
     */
    public static final long DEFAULT_MAX_FILE_SIZE = 128L * 1024 * 1024;

    public DataRequest {
        paths = List.copyOf(paths);
        if (maxFileSize <= 0) {
            throw new IllegalArgumentException("maxFileSize must be positive: " + maxFileSize);
        }
    }

    public static DataRequest bundledOnly() {
        return new DataRequest(List.of(), true, false, DEFAULT_MAX_FILE_SIZE, null);
    }
}
