package dev.mapper.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.mapper.model.DataSource;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingFile;
import dev.mapper.model.MappingSet;
import dev.mapper.model.MappingType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streams a Mappings Explorer unified-schema file ({@code metadata} + {@code mapping_objects}) into the model.
 * Field order is free (mapping objects may come before the metadata); fields the schema does not name are kept.
 */
final class MappingFileReader {

    /** Stands for an object or array value when checking duplicate keys: any repeat of one is an error. */
    private static final ScalarValue STRUCTURED = new ScalarValue(JsonToken.START_OBJECT, null);

    /** A scalar as written (its kind and text), so that "1" and 1 count as different values. */
    private record ScalarValue(JsonToken token, String text) {
    }

    private final String file;
    private final JsonParser parser;

    MappingFileReader(String file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /** Reads the whole document; the parser must stand before the root object. */
    MappingFile read(DataSource source) throws IOException {
        expect(parser.nextToken(), JsonToken.START_OBJECT, "a mapping file object");
        Map<String, Object> metadata = null;
        int metadataLine = 0;
        int metadataColumn = 0;
        List<MappingFields> objects = null;
        Set<String> topLevel = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            if (!topLevel.add(field)) {
                throw error("duplicate top-level field \"" + field + "\"");
            }
            JsonToken value = parser.nextToken();
            switch (field) {
                case "metadata" -> {
                    expect(value, JsonToken.START_OBJECT, "\"metadata\" to be an object");
                    metadataLine = Json.line(parser);
                    metadataColumn = Json.column(parser);
                    metadata = readObject();
                }
                case "mapping_objects" -> {
                    expect(value, JsonToken.START_ARRAY, "\"mapping_objects\" to be an array");
                    objects = readMappingObjects();
                }
                default -> throw error("unexpected top-level field \"" + field
                        + "\" (a mapping file has \"metadata\" and \"mapping_objects\")");
            }
        }
        if (parser.nextToken() != null) {
            throw error("unexpected content after the end of the mapping file");
        }
        if (metadata == null) {
            throw new DataFileException(file, 1, 1, "missing \"metadata\" object");
        }
        if (objects == null) {
            throw new DataFileException(file, 1, 1, "missing \"mapping_objects\" array");
        }
        MappingSet set = toSet(metadata, metadataLine, metadataColumn, source);
        List<Mapping> mappings = new ArrayList<>(objects.size());
        for (MappingFields fields : objects) {
            mappings.add(fields.toMapping(set));
        }
        return new MappingFile(set, mappings);
    }

