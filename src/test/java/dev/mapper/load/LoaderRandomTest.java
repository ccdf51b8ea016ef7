package dev.mapper.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapper.model.DataSource;
import dev.mapper.model.FileContent;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingFile;
import dev.mapper.testing.Corpus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Randomised tests of the mapping-file reader, each run from a fixed seed so a failure names its case and
 * reproduces. Random valid files load with every mapping and field; random damage to a real file (truncation at
 * every 1/500th of its length, flipped, deleted, inserted and repeated bytes) gives a correct load or a
 * {@link DataFileException}, never another exception. Counts are bounded to keep the suite fast.
 *
 * <p>Plain JUnit rather than a property-testing library: jqwik, the obvious choice, asks AI agents not to use it,
 * and this project is partly written by one.
 */
class LoaderRandomTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Each official mapping field and how the model exposes it. */
    private static final Map<String, Function<Mapping, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("capability_id", Mapping::capabilityId);
        FIELDS.put("capability_description", Mapping::capabilityDescription);
        FIELDS.put("capability_group", Mapping::capabilityGroup);
        FIELDS.put("mapping_type", Mapping::mappingType);
        FIELDS.put("attack_object_id", Mapping::attackObjectId);
        FIELDS.put("attack_object_name", Mapping::attackObjectName);
        FIELDS.put("score_category", Mapping::scoreCategory);
        FIELDS.put("score_value", Mapping::scoreValue);
        FIELDS.put("related_score", Mapping::relatedScore);
        FIELDS.put("comments", Mapping::comments);
        FIELDS.put("references", Mapping::references);
        FIELDS.put("status", Mapping::status);
        FIELDS.put("author", Mapping::author);
        FIELDS.put("author_contact", Mapping::authorContact);
        FIELDS.put("author_organization", Mapping::authorOrganization);
    }

    /** The smallest corpus mapping file, read once: the subject of the damage tests. */
    private static byte[] realFile;

    // ---- random valid files ---------------------------------------------------------------------------------

    static IntStream seeds100() {
        return IntStream.range(0, 100);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds100")
    void randomValidFilesLoadEveryMappingWithEveryField(int seed) throws IOException {
        Random random = new Random(seed);
        ObjectNode file = mappingFile(random);
        byte[] text = (random.nextBoolean() ? JSON.writerWithDefaultPrettyPrinter() : JSON.writer())
                .writeValueAsBytes(file);
        byte[] bytes = random.nextBoolean() ? concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, text) : text;

        MappingFile loaded = read(bytes).mappings();

        // The expected values as plain Jackson reads the same text (numbers typed as any reader types them).
        JsonNode objects = JSON.readTree(text).path("mapping_objects");
        assertThat(loaded.mappings()).hasSize(objects.size());
        assertThat(loaded.set().framework()).isEqualTo(file.path("metadata").path("mapping_framework").asText());
        for (int i = 0; i < objects.size(); i++) {
            JsonNode source = objects.get(i);
            Mapping mapping = loaded.mappings().get(i);
            ObjectNode unknown = source.deepCopy();
            for (Map.Entry<String, Function<Mapping, Object>> field : FIELDS.entrySet()) {
                JsonNode expected = source.has(field.getKey()) ? source.get(field.getKey()) : NullNode.getInstance();
                assertThat((JsonNode) JSON.valueToTree(field.getValue().apply(mapping))).as(field.getKey())
                        .isEqualTo(expected);
                unknown.remove(field.getKey());
            }
            assertThat((JsonNode) JSON.valueToTree(mapping.extraFields())).as("extra fields").isEqualTo(unknown);
        }
    }

    private static ObjectNode mappingFile(Random random) {
        ObjectNode metadata = NODES.objectNode()
                .put("mapping_framework", requiredText(random))
                .put("mapping_framework_version", requiredText(random))
                .put("attack_version", requiredText(random))
                .put("technology_domain", requiredText(random));
        ArrayNode objects = NODES.arrayNode();
        for (int i = random.nextInt(16); i > 0; i--) {
            objects.add(mappingObject(random));
        }
        // The schema does not fix the order of the two; streaming must not depend on it.
        ObjectNode file = NODES.objectNode();
        if (random.nextBoolean()) {
            file.set("mapping_objects", objects);
            file.set("metadata", metadata);
        } else {
            file.set("metadata", metadata);
            file.set("mapping_objects", objects);
        }
        return file;
    }

    private static ObjectNode mappingObject(Random random) {
        ObjectNode object = NODES.objectNode();
        for (String field : FIELDS.keySet()) {
            if (random.nextBoolean()) {
                continue; // absent
            }
            if (random.nextInt(7) == 0) {
                object.putNull(field);
            } else if (field.equals("references")) {
                ArrayNode refs = object.putArray(field);
                for (int i = random.nextInt(4); i > 0; i--) {
                    refs.add(anyText(random));
                }
            } else {
                object.put(field, anyText(random));
            }
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            object.set("x_" + letters(random, 1 + random.nextInt(8)), anyValue(random, 2));
        }
        return object;
    }

    private static final String[] TRICKY = {"", "\u001b[31mred\u001b[0m", "😀 emoji", "\"quoted\" \\ back",
        "line\nbreak\u2028"};

    /** Any text without lone surrogates (which no UTF-8 file can carry), pairs and control characters included. */
    private static String anyText(Random random) {
        if (random.nextInt(6) == 0) {
            return TRICKY[random.nextInt(TRICKY.length)];
        }
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(31); i > 0; i--) {
            char c;
            do {
                c = (char) random.nextInt(0x10000);
            } while (Character.isSurrogate(c));
            s.append(c);
        }
        return s.toString();
    }

    private static String requiredText(Random random) {
        String chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/@";
        StringBuilder s = new StringBuilder();
        for (int i = 1 + random.nextInt(12); i > 0; i--) {
            s.append(chars.charAt(random.nextInt(chars.length())));
        }
        return s.toString();
    }

    private static String letters(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    private static JsonNode anyValue(Random random, int depth) {
        int kinds = depth > 0 ? 7 : 5;
        switch (random.nextInt(kinds)) {
            case 0:
                return NODES.textNode(anyText(random));
            case 1:
                return NODES.numberNode(random.nextLong());
            case 2:
                return NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(20) - 10));
            case 3:
                return NODES.booleanNode(random.nextBoolean());
            case 4:
                return NullNode.getInstance();
            case 5: {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(anyValue(random, depth - 1));
                }
                return array;
            }
            default: {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(letters(random, 1 + random.nextInt(5)), anyValue(random, depth - 1));
                }
                return object;
            }
        }
    }

    // ---- damage to a real file --------------------------------------------------------------------------------

    private static synchronized byte[] realFile() {
        if (realFile == null) {
            try {
                realFile = Files.readAllBytes(Corpus.mappingFiles().stream()
                        .min((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return realFile;
    }

    static IntStream everyStep() {
        return IntStream.range(0, 500);
    }

    @ParameterizedTest(name = "cut at {0}/500")
    @MethodSource("everyStep")
    void everyTruncationIsAnErrorWithAPosition(int step) {
        byte[] whole = realFile();
        byte[] cut = Arrays.copyOf(whole, (int) ((long) whole.length * step / 500));

        DataFileException error = readExpectingError(cut);

        if (step > 0) {
            assertThat(error.line()).as(error.getMessage()).isPositive();
        }
    }

    static IntStream seeds200() {
        return IntStream.range(0, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds200")
    void randomDamageGivesACorrectLoadOrADataFileError(int seed) {
        Random random = new Random(seed);
        byte[] bytes = realFile();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            bytes = Damage.random(random).apply(bytes);
        }
        FileContent content;
        try {
            content = read(bytes);
        } catch (DataFileException e) {
            assertThat(e.getMessage()).startsWith("damaged.json");
            return;
        }
        // Loaded: then plain Jackson must read the same bytes as JSON with as many mapping objects.
        JsonNode tree;
        try {
            tree = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new AssertionError("mapper loaded bytes that are not JSON: " + e.getMessage(), e);
        }
        assertThat(content.mappings().mappings()).hasSize(tree.path("mapping_objects").size());
    }

    /** One change to a file, placed at a fraction of its current length. */
    record Damage(String kind, double at, int length, byte value) {

        private static final String[] KINDS = {"flip", "delete", "insert", "repeat"};
        private static final byte[] STRUCTURAL = {'{', '}', '[', ']', '"', ',', ':', '\\', 0, (byte) 0xff, (byte) 0xc3};

        static Damage random(Random random) {
            byte value = random.nextBoolean() ? (byte) random.nextInt(256) : STRUCTURAL[random.nextInt(STRUCTURAL.length)];
            return new Damage(KINDS[random.nextInt(KINDS.length)], random.nextDouble(), 1 + random.nextInt(400), value);
        }

        byte[] apply(byte[] bytes) {
            int position = (int) (at * bytes.length);
            int end = Math.min(bytes.length, position + length);
            return switch (kind) {
                case "flip" -> {
                    byte[] copy = bytes.clone();
                    if (position < copy.length) {
                        copy[position] = value;
                    }
                    yield copy;
                }
                case "delete" -> concat(Arrays.copyOf(bytes, position), Arrays.copyOfRange(bytes, end, bytes.length));
                case "insert" -> splice(bytes, position, new byte[] {value});
                default -> splice(bytes, position, Arrays.copyOfRange(bytes, position, end)); // repeat a range
            };
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static FileContent read(byte[] bytes) {
        return DataFileReader.read("damaged.json", "damaged.json", DataSource.file("damaged.json"),
                () -> new ByteArrayInputStream(bytes), DataRequest.DEFAULT_MAX_FILE_SIZE);
    }

    private static DataFileException readExpectingError(byte[] bytes) {
        try {
            read(bytes);
        } catch (DataFileException e) {
            assertThat(e.getMessage()).startsWith("damaged.json");
            return e;
        }
        throw new AssertionError("a truncated file of " + bytes.length + " bytes loaded");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] splice(byte[] bytes, int position, byte[] inserted) {
        return concat(concat(Arrays.copyOf(bytes, position), inserted),
                Arrays.copyOfRange(bytes, position, bytes.length));
    }
}
