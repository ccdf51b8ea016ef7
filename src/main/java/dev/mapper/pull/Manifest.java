package dev.mapper.pull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a data home holds ({@value #FILE_NAME}): for each installed file, what it is, where it came from and its
 * size, SHA-256 and CRC32C when installed, the server's validators (ETag, Last-Modified) for conditional requests,
 * when it was installed, and whether it was asked for by version (pinned: a newer release does not replace it).
 */
public record Manifest(List<Entry> entries) {

    public static final String FILE_NAME = "mapper-manifest.json";
    /** Bumped when a field is renamed or removed. */
    static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Manifest {
        entries = List.copyOf(entries);
    }

    /** One installed file; {@code path} is relative to the data home, with '/' separators. */
    public record Entry(Item item, String path, String url, long size, String sha256, int crc32c, String etag,
                        String lastModified, Instant installed, boolean pinned) {
    }

    static Manifest empty() {
        return new Manifest(List.of());
    }

    Optional<Entry> entry(Item item) {
        return entries.stream().filter(e -> e.item().equals(item)).findFirst();
    }

    /** This manifest with the entry for the same item replaced where it stands, or added at the end. */
    Manifest with(Entry entry) {
        List<Entry> updated = new ArrayList<>(entries);
        int at = updated.stream().map(Entry::item).toList().indexOf(entry.item());
        if (at < 0) {
            updated.add(entry);
        } else {
            updated.set(at, entry);
        }
        return new Manifest(updated);
    }

    Manifest without(Predicate<Entry> removed) {
        return new Manifest(entries.stream().filter(removed.negate()).toList());
    }

    byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode files = root.putArray("files");
        for (Entry entry : entries) {
            ObjectNode file = files.addObject();
            file.put("path", entry.path());
            file.put("framework", entry.item().framework());
            file.put("framework_version", entry.item().frameworkVersion());
            file.put("attack_version", entry.item().attackVersion());
            file.put("domain", entry.item().domain());
            file.put("url", entry.url());
            file.put("size", entry.size());
            file.put("sha256", entry.sha256());
            file.put("crc32c", Integer.toUnsignedString(entry.crc32c(), 16));
            file.put("etag", entry.etag());
            file.put("last_modified", entry.lastModified());
            file.put("installed", entry.installed().toString());
            file.put("pinned", entry.pinned());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the manifest", e);
        }
    }

    /** The manifest in the bytes; {@code name} (its path or URL) is used in the message of a {@link PullException}. */
    static Manifest fromJson(String name, byte[] bytes) {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || root.path("format").asInt() != FORMAT || !root.path("files").isArray()) {
                throw notManifest(name, "expected a mapper manifest of format " + FORMAT, null);
            }
            List<Entry> entries = new ArrayList<>();
            for (JsonNode file : root.get("files")) {
                Item item = new Item(text(file, "framework"), text(file, "framework_version"),
                        text(file, "attack_version"), text(file, "domain"));
                String path = text(file, "path");
                String sha256 = text(file, "sha256");
                if (item.framework() == null || item.attackVersion() == null || item.domain() == null
                        || path == null || sha256 == null || !safe(path)) {
                    throw notManifest(name, "an entry without framework, attack_version, domain, path or sha256, "
                            + "or with a path outside the data home", null);
                }
                entries.add(new Entry(item, path, text(file, "url"), file.path("size").asLong(), sha256,
                        Integer.parseUnsignedInt(file.path("crc32c").asText("0"), 16), text(file, "etag"),
                        text(file, "last_modified"), Instant.parse(file.path("installed").asText()),
                        file.path("pinned").asBoolean()));
            }
            return new Manifest(entries);
        } catch (PullException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw notManifest(name, e.getMessage(), e);
        }
    }

    /** A relative path that stays inside the data home: a manifest from a mirror must not write elsewhere. */
    static boolean safe(String path) {
        return !path.isEmpty() && !path.startsWith("/") && !path.contains("\\")
                && List.of(path.split("/")).stream().noneMatch(part -> part.isEmpty() || part.equals("..")
                || part.equals("."));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static PullException notManifest(String name, String problem, Throwable cause) {
        return new PullException(PullException.Kind.BAD_DATA, name + ": not a usable mapper manifest: " + problem,
                cause);
    }
}
