package dev.mapper.bench;

import dev.mapper.index.MappingIndex;
import dev.mapper.model.LoadedData;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Prints the heap the index over the whole corpus keeps (used heap after full GCs, with and without the index): with
 * the files parsed, and with them decoded from the cache of loaded files, whose strings are shared.
 */
public final class IndexHeap {

    private IndexHeap() {
    }

    public static void main(String[] args) throws IOException {
        Path root = args.length > 0 ? Path.of(args[0]) : CorpusData.root();
        measure("parsed", () -> CorpusData.load(root));
        Path cache = Files.createTempDirectory("mapper-heap-cache");
        CorpusData.loadCached(cache, root); // fills it
        measure("from the cache", () -> CorpusData.loadCached(cache, root));
        try (Stream<Path> entries = Files.list(cache)) {
            for (Path entry : entries.toList()) {
                Files.delete(entry);
            }
        }
        Files.delete(cache);
    }

    private static void measure(String how, Supplier<LoadedData> load) {
        long before = usedAfterGc();
        MappingIndex index = new MappingIndex(load.get());
        long after = usedAfterGc();
        System.out.printf("heap kept by the full corpus index (%d sets, %d ATT&CK releases), %s: %.1f MB%n",
                index.sets().size(), index.releases().size(), how, (after - before) / 1e6);
        Reference.reachabilityFence(index);
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
