package dev.mapper.model.archfixture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapper.index.MappingIndex;

/** Breaks rules on purpose, for ArchitectureTest to prove they can fail: a model record using index and Jackson. */
public record ModelReachingOut(MappingIndex index, JsonNode tree) {
}
