package dev.mapper.model;

import java.util.List;

/** One loaded Mappings Explorer file: its set metadata and its mapping objects in file order. */
public record MappingFile(MappingSet set, List<Mapping> mappings) {

    public MappingFile {
        mappings = List.copyOf(mappings);
    }
}
