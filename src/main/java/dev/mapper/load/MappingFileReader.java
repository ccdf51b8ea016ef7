package dev.mapper.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.mapper.model.AttackDomain;
import dev.mapper.model.DataSource;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingFile;
import dev.mapper.model.MappingSet;
import dev.mapper.model.MappingType;
import dev.mapper.model.SetKey;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Streams a Mappings Explorer unified-schema file ({@code metadata} + {@code mapping_objects}) into the model,
 * checking it against the published unified schema on the way: every deviation goes to {@link Diagnostics} with
 * its position. Field order is free (mapping objects may come before the metadata); fields the schema does not
 * name are kept.
 */
final class MappingFileReader {

    /** Stands for an object or array value when checking duplicate keys: any repeat of one is a conflict. */
    private static final ScalarValue STRUCTURED = new ScalarValue(JsonToken.START_OBJECT, null);

    /** A scalar as written (its kind and text), so that "1" and 1 count as different values. */
    private record ScalarValue(JsonToken token, String text) {
    }

    // The unified schema's rules, as its enums, required lists and date pattern say.
    private static final List<String> REQUIRED_METADATA = List.of("mapping_version", "attack_version",
            "technology_domain", "creation_date", "mapping_framework", "mapping_framework_version", "mapping_types",
            "capability_groups");
    private static final Set<String> DOMAINS = Arrays.stream(AttackDomain.values()).map(AttackDomain::key)
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> VERSION_SCHEMAS = Set.of("FRAMEWORK_VERSION", "ACCESS_DATE");
    private static final Set<String> STATUSES = Set.of("complete", "in_progress", "non_mappable");
    private static final Set<String> SCORE_CATEGORIES = Set.of("protect", "detect", "respond");
    private static final Set<String> SCORE_VALUES = Set.of("minimal", "partial", "significant");
    private static final List<String> REQUIRED_MAPPING_FIELDS = List.of("mapping_type", "capability_group");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private final String file;
    private final JsonParser parser;
    private final Diagnostics diagnostics;
    private final Positions positions;

    MappingFileReader(String file, JsonParser parser, Diagnostics diagnostics) {
        this.file = file;
        this.parser = parser;
        this.diagnostics = diagnostics;
        this.positions = diagnostics.positions();
    }

