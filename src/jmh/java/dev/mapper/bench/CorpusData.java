package dev.mapper.bench;

import dev.mapper.load.DataLoader;
import dev.mapper.load.DataRequest;
import dev.mapper.model.LoadedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shared corpus the benchmarks run on: {@code -Dmapper.corpus}, default {@code ../shared/corpus}. */
final class CorpusData {

    private CorpusData() {
    }

    static Path root() {
        Path root = Path.of(System.getProperty("mapper.corpus", "../shared/corpus"));
        if (!Files.isDirectory(root.resolve("mappings"))) {
            throw new IllegalStateException("corpus not found at " + root.toAbsolutePath() + " (set -Dmapper.corpus)");
        }
        return root;
    }

    /** What {@code mapper --data CORPUS --no-cache} loads: every file under the corpus, parsed, plus the bundled data. */
    static LoadedData load(Path... paths) {
        return loadCached(null, paths);
    }

    /** The same through the cache of loaded files in {@code cacheDirectory} (null: none). */
    static LoadedData loadCached(Path cacheDirectory, Path... paths) {
        return DataLoader.load(new DataRequest(List.of(paths), true, false, DataRequest.DEFAULT_MAX_FILE_SIZE,
                cacheDirectory));
    }
}
