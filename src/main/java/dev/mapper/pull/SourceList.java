package dev.mapper.pull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the official data is published: the ATT&CK collection index, the URL template of the Mappings Explorer
 * files, and the published mapping sets. mapper's own list is {@code sources.txt} beside this class; a file in the
 * same format can stand in for it ({@code --source-list}).
 */
public record SourceList(String attackIndex, String mappingsUrl, List<Item> mappingSets) {

    private static final String RESOURCE = "sources.txt";

    public SourceList {
        mappingSets = List.copyOf(mappingSets);
    }

    /** The list shipped with this build of mapper. */
    public static SourceList official() {
        try (InputStream in = SourceList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return read(RESOURCE, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    /** A list of the user's; a line that is not understood is a {@link PullException} naming it. */
    public static SourceList read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), reader);
        } catch (IOException e) {
            throw new PullException(PullException.Kind.USAGE, file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static SourceList read(String name, Reader reader) throws IOException {
        String attackIndex = null;
        String mappingsUrl = null;
        List<Item> sets = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        int number = 0;
        for (String line; (line = lines.readLine()) != null; ) {
            number++;
            String[] words = line.trim().split("\\s+");
            if (words[0].isEmpty() || words[0].startsWith("#")) {
                continue;
            }
            switch (words[0]) {
                case "attack-index" -> attackIndex = single(name, number, words);
                case "mappings-url" -> mappingsUrl = single(name, number, words);
                case "mappings" -> {
                    if (words.length < 5) {
                        throw bad(name, number, "expected: mappings FRAMEWORK FRAMEWORK-VERSION ATTACK-VERSION DOMAIN...");
                    }
                    for (String domain : Arrays.asList(words).subList(4, words.length)) {
                        sets.add(new Item(words[1], words[2], words[3], domain));
                    }
                }
                default -> throw bad(name, number, "unknown entry '" + words[0]
                        + "' (expected attack-index, mappings-url or mappings)");
            }
        }
        if (attackIndex == null || mappingsUrl == null) {
            throw bad(name, number, "attack-index and mappings-url are both required");
        }
        return new SourceList(attackIndex, mappingsUrl, sets);
    }

    private static String single(String name, int number, String[] words) {
        if (words.length != 2) {
            throw bad(name, number, "expected: " + words[0] + " URL");
        }
        return words[1];
    }

    private static PullException bad(String name, int line, String problem) {
        return new PullException(PullException.Kind.USAGE, name + ":" + line + ": " + problem, null);
    }

    /** The URL the Mappings Explorer publishes a set at. */
    String mappingsUrl(Item set) {
        return mappingsUrl.replace("{framework}", set.framework())
                .replace("{framework_version}", set.pathVersion())
                .replace("{attack_version}", set.attackVersion())
                .replace("{domain}", set.domain());
    }
}
