package dev.mapper.index.archfixture;

import dev.mapper.load.DataRequest;
import dev.mapper.render.Format;

/** Breaks a rule on purpose, for ArchitectureTest to prove it can fail: an index query using load and render. */
public record IndexReachingOut(DataRequest request, Format format) {
}
