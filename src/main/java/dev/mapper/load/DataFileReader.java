package dev.mapper.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.mapper.model.DataSource;
import dev.mapper.model.FileContent;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one data file of either official format, recognised by its content: a STIX bundle has
 * {@code "type": "bundle"} or {@code "objects"}; a mapping file has {@code "metadata"} or {@code "mapping_objects"}.
 */
public final class DataFileReader {

    /** The kinds of data file, as detected from content; a JSON Schema document is not data, but is known. */
    enum Kind { STIX_BUNDLE, MAPPING_FILE, JSON_SCHEMA, UNKNOWN }

    /** What a JSON Schema document's {@code $schema} names: a JSON Schema meta-schema. */
    private static final String JSON_SCHEMA_SITE = "json-schema.org/";

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** Jackson names the setting behind a limit ("…, from `StreamReadConstraints.getMaxNestingDepth()`"). */
    private static final Pattern LIMIT_SOURCE = Pattern.compile(", from `[^`]*`");

    /** Jackson's report of a key repeated inside an object read as a tree (metadata, STIX objects, unknown fields). */
    private static final Pattern DUPLICATE_IN_TREE = Pattern.compile("Duplicate field '(.*)' for `ObjectNode`");

    /** Jackson's "Non-standard token 'NaN': enable `JsonReadFeature...` to allow": NaN, Infinity, -Infinity. */
    private static final Pattern NON_NUMERIC = Pattern.compile("Non-standard token '([^']*)'.*");

    /** Jackson's advice to switch on one of its features, which a user of mapper cannot do. */
    private static final Pattern FEATURE_ADVICE = Pattern.compile(
            "(?:: enable `[^`]*` to allow| \\(not recognized as one since Feature '[^']*' not enabled for parser\\))");

    private DataFileReader() {
    }

    /**
     * Reads a file whose format is recognised from its first fields; {@code name} is used in messages. Reading
     * stops with an error past {@code maxBytes}.
     */
    public static FileContent read(String name, String fileName, DataSource source, Opener opener, long maxBytes) {
        return read(name, fileName, source, opener, maxBytes, Diagnostics.loading(name));
    }

    /** Reads a file, telling {@code diagnostics} what is wrong with a mapping file. */
    static FileContent read(String name, String fileName, DataSource source, Opener opener, long maxBytes,
                        Diagnostics diagnostics) {
        Kind kind = detect(name, opener, maxBytes);
        try (InputStream in = opener.open(); JsonParser parser = Json.parser(in, maxBytes)) {
            try {
                return switch (kind) {
                    case STIX_BUNDLE -> FileContent.of(new StixBundleReader(name, parser).read(source, fileName));
                    case MAPPING_FILE -> FileContent.of(new MappingFileReader(name, parser, diagnostics).read(source));
                    case JSON_SCHEMA -> throw new NotDataException(name, "a JSON Schema, not an ATT&CK STIX bundle "
                            + "or a Mappings Explorer mapping file", 0, 0, true);
                    case UNKNOWN -> throw new NotDataException(name,
                            "not an ATT&CK STIX bundle or a Mappings Explorer mapping file "
                                    + "(expected \"objects\" or \"mapping_objects\" at the top level)");
                };
            } catch (JsonProcessingException e) {
                throw translate(name, e, parser);
            }
        } catch (IOException e) {
            throw new DataFileException(name, "cannot read: " + e.getMessage(), e);
        }
    }

    private static Kind detect(String name, Opener opener, long maxBytes) {
        try (InputStream in = utf8(name, opener.open()); JsonParser parser = Json.parser(in, maxBytes)) {
            try {
                return detect(name, parser);
            } catch (StreamConstraintsException e) {
                throw translate(name, e, parser);
            } catch (JsonProcessingException e) {
                // A JSON object with bytes that are not UTF-8 is data in the wrong encoding: an error.
                if (!parser.getParsingContext().inRoot() && Encoding.isInvalidUtf8(e.getOriginalMessage())) {
                    throw translate(name, e, parser);
                }
                // Not JSON at all (a binary file, say): skipped under a directory, an error when named directly.
                DataFileException error = translate(name, e, parser);
                throw new NotDataException(name, error.problem(), error.line(), error.column());
            }
        } catch (IOException e) {
            throw new DataFileException(name, "cannot read: " + e.getMessage(), e);
        }
    }

