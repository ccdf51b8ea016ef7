package dev.mapper.model.archfixture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapper.index.MappingIndex;
import java.net.http.HttpClient;

/**
 * Breaks rules on purpose, for ArchitectureTest to prove they can fail: a model record using index, Jackson and
 * the network.
 */
public record ModelReachingOut(MappingIndex index, JsonNode tree, HttpClient client) {
}
