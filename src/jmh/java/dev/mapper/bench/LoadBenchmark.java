package dev.mapper.bench;

import dev.mapper.model.LoadedData;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Reading the corpus into the model: the 24 mapping files, the 33 MB ATT&CK bundle, and both (what --data does). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoadBenchmark {

    private Path root;

    @Setup
    public void locate() {
        root = CorpusData.root();
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
}
