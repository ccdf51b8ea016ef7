package dev.mapper.load;

import java.nio.file.Path;
import java.util.List;

/**
 * What to load: user paths (files, or directories searched recursively for {@code *.json}), whether the bundled
 * data stays, and whether a bad file stops the run or is skipped with a warning.
 */
public record DataRequest(List<Path> paths, boolean includeBundled, boolean keepGoing) {

    public DataRequest {
        paths = List.copyOf(paths);
    }

    public static DataRequest bundledOnly() {
        return new DataRequest(List.of(), true, false);
    }
}
