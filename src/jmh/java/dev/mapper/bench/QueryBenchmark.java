package dev.mapper.bench;

import dev.mapper.index.MappingFilter;
import dev.mapper.index.MappingIndex;
import dev.mapper.index.SetSelection;
import dev.mapper.model.TechniqueReport;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The main questions, on the index over the whole corpus. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QueryBenchmark {

    private MappingIndex index;

    @Setup
    public void build() {
        index = new MappingIndex(CorpusData.load(CorpusData.root()));
    }

    /** {@code mapper show T1528}: newest set of each framework. */
    @Benchmark
    public TechniqueReport showNewest() {
        return index.techniqueReport("T1528", SetSelection.NEWEST, MappingFilter.NONE, true);
    }

    /** {@code mapper show T1078 --all-versions}: a technique with sub-techniques and many mappings. */
    @Benchmark
    public TechniqueReport showAllVersionsWithSubtechniques() {
        return index.techniqueReport("T1078", new SetSelection(true, null, null), MappingFilter.NONE, true);
    }

    /** What an unknown ID is told. */
    @Benchmark
    public List<String> suggestForUnknownId() {
        return index.suggestIds("T1529", 3);
    }
}
