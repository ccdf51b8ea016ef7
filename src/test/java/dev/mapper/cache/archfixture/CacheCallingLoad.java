package dev.mapper.cache.archfixture;

import dev.mapper.load.DataRequest;

/** Breaks a rule on purpose, for ArchitectureTest to prove it can fail: the cache calling back into load. */
public record CacheCallingLoad(DataRequest request) {
}