    private static Kind detect(String name, JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.START_OBJECT) {
            if (token == null) {
                throw new NotDataException(name, "empty file (expected a JSON object)");
            }
            throw new NotDataException(name, "expected a JSON object at the top level, found "
                    + MappingFileReader.describe(token));
        }
        boolean jsonSchema = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "$schema":
                    // A data file may name its schema too: only what has no data fields is a schema document.
                    jsonSchema = value == JsonToken.VALUE_STRING && parser.getText().contains(JSON_SCHEMA_SITE);
                    parser.skipChildren();
                    break;
                case "objects":
                    return Kind.STIX_BUNDLE;
                case "type":
                    if (value == JsonToken.VALUE_STRING && "bundle".equals(parser.getText())) {
                        return Kind.STIX_BUNDLE;
                    }
                    break;
                case "metadata":
                case "mapping_objects":
                    return Kind.MAPPING_FILE;
                default:
                    parser.skipChildren();
            }
        }
        return jsonSchema ? Kind.JSON_SCHEMA : Kind.UNKNOWN;
    }

    /** The stream, positioned at its start, once its first bytes show UTF-8 (the only encoding mapper reads). */
    private static InputStream utf8(String name, InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(Encoding.HEAD_LENGTH);
        String encoding = Encoding.notUtf8(buffered.readNBytes(Encoding.HEAD_LENGTH));
        if (encoding != null) {
            buffered.close();
            throw new DataFileException(name, Encoding.problem(encoding), null);
        }
        buffered.reset();
        return buffered;
    }

    /**
     * Jackson's error in the user's terms at its position, or where the parser stood when Jackson gives none (limits
     * do not; parser null: no position then). For every JSON and CSV that load reads, so that all say it alike.
     */
    static DataFileException translate(String name, JsonProcessingException e, JsonParser parser) {
        JsonLocation at = e.getLocation() != null ? e.getLocation() : parser != null ? parser.currentLocation() : null;
        return at == null ? new DataFileException(name, problem(e), e)
                : new DataFileException(name, at.getLineNr(), at.getColumnNr(), problem(e), e);
    }

    /** Jackson's message as one line for users: encoding named, limits pointed at their documentation. */
    private static String problem(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        if (Encoding.isInvalidUtf8(message)) {
            return Encoding.invalidUtf8Problem(message);
        }
        if (e instanceof StreamConstraintsException) {
            return LIMIT_SOURCE.matcher(message).replaceAll("") + " (a limit of mapper's, see docs/limits.md)";
        }
        Matcher nonNumeric = NON_NUMERIC.matcher(message);
        if (nonNumeric.matches()) {
            return "'" + nonNumeric.group(1) + "' is not a JSON value (JSON numbers cannot be NaN or infinite: "
                    + "write null, or a number)";
        }
        if (FEATURE_ADVICE.matcher(message).find()) {
            return FEATURE_ADVICE.matcher(message).replaceAll("") + " (not valid JSON)";
        }
        Matcher duplicate = DUPLICATE_IN_TREE.matcher(message);
        if (e instanceof MismatchedInputException && duplicate.lookingAt()) {
            return "duplicate field \"" + duplicate.group(1) + "\" in the same object";
        }
        return message;
    }

    /**
     * A file that is not data mapper can read (not JSON, not one of the two formats, not readable): skipped with
     * a warning under a directory, an error when named.
     */
    public static final class NotDataException extends DataFileException {
        private final boolean jsonSchema;

        NotDataException(String file, String problem) {
            this(file, problem, 0, 0, false);
        }

        NotDataException(String file, String problem, int line, int column) {
            this(file, problem, line, column, false);
        }

        NotDataException(String file, String problem, int line, int column, boolean jsonSchema) {
            super(file, line, column, problem);
            this.jsonSchema = jsonSchema;
        }

        /** The file's not being data, as the cache of loaded files keeps it. */
        NotDataException(String file, FileContent.NotData notData) {
            this(file, notData.problem(), notData.line(), notData.column(), notData.jsonSchema());
        }

        FileContent.NotData reason() {
            return new FileContent.NotData(problem(), line(), column(), jsonSchema);
        }

        /**
         * A JSON Schema document (such as the unified schema published beside the mapping files): under a
         * directory it is skipped without a warning, being plainly not data rather than data mapper cannot read.
         */
        public boolean jsonSchema() {
            return jsonSchema;
        }
    }
}
