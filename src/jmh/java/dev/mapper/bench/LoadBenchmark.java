package dev.mapper.bench;

import dev.mapper.model.LoadedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Reading the corpus into the model: the 24 mapping files, the 33 MB ATT&CK bundle, and both (what --data does), parsed;
 * and the whole corpus from the cache of loaded files (every file hashed, every entry decoded).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoadBenchmark {

    private Path root;
    private Path cache;

    @Setup
    public void locate() throws IOException {
        root = CorpusData.root();
        cache = Files.createTempDirectory("mapper-bench-cache");
        CorpusData.loadCached(cache, root); // fills it
    }

    @TearDown
    public void removeCache() throws IOException {
        try (Stream<Path> entries = Files.list(cache)) {
            for (Path entry : entries.toList()) {
                Files.delete(entry);
            }
        }
        Files.delete(cache);
    }

    @Benchmark
    public LoadedData mappingFiles() {
        return CorpusData.load(root.resolve("mappings"));
    }

    @Benchmark
    public LoadedData attackBundle() {
        return CorpusData.load(root.resolve("attack"));
    }

    @Benchmark
    public LoadedData wholeCorpus() {
        return CorpusData.load(root);
    }

    @Benchmark
    public LoadedData wholeCorpusFromCache() {
        return CorpusData.loadCached(cache, root);
    }
}
