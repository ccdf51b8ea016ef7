package dev.mapper.cli;

import dev.mapper.index.MappingFilter;
import dev.mapper.index.MappingIndex;
import dev.mapper.index.UnknownIdException;
import dev.mapper.load.IdListReader;
import dev.mapper.model.Capability;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The capabilities a team runs ({@code --have FILE}), so that coverage is of what it has rather than of what a
 * framework could do. Shared by the commands that count coverage.
 */
final class HaveOptions {

    @Option(names = "--have", paramLabel = "FILE",
            description = "Count only the capabilities you have: a file of capability IDs, one per line (# starts a "
                    + "comment), a CSV file with a capability_id column, or JSON (an array of IDs or of objects with "
                    + "capability_id). NIST IDs match whatever the zero padding (AC-2 = AC-02).")
    Path file;

    boolean given() {
        return file != null;
    }

    /** {@code --have} as {@link FilterOptions#describeTo} puts filters: the file, as given. */
    void describeTo(Map<String, List<String>> caption) {
        if (file != null) {
            caption.put("have", List.of(file.toString()));
        }
    }

    /**
     * The capabilities the file lists, each once, in file order; none without {@code --have}.
     *
     * @throws UnknownIdException for an ID no loaded set has, at its place in the file, with the nearest IDs
     */
    List<Capability> capabilities(MappingIndex index) {
        if (file == null) {
            return List.of();
        }
        Set<Capability> have = new LinkedHashSet<>();
        for (IdListReader.Listed listed : IdListReader.capabilityIds(file)) {
            try {
                have.addAll(index.capabilitiesWithId(listed.id()));
            } catch (UnknownIdException e) {
                throw e.at(file + ":" + listed.line() + ":" + listed.column());
            }
        }
        return new ArrayList<>(have);
    }

    /** The filter, counting only the file's capabilities when {@code --have} is given. */
    MappingFilter apply(MappingFilter filter, MappingIndex index) {
        return file == null ? filter : filter.withCapabilities(capabilities(index));
    }
}