    private List<MappingFields> readMappingObjects() throws IOException {
        List<MappingFields> objects = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            expect(token, JsonToken.START_OBJECT, "a mapping object");
            objects.add(readMappingObject());
        }
        return objects;
    }

    private MappingFields readMappingObject() throws IOException {
        MappingFields m = new MappingFields(Json.line(parser), Json.column(parser));
        Map<String, ScalarValue> seen = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            int line = Json.line(parser);
            int column = Json.column(parser);
            ScalarValue value = scalarValue(parser.nextToken());
            if (seen.containsKey(field)) {
                // Official files repeat a key with the same value; that loses nothing. A different value would.
                if (value == STRUCTURED || !value.equals(seen.get(field))) {
                    throw new DataFileException(file, line, column, "duplicate field \"" + field
                            + "\" with a different value in the same mapping object");
                }
                continue;
            }
            seen.put(field, value);
            switch (field) {
                case "capability_id" -> m.capabilityId = string(field);
                case "capability_description" -> m.capabilityDescription = string(field);
                case "capability_group" -> m.capabilityGroup = string(field);
                case "mapping_type" -> m.mappingType = string(field);
                case "attack_object_id" -> m.attackObjectId = string(field);
                case "attack_object_name" -> m.attackObjectName = string(field);
                case "score_category" -> m.scoreCategory = string(field);
                case "score_value" -> m.scoreValue = string(field);
                case "related_score" -> m.relatedScore = string(field);
                case "comments" -> m.comments = string(field);
                case "references" -> m.references = stringList(field);
                case "status" -> m.status = string(field);
                case "author" -> m.author = string(field);
                case "author_contact" -> m.authorContact = string(field);
                case "author_organization" -> m.authorOrganization = string(field);
                default -> m.extra().put(field, Json.readValue(parser));
            }
        }
        return m;
    }

    /** A scalar value as written, or {@link #STRUCTURED} for an object or array. */
    private ScalarValue scalarValue(JsonToken token) throws IOException {
        return token.isScalarValue() ? new ScalarValue(token, parser.getText()) : STRUCTURED;
    }

    private MappingSet toSet(Map<String, Object> metadata, int line, int column, DataSource source) {
        Map<String, Object> extra = new LinkedHashMap<>(metadata);
        String framework = required(extra, "mapping_framework", line, column);
        String frameworkVersion = required(extra, "mapping_framework_version", line, column);
        String attackVersion = required(extra, "attack_version", line, column);
        String domain = required(extra, "technology_domain", line, column);
        return new MappingSet(
                framework,
                frameworkVersion,
                attackVersion,
                domain,
                optional(extra, "mapping_version", line, column),
                optional(extra, "mapping_framework_version_schema", line, column),
                optional(extra, "creation_date", line, column),
                optional(extra, "last_update", line, column),
                optional(extra, "author", line, column),
                optional(extra, "contact", line, column),
                optional(extra, "organization", line, column),
                Collections.unmodifiableMap(mappingTypes(extra.remove("mapping_types"), line, column)),
                Collections.unmodifiableMap(capabilityGroups(extra.remove("capability_groups"), line, column)),
                Collections.unmodifiableMap(extra),
                source);
    }

    private String required(Map<String, Object> metadata, String key, int line, int column) {
        String value = optional(metadata, key, line, column);
        if (value == null || value.isBlank()) {
            throw new DataFileException(file, line, column, "metadata needs a non-empty string \"" + key + "\"");
        }
        return value;
    }

    private String optional(Map<String, Object> metadata, String key, int line, int column) {
        Object value = metadata.remove(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new DataFileException(file, line, column, "metadata \"" + key + "\" should be a string");
    }

    private Map<String, MappingType> mappingTypes(Object value, int line, int column) {
        Map<String, MappingType> types = new LinkedHashMap<>();
        if (value == null) {
            return types;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new DataFileException(file, line, column, "metadata \"mapping_types\" should be an object");
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = (String) entry.getKey();
            String name = key;
            String description = "";
            if (entry.getValue() instanceof Map<?, ?> definition) {
                name = definition.get("name") instanceof String s ? s : key;
                description = definition.get("description") instanceof String s ? s : "";
            }
            types.put(key, new MappingType(key, name, description));
        }
        return types;
    }

    private Map<String, String> capabilityGroups(Object value, int line, int column) {
        Map<String, String> groups = new LinkedHashMap<>();
        if (value == null) {
            return groups;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new DataFileException(file, line, column, "metadata \"capability_groups\" should be an object");
        }
        map.forEach((key, name) -> groups.put((String) key, name == null ? null : String.valueOf(name)));
        return groups;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readObject() throws IOException {
        return (Map<String, Object>) Json.readValue(parser);
    }

    private String string(String field) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw error("\"" + field + "\" should be a string or null, found " + describe(token));
        }
        return parser.getText();
    }

    private List<String> stringList(String field) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            throw error("\"" + field + "\" should be an array of strings or null, found " + describe(token));
        }
        List<String> values = new ArrayList<>();
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.VALUE_STRING) {
                throw error("\"" + field + "\" items should be strings, found " + describe(token));
            }
            values.add(parser.getText());
        }
        return Collections.unmodifiableList(values);
    }

    private void expect(JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw error("expected " + what + ", found " + describe(actual));
        }
    }

    private DataFileException error(String problem) {
        return new DataFileException(file, Json.line(parser), Json.column(parser), problem);
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "end of file";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    /** The fields of one mapping object while the file is read; the set is known only at the end. */
    private static final class MappingFields {
        final int line;
        final int column;
        String capabilityId;
        String capabilityDescription;
        String capabilityGroup;
        String mappingType;
        String attackObjectId;
        String attackObjectName;
        String scoreCategory;
        String scoreValue;
        String relatedScore;
        String comments;
        List<String> references;
        String status;
        String author;
        String authorContact;
        String authorOrganization;
        private Map<String, Object> extra;

        MappingFields(int line, int column) {
            this.line = line;
            this.column = column;
        }

        Map<String, Object> extra() {
            if (extra == null) {
                extra = new LinkedHashMap<>();
            }
            return extra;
        }

        Mapping toMapping(MappingSet set) {
            return new Mapping(set, line, column, capabilityId, capabilityDescription, capabilityGroup, mappingType,
                    attackObjectId, attackObjectName, scoreCategory, scoreValue, relatedScore, comments, references,
                    status, author, authorContact, authorOrganization,
                    extra == null ? Map.of() : Collections.unmodifiableMap(extra));
        }
    }
}
