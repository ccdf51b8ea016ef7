package dev.mapper.pull;

import java.net.URI;

/** A file that can be installed: what it holds, where to get it, and its size and SHA-256 when the source says. */
public record Offer(Item item, URI url, long size, String sha256) {
}