    /** Reads the whole document; the parser must stand before the root object. */
    MappingFile read(DataSource source) throws IOException {
        expect(parser.nextToken(), JsonToken.START_OBJECT, "a mapping file object");
        Metadata metadata = null;
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
                    metadata = readMetadata();
                }
                case "mapping_objects" -> {
                    expect(value, JsonToken.START_ARRAY, "\"mapping_objects\" to be an array");
                    objects = readMappingObjects();
                }
                default -> {
                    diagnostics.unusable(Json.line(parser), Json.column(parser), "unexpected top-level field \""
                            + field + "\" (a mapping file has \"metadata\" and \"mapping_objects\")");
                    parser.skipChildren();
                }
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
        MappingSet set = metadata.toSet(source);
        List<Mapping> mappings = new ArrayList<>(objects.size());
        for (MappingFields fields : objects) {
            mappings.add(fields.toMapping(set));
        }
        return new MappingFile(set, mappings);
    }

    private Metadata readMetadata() throws IOException {
        Metadata metadata = new Metadata(Json.line(parser), Json.column(parser));
        Keys keys = new Keys("metadata");
        for (Key key; (key = keys.next()) != null; ) {
            String field = key.name();
            record(Json.line(parser), Json.column(parser), "metadata", field);
            String what = "metadata \"" + field + "\"";
            switch (field) {
                case "mapping_types" -> metadata.mappingTypes = mappingTypes();
                case "capability_groups" -> metadata.capabilityGroups = capabilityGroups();
                case "author", "contact", "organization" -> metadata.strings.put(field, string(what, true));
                case "technology_domain" -> metadata.strings.put(field, oneOf(what, string(what, false), DOMAINS));
                case "mapping_framework_version_schema" ->
                        metadata.strings.put(field, oneOf(what, string(what, false), VERSION_SCHEMAS));
                case "creation_date", "last_update" -> metadata.strings.put(field, date(what, string(what, false)));
                case "mapping_version", "attack_version", "mapping_framework", "mapping_framework_version" ->
                        metadata.strings.put(field, string(what, false));
                default -> {
                    diagnostics.schema(key.line(), key.column(), "unexpected metadata field \"" + field + "\"");
                    metadata.extra.put(field, Json.readValue(parser));
                }
            }
        }
        for (String required : REQUIRED_METADATA) {
            String value = metadata.strings.get(required);
            if (SetKey.FIELDS.contains(required) && (value == null || value.isBlank())) {
                diagnostics.unusable(metadata.line, metadata.column,
                        "metadata needs a non-empty string \"" + required + "\"");
            } else if (!keys.has(required)) {
                diagnostics.schema(metadata.line, metadata.column, "metadata is missing \"" + required + "\"");
            }
        }
        return metadata;
    }

    private Map<String, MappingType> mappingTypes() throws IOException {
        Map<String, MappingType> types = new LinkedHashMap<>();
        if (!isObject("metadata \"mapping_types\"")) {
            return types;
        }
        Keys keys = new Keys("metadata \"mapping_types\"");
        for (Key key; (key = keys.next()) != null; ) {
            String type = key.name();
            record(key.line(), key.column(), "metadata", "mapping_types", type);
            String name = type;
            String description = "";
            String what = "mapping type \"" + type + "\"";
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                int objectLine = Json.line(parser);
                int objectColumn = Json.column(parser);
                Map<String, Object> definition = readObject();
                for (String field : definition.keySet()) {
                    if (!field.equals("name") && !field.equals("description")) {
                        diagnostics.schema(objectLine, objectColumn, what + " has an unexpected field \"" + field + "\"");
                    }
                }
                for (String field : List.of("name", "description")) {
                    if (!(definition.get(field) instanceof String)) {
                        diagnostics.schema(objectLine, objectColumn, what + " needs a string \"" + field + "\"");
                    }
                }
                name = definition.get("name") instanceof String s ? s : type;
                description = definition.get("description") instanceof String s ? s : "";
            } else {
                diagnostics.schema(key.line(), key.column(),
                        what + " should be an object with \"name\" and \"description\"");
                parser.skipChildren();
            }
            types.put(type, new MappingType(type, name, description));
        }
        return types;
    }

    private Map<String, String> capabilityGroups() throws IOException {
        Map<String, String> groups = new LinkedHashMap<>();
        if (!isObject("metadata \"capability_groups\"")) {
            return groups;
        }
        Keys keys = new Keys("metadata \"capability_groups\"");
        for (Key key; (key = keys.next()) != null; ) {
            record(key.line(), key.column(), "metadata", "capability_groups", key.name());
            Object name = Json.readValue(parser);
            groups.put(key.name(), name == null ? null : String.valueOf(name));
        }
        return groups;
    }

    private List<MappingFields> readMappingObjects() throws IOException {
        List<MappingFields> objects = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            expect(token, JsonToken.START_OBJECT, "a mapping object");
            objects.add(readMappingObject(objects.size()));
        }
        return objects;
    }

    private MappingFields readMappingObject(int index) throws IOException {
        MappingFields m = new MappingFields(Json.line(parser), Json.column(parser));
        // Official files repeat a key with the same value; that loses nothing. A different value would.
        Keys keys = new Keys("the same mapping object");
        for (Key key; (key = keys.next()) != null; ) {
            String field = key.name();
            record(Json.line(parser), Json.column(parser), "mapping_objects", index, field);
            String what = "\"" + field + "\"";
            switch (field) {
                case "capability_id" -> m.capabilityId = string(what, true);
                case "capability_description" -> m.capabilityDescription = string(what, true);
                case "capability_group" -> m.capabilityGroup = string(what, true);
                case "mapping_type" -> m.mappingType = string(what, true);
                case "attack_object_id" -> m.attackObjectId = string(what, true);
                case "attack_object_name" -> m.attackObjectName = string(what, true);
                case "score_category" -> m.scoreCategory = oneOf(what, string(what, true), SCORE_CATEGORIES);
                case "score_value" -> m.scoreValue = oneOf(what, string(what, true), SCORE_VALUES);
                case "related_score" -> m.relatedScore = string(what, true);
                case "comments" -> m.comments = string(what, true);
                case "references" -> m.references = stringList(what);
                case "status" -> m.status = oneOf(what, string(what, false), STATUSES);
                case "author" -> m.author = string(what, true);
                case "author_contact" -> m.authorContact = string(what, true);
                case "author_organization" -> m.authorOrganization = string(what, true);
                case "attack_version", "mapping_framework", "mapping_framework_version", "technology_domain" -> {
                    // Per-mapping copies of set fields: the schema allows them; the model keeps them as extras.
                    if (parser.currentToken() != JsonToken.VALUE_STRING) {
                        diagnostics.schema(Json.line(parser), Json.column(parser),
                                what + " should be a string, found " + describe(parser.currentToken()));
                    }
                    m.extra().put(field, Json.readValue(parser));
                }
                default -> {
                    diagnostics.schema(key.line(), key.column(), "unexpected field \"" + field + "\" in a mapping object");
                    m.extra().put(field, Json.readValue(parser));
                }
            }
        }
        for (String required : REQUIRED_MAPPING_FIELDS) {
            if (!keys.has(required)) {
                diagnostics.schema(m.line, m.column, "a mapping object needs \"" + required + "\" (null is allowed)");
            }
        }
        return m;
    }

    /** Notes where a value (or, for definitions, its key) stands, when positions are wanted. */
    private void record(int line, int column, Object... pointer) {
        if (positions != null) {
            positions.put(Positions.pointer(pointer), line, column);
        }
    }

    /** A scalar value as written, or {@link #STRUCTURED} for an object or array. */
    private ScalarValue scalarValue(JsonToken token) throws IOException {
        return token.isScalarValue() ? new ScalarValue(token, parser.getText()) : STRUCTURED;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readObject() throws IOException {
        return (Map<String, Object>) Json.readValue(parser);
    }

    private boolean isObject(String what) throws IOException {
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            return true;
        }
        diagnostics.unusable(Json.line(parser), Json.column(parser),
                what + " should be an object, found " + describe(parser.currentToken()));
        parser.skipChildren();
        return false;
    }

    /**
     * The current value as a string. Null for JSON null, which the schema allows only where {@code nullable};
     * null too, once reported, for a value of another type, which is then skipped.
     */
    private String string(String what, boolean nullable) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (token == JsonToken.VALUE_NULL) {
            if (!nullable) {
                diagnostics.schema(Json.line(parser), Json.column(parser), what + " should be a string, found null");
            }
            return null;
        }
        diagnostics.unusable(Json.line(parser), Json.column(parser),
                what + " should be a string" + (nullable ? " or null" : "") + ", found " + describe(token));
        parser.skipChildren();
        return null;
    }

    /** The value, after checking it against the schema's enum (null passes: nullability is checked apart). */
    private String oneOf(String what, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            diagnostics.schema(Json.line(parser), Json.column(parser), what + " should be one of "
                    + String.join(", ", new TreeSet<>(allowed)) + ", found \"" + value + "\"");
        }
        return value;
    }

    /** The value, after checking it is a real date written MM/DD/YYYY as the schema says. */
    private String date(String what, String value) {
        if (value != null) {
            try {
                LocalDate.parse(value, DATE);
            } catch (DateTimeParseException e) {
                diagnostics.schema(Json.line(parser), Json.column(parser),
                        what + " should be a date written MM/DD/YYYY, found \"" + value + "\"");
            }
        }
        return value;
    }

    private List<String> stringList(String what) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            diagnostics.unusable(Json.line(parser), Json.column(parser),
                    what + " should be an array of strings or null, found " + describe(token));
            parser.skipChildren();
            return null;
        }
        List<String> values = new ArrayList<>();
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.VALUE_STRING) {
                values.add(parser.getText());
            } else {
                diagnostics.unusable(Json.line(parser), Json.column(parser),
                        what + " items should be strings, found " + describe(token));
                parser.skipChildren();
            }
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

    /** A field of an object, where its name stands. */
    private record Key(String name, int line, int column) {
    }

    /**
     * The keys of one object so far. A key repeated with the same scalar value loses nothing and is a warning;
     * with another value it is unusable, and the first value is kept.
     */
    private final class Keys {
        private final Map<String, ScalarValue> seen = new HashMap<>();
        private final String where;

        Keys(String where) {
            this.where = where;
        }

        /**
         * The object's next field not seen before in it, the parser on its value; null at the end of the object.
         * Repeats are reported and skipped on the way.
         */
        Key next() throws IOException {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                Key key = new Key(parser.currentName(), Json.line(parser), Json.column(parser));
                parser.nextToken();
                if (!repeated(key.name(), key.line(), key.column())) {
                    return key;
                }
            }
            return null;
        }

        /** True, once reported and skipped, when the field was seen before in this object; the parser on its value. */
        private boolean repeated(String field, int line, int column) throws IOException {
            ScalarValue value = scalarValue(parser.currentToken());
            if (!seen.containsKey(field)) {
                seen.put(field, value);
                return false;
            }
            if (value == STRUCTURED || !value.equals(seen.get(field))) {
                diagnostics.unusable(line, column, "duplicate field \"" + field + "\" with a different value in "
                        + where);
            } else {
                diagnostics.warning("duplicate-key", line, column, "duplicate field \"" + field
                        + "\" with the same value in " + where);
            }
            parser.skipChildren();
            return true;
        }

        boolean has(String field) {
            return seen.containsKey(field);
        }
    }

    /** The metadata while the file is read. */
    private static final class Metadata {
        final int line;
        final int column;
        final Map<String, String> strings = new HashMap<>();
        final Map<String, Object> extra = new LinkedHashMap<>();
        Map<String, MappingType> mappingTypes = Map.of();
        Map<String, String> capabilityGroups = Map.of();

        Metadata(int line, int column) {
            this.line = line;
            this.column = column;
        }

        MappingSet toSet(DataSource source) {
            return new MappingSet(
                    strings.get("mapping_framework"),
                    strings.get("mapping_framework_version"),
                    strings.get("attack_version"),
                    strings.get("technology_domain"),
                    strings.get("mapping_version"),
                    strings.get("mapping_framework_version_schema"),
                    strings.get("creation_date"),
                    strings.get("last_update"),
                    strings.get("author"),
                    strings.get("contact"),
                    strings.get("organization"),
                    Collections.unmodifiableMap(mappingTypes),
                    Collections.unmodifiableMap(capabilityGroups),
                    Collections.unmodifiableMap(extra),
                    source);
        }
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
