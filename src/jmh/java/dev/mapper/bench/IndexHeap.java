package dev.mapper.bench;

import dev.mapper.index.MappingIndex;
import java.lang.ref.Reference;
import java.nio.file.Path;

/** Prints the heap the index over the whole corpus keeps: used heap after full GCs, with and without the index. */
public final class IndexHeap {

    private IndexHeap() {
    }

    public static void main(String[] args) {
        Path root = args.length > 0 ? Path.of(args[0]) : CorpusData.root();
        long before = usedAfterGc();
        MappingIndex index = new MappingIndex(CorpusData.load(root));
        long after = usedAfterGc();
        System.out.printf("heap kept by the full corpus index (%d sets, %d ATT&CK releases): %.1f MB%n",
                index.sets().size(), index.releases().size(), (after - before) / 1e6);
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
