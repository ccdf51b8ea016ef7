package dev.mapper.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapper.model.DataSource;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingFile;
import dev.mapper.testing.Corpus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Property tests of the mapping-file reader. Random valid files load with every mapping and field; random damage
 * to a real file (truncation at every 1/500th of its length, flipped, deleted, inserted and repeated bytes) gives
 * a correct load or a {@link DataFileException}, never another exception. Tries are bounded to keep the suite fast.
 */
class LoaderProperties {

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

    /** The smallest corpus mapping file, read once: the subject of the damage properties. */
    private static byte[] realFile;

    // ---- random valid files ---------------------------------------------------------------------------------

    @Property(tries = 100)
    void randomValidFilesLoadEveryMappingWithEveryField(@ForAll("mappingFiles") ObjectNode file,
                                                         @ForAll boolean byteOrderMark, @ForAll boolean pretty)
            throws IOException {
        byte[] text = (pretty ? JSON.writerWithDefaultPrettyPrinter() : JSON.writer()).writeValueAsBytes(file);
        byte[] bytes = byteOrderMark ? concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, text) : text;

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
                assertThat((JsonNode) JSON.valueToTree(field.getValue().apply(mapping))).as(field.getKey()).isEqualTo(expected);
                unknown.remove(field.getKey());
            }
            assertThat((JsonNode) JSON.valueToTree(mapping.extraFields())).as("extra fields").isEqualTo(unknown);
        }
    }

    @Provide
    Arbitrary<ObjectNode> mappingFiles() {
        Arbitrary<String> required = Arbitraries.strings().alpha().numeric().withChars("._/@ ").ofMinLength(1)
                .ofMaxLength(12).filter(s -> !s.isBlank());
        Arbitrary<ObjectNode> metadata = Combinators.combine(required, required, required, required)
                .as((framework, version, attack, domain) -> NODES.objectNode().put("mapping_framework", framework)
                        .put("mapping_framework_version", version).put("attack_version", attack)
                        .put("technology_domain", domain));
        return Combinators.combine(metadata, mappingObject().list().ofMaxSize(15), Arbitraries.of(true, false))
                .as((meta, objects, objectsFirst) -> {
                    // The schema does not fix the order of the two; streaming must not depend on it.
                    ObjectNode file = NODES.objectNode();
                    ArrayNode array = NODES.arrayNode().addAll(objects);
                    if (objectsFirst) {
                        file.set("mapping_objects", array);
                        file.set("metadata", meta);
                    } else {
                        file.set("metadata", meta);
                        file.set("mapping_objects", array);
                    }
                    return file;
                });
    }

    private Arbitrary<ObjectNode> mappingObject() {
        Arbitrary<JsonNode> text = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(NullNode.getInstance())),
                Tuple.of(6, anyText().map(NODES::textNode)));
        Arbitrary<JsonNode> references = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(NullNode.getInstance())),
                Tuple.of(3, anyText().list().ofMaxSize(3).map(l -> {
                    ArrayNode array = NODES.arrayNode();
                    l.forEach(array::add);
                    return array;
                })));
        Arbitrary<Map<String, JsonNode>> unknown = Arbitraries.maps(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8).map(s -> "x_" + s),
                anyValue(2)).ofMaxSize(3);
        return Combinators.combine(Arbitraries.subsetOf(FIELDS.keySet()), text.list().ofSize(FIELDS.size()),
                references, unknown).as((present, texts, refs, extra) -> {
                    ObjectNode object = NODES.objectNode();
                    int i = 0;
                    for (String field : FIELDS.keySet()) {
                        if (present.contains(field)) {
                            object.set(field, field.equals("references") ? refs : texts.get(i));
                        }
                        i++;
                    }
                    extra.forEach(object::set);
                    return object;
                });
    }

    /** Any text without lone surrogates (which no UTF-8 file can carry), pairs and control characters included. */
    private static Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\ud7ff').withCharRange('\ue000', '\uffff')
                        .ofMaxLength(30),
                Arbitraries.of("", "\u001b[31mred\u001b[0m", "😀 emoji", "\"quoted\" \\ back", "line\nbreak\u2028"));
    }

    private static Arbitrary<JsonNode> anyValue(int depth) {
        List<Arbitrary<? extends JsonNode>> kinds = new ArrayList<>(List.of(
                anyText().map(NODES::textNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NullNode.getInstance())));
        if (depth > 0) {
            kinds.add(anyValue(depth - 1).list().ofMaxSize(3).map(l -> NODES.arrayNode().addAll(l)));
            kinds.add(Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(5), anyValue(depth - 1))
                    .ofMaxSize(3).map(m -> NODES.objectNode().setAll(m)));
        }
        return Arbitraries.oneOf(kinds);
    }

    // ---- damage to a real file --------------------------------------------------------------------------------

    /** Skips the damage properties, with the reason, when the corpus is absent. */
    static final class CorpusPresent implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return Corpus.present() ? SkipResult.doNotSkip() : SkipResult.skip(Corpus.absence());
        }
    }

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

    @Property(generation = GenerationMode.EXHAUSTIVE)
    @AddLifecycleHook(CorpusPresent.class)
    void everyTruncationIsAnErrorWithAPosition(@ForAll @IntRange(min = 0, max = 499) int step) {
        byte[] whole = realFile();
        byte[] cut = Arrays.copyOf(whole, (int) ((long) whole.length * step / 500));

        DataFileException error = readExpectingError(cut);

        if (step > 0) {
            assertThat(error.line()).as(error.getMessage()).isPositive();
        }
    }

    @Property(tries = 200)
    @AddLifecycleHook(CorpusPresent.class)
    void randomDamageGivesACorrectLoadOrADataFileError(@ForAll("damage") List<Damage> damage) {
        byte[] bytes = realFile();
        for (Damage d : damage) {
            bytes = d.apply(bytes);
        }
        DataFileReader.Content content;
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

    @Provide
    Arbitrary<List<Damage>> damage() {
        Arbitrary<Byte> interesting = Arbitraries.oneOf(Arbitraries.bytes(),
                Arbitraries.of((byte) '{', (byte) '}', (byte) '[', (byte) ']', (byte) '"', (byte) ',', (byte) ':',
                        (byte) '\\', (byte) 0, (byte) 0xff, (byte) 0xc3));
        return Combinators.combine(Arbitraries.of("flip", "delete", "insert", "repeat"),
                        Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(1, 400), interesting)
                .as(Damage::new).list().ofMinSize(1).ofMaxSize(3);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static DataFileReader.Content read(byte[] bytes) {
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
