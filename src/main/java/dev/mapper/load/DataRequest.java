package dev.mapper.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to load: user paths (files, or directories searched recursively for {@code *.json}), whether the bundled
 * data stays, whether a bad file stops the run or is skipped with a warning, the largest file read (bytes), the
 * directory of the cache of loaded files (null: no cache, every file is parsed), and the files a data home installed
 * with the CRC32C each had then (read after {@code paths}; one that is missing is skipped with a warning, one whose
 * bytes changed is read with a warning).
 */
public record DataRequest(List<Path> paths, boolean includeBundled, boolean keepGoing, long maxFileSize,
                          Path cacheDirectory, Map<Path, Integer> installed) {

    /**
     * The default maximum file size: the largest official file (ATT&CK Enterprise as one STIX bundle) is a few
     * tens of MB; four times that still loads in a default JVM heap, while a multi-GB mistake is refused up front.
     */
    public static final long DEFAULT_MAX_FILE_SIZE = 128L * 1024 * 1024;

    public DataRequest {
        paths = List.copyOf(paths);
        installed = Map.copyOf(installed);
        if (maxFileSize <= 0) {
            throw new IllegalArgumentException("maxFileSize must be positive: " + maxFileSize);
        }
    }

    public DataRequest(List<Path> paths, boolean includeBundled, boolean keepGoing, long maxFileSize,
                       Path cacheDirectory) {
        this(paths, includeBundled, keepGoing, maxFileSize, cacheDirectory, Map.of());
    }

    public static DataRequest bundledOnly() {
        return new DataRequest(List.of(), true, false, DEFAULT_MAX_FILE_SIZE, null);
    }
}
