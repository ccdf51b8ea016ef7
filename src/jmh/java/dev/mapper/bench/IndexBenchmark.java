package dev.mapper.bench;

import dev.mapper.index.MappingIndex;
import dev.mapper.model.LoadedData;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Building the index over the whole loaded corpus. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IndexBenchmark {

    private LoadedData data;

    @Setup
    public void load() {
        data = CorpusData.load(CorpusData.root());
    }

    @Benchmark
    public MappingIndex build() {
        return new MappingIndex(data);
    }
}
