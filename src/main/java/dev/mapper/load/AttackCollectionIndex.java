package dev.mapper.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An ATT&CK collection index ({@code index.json} of mitre-attack/attack-stix-data): every release of every domain
 * with the URL of its STIX bundle. The format is the ATT&CK Workbench's: {@code collections[]}, each with a
 * {@code name} ("Enterprise ATT&CK") and {@code versions[]} of {@code version}, {@code url} and {@code modified}.
 */
public record AttackCollectionIndex(List<Release> releases) {

    /** One published release: its domain as mapping files spell it ("enterprise", "mobile", "ics"). */
    public record Release(String domain, String version, String url, String modified) {
    }

    public AttackCollectionIndex {
        releases = List.copyOf(releases);
    }

    /** Reads an index; {@code name} (its URL or path) is used in messages. */
    public static AttackCollectionIndex read(String name, InputStream in, long maxBytes) {
        try (JsonParser parser = Json.parser(in, maxBytes)) {
            JsonNode root;
            try {
                root = Json.mapper().readTree(parser);
            } catch (JsonProcessingException e) {
                throw DataFileReader.translate(name, e, parser);
            }
            JsonNode collections = root == null ? null : root.get("collections");
            if (collections == null || !collections.isArray()) {
                throw new DataFileException(name, "not an ATT&CK collection index (expected \"collections\" at the "
                        + "top level)", null);
            }
            List<Release> releases = new ArrayList<>();
            for (JsonNode collection : collections) {
                String domain = domain(collection.path("name").asText(""));
                for (JsonNode version : collection.path("versions")) {
                    String number = version.path("version").asText("");
                    String url = version.path("url").asText("");
                    if (domain == null || number.isEmpty() || url.isEmpty()) {
                        throw new DataFileException(name, "a collection without a name, version or url in "
                                + "the ATT&CK collection index", null);
                    }
                    releases.add(new Release(domain, number, url, version.path("modified").asText(null)));
                }
            }
            return new AttackCollectionIndex(releases);
        } catch (IOException e) {
            throw new DataFileException(name, "cannot read: " + e.getMessage(), e);
        }
    }

    /** "Enterprise ATT&CK" → "enterprise"; null when the name does not say. */
    private static String domain(String collectionName) {
        String[] words = collectionName.trim().split("\\s+");
        return words[0].isEmpty() ? null : words[0].toLowerCase(Locale.ROOT);
    }
}
