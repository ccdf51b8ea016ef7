package dev.mapper.cli;

import dev.mapper.index.FilterDimension;
import dev.mapper.index.MappingIndex;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * What shell completion offers for option values and arguments. The script is generated once, so candidates come
 * from the data loaded when it is generated: {@code mapper --data DIR completion bash} completes that data's
 * technique IDs and frameworks; the build's script (and a plain {@code mapper completion bash}) the bundled data's.
 */
final class CompletionCandidates {

    /** The {@code mapping_framework} names Mappings Explorer publishes, offered even when their files are not loaded. */
    private static final List<String> PUBLISHED_FRAMEWORKS =
            List.of("aws", "azure", "gcp", "kev", "m365", "nist_800_53", "veris");

    private static MappingIndex data;

    private CompletionCandidates() {
    }

    /** Candidates from this data rather than the bundled data; set by {@code mapper completion}. */
    static void useData(MappingIndex index) {
        data = index;
    }

    private static MappingIndex data() {
        if (data == null) {
            data = Commands.bundledIndex();
        }
        return data;
    }

    /** The published framework names and those of the loaded data. */
    static final class Frameworks implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            TreeSet<String> names = new TreeSet<>(PUBLISHED_FRAMEWORKS);
            names.addAll(data().knownValues(FilterDimension.FRAMEWORK));
            return names.iterator();
        }
    }

    /** Technique IDs the loaded data knows. */
    static final class TechniqueIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return data().knownIds().iterator();
        }
    }
}
