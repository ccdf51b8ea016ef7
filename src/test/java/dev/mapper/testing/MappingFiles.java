package dev.mapper.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Small mapping files in the unified schema, of any framework, domain and ATT&CK version. A file's metadata defines
 * the mapping types and capability groups its mappings use, as an official file's does ({@code non_mappable} left
 * undefined, as official files leave it). It is written as text, the metadata on line 1 and one mapping object a line
 * from line 3, so that a test knows where each mapping stands and can damage a file in its text.
 *
 * <pre>{@code
 * MappingFiles.file("acme").attack("18.1")
 *         .add(scored("vault", "T1528", "partial"), mapping("C-1", "T1078").group("identity"))
 *         .write(dir.resolve("acme.json"));
 * }</pre>
 */
public final class MappingFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** JSON on one line, spaced as a person writes it: {@code {"a": 1, "b": [2, 3]}}. */
    private static final ObjectWriter ONE_LINE = JSON.writer(new MinimalPrettyPrinter() {
        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    });

    private MappingFiles() {
    }

    /** A file of the framework's set, version "1", mapped to Enterprise ATT&CK 16.1 (the bundled sample's release). */
    public static File file(String framework) {
        return new File(framework);
    }

    /**
     * A complete "mitigates" mapping of the capability to the technique in no capability group (null, which the schema
     * allows), with no other field unless one is set.
     */
    public static MappingObject mapping(String capability, String technique) {
        return new MappingObject(capability, technique);
    }

    /** A mapping of T1528, which the bundled sample describes, giving its name as the official files do. */
    public static MappingObject mappingOfT1528(String capability) {
        return mapping(capability, "T1528").name("Steal Application Access Token");
    }

    /** A technique_scores mapping, protect with the score (null: none), its description "CAPABILITY service". */
    public static MappingObject scored(String capability, String technique, String score) {
        return mapping(capability, technique).type("technique_scores").description(capability + " service")
                .score("protect", score);
    }

    /** The text of a file of {@code count} mappings of T1528 (cap-0, cap-1, ...), each with a 100-character comment. */
    public static String manyMappings(int count) {
        File file = file("test");
        for (int i = 0; i < count; i++) {
            file.add(mappingOfT1528("cap-" + i).comments("x".repeat(100)));
        }
        return file.text();
    }

    /** A mapping file being built: its set, the ATT&CK release it maps to, and its mapping objects. */
    public static final class File {

        private final ObjectNode metadata = JSON.createObjectNode();
        private final ObjectNode namedTypes = JSON.createObjectNode();
        private final List<MappingObject> mappings = new ArrayList<>();

        private File(String framework) {
            metadata.put("mapping_version", "1").put("attack_version", "16.1").put("technology_domain", "enterprise")
                    .put("creation_date", "01/01/2025").put("last_update", "01/01/2025")
                    .put("mapping_framework", framework).put("mapping_framework_version", "1");
        }

        /** The framework's version ("1" unless set). */
        public File version(String frameworkVersion) {
            metadata.put("mapping_framework_version", frameworkVersion);
            return this;
        }

        /** The ATT&CK version the file maps to ("16.1" unless set). */
        public File attack(String attackVersion) {
            metadata.put("attack_version", attackVersion);
            return this;
        }

        /** The ATT&CK domain: enterprise, mobile or ics (enterprise unless set). */
        public File domain(String domain) {
            metadata.put("technology_domain", domain);
            return this;
        }

        /** The creation and last update dates, MM/DD/YYYY (both 01/01/2025 unless set). */
        public File dates(String created, String updated) {
            metadata.put("creation_date", created).put("last_update", updated);
            return this;
        }

        /** A mapping type with a name of its own; the other types the mappings use are named by their key. */
        public File mappingType(String key, String name) {
            namedTypes.putObject(key).put("name", name).put("description", "");
            return this;
        }

        public File add(MappingObject... objects) {
            mappings.addAll(List.of(objects));
            return this;
        }

        /** The file as text: the metadata on line 1, {@code "mapping_objects": [} on line 2, then a mapping a line. */
        public String text() {
            ObjectNode written = metadata.deepCopy();
            ObjectNode types = written.putObject("mapping_types");
            ObjectNode groups = written.putObject("capability_groups");
            types.setAll(namedTypes);
            for (MappingObject m : mappings) {
                String type = m.fields.path("mapping_type").textValue();
                if (type != null && !type.equals("non_mappable") && !types.has(type)) {
                    types.putObject(type).put("name", type).put("description", "");
                }
                String group = m.fields.path("capability_group").textValue();
                if (group != null) {
                    groups.put(group, group);
                }
            }
            return "{\"metadata\": " + oneLine(written) + ",\n\"mapping_objects\": [\n"
                    + mappings.stream().map(MappingObject::text).collect(Collectors.joining(",\n")) + "\n]}\n";
        }

        /** The file as a tree, for tests that read it plainly beside mapper or rearrange it. */
        public ObjectNode tree() {
            try {
                return (ObjectNode) JSON.readTree(text());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("raw fields a tree cannot hold: write the text instead", e);
            }
        }

        /** Writes the text to {@code file}, making its folder, and returns the path. */
        public Path write(Path file) {
            return TextFiles.write(file, text());
        }
    }

    /** One mapping object, its fields written in the order official files give them, whatever the order set. */
    public static final class MappingObject {

        private static final List<String> ORDER = List.of("capability_id", "capability_description",
                "capability_group", "mapping_type", "attack_object_id", "attack_object_name", "score_category",
                "score_value", "comments", "references", "status");

        private final ObjectNode fields = JSON.createObjectNode();
        private String rawFields = "";

        private MappingObject(String capability, String technique) {
            fields.put("capability_id", capability).putNull("capability_group").put("mapping_type", "mitigates")
                    .put("attack_object_id", technique).put("status", "complete");
        }

        public MappingObject description(String description) {
            fields.put("capability_description", description);
            return this;
        }

        public MappingObject group(String group) {
            fields.put("capability_group", group);
            return this;
        }

        /** The mapping type; {@code non_mappable} or null makes the status non_mappable too, as official files do. */
        public MappingObject type(String type) {
            fields.put("mapping_type", type);
            fields.put("status", type == null || type.equals("non_mappable") ? "non_mappable" : "complete");
            return this;
        }

        /** The technique's name as the mapping gives it ({@code attack_object_name}). */
        public MappingObject name(String name) {
            fields.put("attack_object_name", name);
            return this;
        }

        /** The score category and value (either may be null, written as null). */
        public MappingObject score(String category, String value) {
            fields.put("score_category", category).put("score_value", value);
            return this;
        }

        public MappingObject comments(String comments) {
            fields.put("comments", comments);
            return this;
        }

        public MappingObject references(String... references) {
            ArrayNode list = fields.putArray("references");
            List.of(references).forEach(list::add);
            return this;
        }

        /**
         * Fields written as given after the others, starting with a comma: what a tree cannot hold, such as a field
         * given twice, NaN, or nesting past mapper's limit.
         */
        public MappingObject rawFields(String text) {
            rawFields = text;
            return this;
        }

        /** The mapping object's text, on one line unless its raw fields break it. */
        public String text() {
            ObjectNode ordered = JSON.createObjectNode();
            ORDER.stream().filter(fields::has).forEach(field -> ordered.set(field, fields.get(field)));
            String json = oneLine(ordered);
            return json.substring(0, json.length() - 1) + rawFields + "}";
        }
    }

    private static String oneLine(JsonNode node) {
        try {
            return ONE_LINE.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
