package dev.mapper.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The shared corpus (../shared/corpus, or the system property {@code mapper.corpus}), and plain Jackson tree walks
 * over it, or over files in its formats written by tests, that compute expected values independently of mapper's
 * loader.
 */
public final class Corpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Corpus() {
    }

    /** The corpus directory; skips the calling test, with the reason, when it is absent (a user's fresh clone). */
    public static Path root() {
        assumeTrue(present(), absence());
        return location();
    }

    /** Whether the corpus is there, for test engines that skip by other means than JUnit's assumptions. */
    public static boolean present() {
        return Files.isDirectory(location().resolve("mappings"));
    }

    public static String absence() {
        return "corpus not found at " + location().toAbsolutePath() + " (set -Dmapper.corpus); corpus tests skipped";
    }

    private static Path location() {
        return Path.of(System.getProperty("mapper.corpus", "../shared/corpus"));
    }

    public static Path mappings() {
        return root().resolve("mappings");
    }

    public static Path attack() {
        return root().resolve("attack/enterprise-attack-18.1.json");
    }

    /** Every mapping file of the corpus, sorted. */
    public static List<Path> mappingFiles() {
        try (Stream<Path> walk = Files.walk(mappings())) {
            return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The newest file of each framework, chosen the simple way: highest ATT&CK version (as numbers), then the
     * file's {@code last_update} as a date.
     */
    public static List<JsonNode> newestPerFramework() {
        Map<String, JsonNode> newest = new TreeMap<>();
        for (Path file : mappingFiles()) {
            JsonNode tree = tree(file);
            String framework = tree.path("metadata").path("mapping_framework").asText();
            JsonNode current = newest.get(framework);
            if (current == null || newer(tree, current)) {
                newest.put(framework, tree);
            }
        }
        return new ArrayList<>(newest.values());
    }

    private static boolean newer(JsonNode a, JsonNode b) {
        double va = Double.parseDouble(a.path("metadata").path("attack_version").asText());
        double vb = Double.parseDouble(b.path("metadata").path("attack_version").asText());
        if (va != vb) {
            return va > vb;
        }
        return date(a) > date(b);
    }

    private static int date(JsonNode tree) {
        String[] mdy = tree.path("metadata").path("last_update").asText().split("/");
        return Integer.parseInt(mdy[2]) * 10000 + Integer.parseInt(mdy[0]) * 100 + Integer.parseInt(mdy[1]);
    }

    /** Mapping objects whose {@code attack_object_id} equals the ID or, with sub-techniques, starts with "ID.". */
    public static long count(List<JsonNode> files, String id, boolean withSubtechniques) {
        long n = 0;
        for (JsonNode tree : files) {
            for (JsonNode m : tree.path("mapping_objects")) {
                String aid = m.path("attack_object_id").asText("");
                if (aid.equals(id) || (withSubtechniques && aid.startsWith(id + "."))) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The ATT&CK IDs of the bundle's attack-patterns that are neither revoked nor deprecated, by ID. */
    public static Map<String, JsonNode> activeTechniques() {
        Map<String, JsonNode> active = new TreeMap<>();
        for (JsonNode object : tree(attack()).path("objects")) {
            if (object.path("type").asText().equals("attack-pattern") && !object.path("revoked").asBoolean()
                    && !object.path("x_mitre_deprecated").asBoolean()) {
                for (JsonNode ref : object.path("external_references")) {
                    if (ref.path("source_name").asText().equals("mitre-attack")) {
                        active.put(ref.path("external_id").asText(), object);
                    }
                }
            }
        }
        return active;
    }

    public static List<JsonNode> allFiles() {
        return mappingFiles().stream().map(Corpus::tree).toList();
    }

    /** The IDs of a bundle's techniques that are neither revoked nor deprecated, with their tactics' phase names. */
    public static Map<String, Set<String>> activeTechniqueTactics(JsonNode bundle) {
        Map<String, Set<String>> active = new TreeMap<>();
        for (JsonNode object : bundle.path("objects")) {
            if (object.path("type").asText().equals("attack-pattern") && !object.path("revoked").asBoolean()
                    && !object.path("x_mitre_deprecated").asBoolean()) {
                Set<String> phases = new TreeSet<>();
                object.path("kill_chain_phases").forEach(p -> phases.add(p.path("phase_name").asText()));
                for (JsonNode ref : object.path("external_references")) {
                    if (ref.path("source_name").asText().startsWith("mitre-")) {
                        active.put(ref.path("external_id").asText(), phases);
                    }
                }
            }
        }
        return active;
    }

    /** The IDs the files map: objects with an {@code attack_object_id} and a mapping type other than non_mappable. */
    public static Set<String> mappedIds(List<JsonNode> files) {
        Set<String> ids = new TreeSet<>();
        for (JsonNode file : files) {
            for (JsonNode m : file.path("mapping_objects")) {
                String type = m.path("mapping_type").asText("");
                if (m.hasNonNull("attack_object_id") && !type.isEmpty() && !type.equals("non_mappable")
                        && !m.path("status").asText().equals("non_mappable")) {
                    ids.add(m.path("attack_object_id").asText());
                }
            }
        }
        return ids;
    }
}
