package dev.mapper.pull.archfixture;

import dev.mapper.index.MappingIndex;
import dev.mapper.render.Format;

/** Breaks rules on purpose, for ArchitectureTest to prove they can fail: a data pull using index and render. */
public record PullUsingIndex(MappingIndex index, Format format) {
}
