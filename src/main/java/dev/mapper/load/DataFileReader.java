package dev.mapper.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mapper.model.AttackRelease;
import dev.mapper.model.DataSource;
import dev.mapper.model.MappingFile;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one data file of either official format, recognised by its content: a STIX bundle has
 * {@code "type": "bundle"} or {@code "objects"}; a mapping file has {@code "metadata"} or {@code "mapping_objects"}.
 */
public final class DataFileReader {

    /** What a file turned out to hold: exactly one of the two is set. */
    public record Content(AttackRelease release, MappingFile mappings) {
    }

    /** The kinds of data file, as detected from content. */
    enum Kind { STIX_BUNDLE, MAPPING_FILE, UNKNOWN }

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    private DataFileReader() {
    }

    /** Reads a file whose format is recognised from its first fields; {@code name} is used in messages. */
    public static Content read(String name, String fileName, DataSource source, Opener opener) {
        Kind kind = detect(name, opener);
        try (InputStream in = opener.open(); JsonParser parser = Json.FACTORY.createParser(in)) {
            return switch (kind) {
                case STIX_BUNDLE -> new Content(new StixBundleReader(name, parser).read(source.label(), fileName), null);
                case MAPPING_FILE -> new Content(null, new MappingFileReader(name, parser).read(source));
                case UNKNOWN -> throw new NotDataException(name,
                        "not an ATT&CK STIX bundle or a Mappings Explorer mapping file "
                                + "(expected \"objects\" or \"mapping_objects\" at the top level)");
            };
        } catch (JsonProcessingException e) {
            throw translate(name, e);
        } catch (IOException e) {
            throw new DataFileException(name, "cannot read: " + e.getMessage(), e);
        }
    }

    private static Kind detect(String name, Opener opener) {
        try (InputStream in = opener.open(); JsonParser parser = Json.FACTORY.createParser(in)) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_OBJECT) {
                if (token == null) {
                    throw new NotDataException(name, "empty file (expected a JSON object)");
                }
                throw new NotDataException(name, "expected a JSON object at the top level, found "
                        + MappingFileReader.describe(token));
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
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
            return Kind.UNKNOWN;
        } catch (StreamConstraintsException e) {
            throw translate(name, e);
        } catch (JsonProcessingException e) {
            // Not JSON at all: under a directory this is skipped, named directly it is an error.
            throw new NotDataException(name, problem(e), line(e), column(e));
        } catch (IOException e) {
            throw new DataFileException(name, "cannot read: " + e.getMessage(), e);
        }
    }

    private static DataFileException translate(String name, JsonProcessingException e) {
        return new DataFileException(name, line(e), column(e), problem(e), e);
    }

    private static String problem(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    private static int column(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
    }

    /** A file that is not one of the two formats (or not JSON): skipped under a directory, an error when named. */
    public static final class NotDataException extends DataFileException {
        NotDataException(String file, String problem) {
            super(file, problem, null);
        }

        NotDataException(String file, String problem, int line, int column) {
            super(file, line, column, problem);
        }
    }
}
