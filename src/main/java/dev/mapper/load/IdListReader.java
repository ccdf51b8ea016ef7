package dev.mapper.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads lists of IDs from files (and stdin): technique IDs (whitespace or comma separated, {@code #} comments), and the
 * capabilities a team runs ({@code --have}): one {@code capability_id} per line, or a CSV file with a
 * {@code capability_id} column, or JSON.
 */
public final class IdListReader {

    /** The fields of a JSON object whose array lists the capabilities (mapper's own outputs among them). */
    private static final List<String> JSON_LISTS = List.of("capabilities", "items", "mappings");
    private static final String CAPABILITY_ID = "capability_id";

    private IdListReader() {
    }

    /** One ID and where it stands in its file (1-based). */
    public record Listed(String id, int line, int column) {
    }

    public static List<String> read(Path file) {
        List<String> ids = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int comment = line.indexOf('#');
                for (String token : (comment < 0 ? line : line.substring(0, comment)).split("[\\s,]+")) {
                    if (!token.isEmpty()) {
                        ids.add(token);
                    }
                }
            }
        } catch (IOException e) {
            throw new DataFileException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
        return ids;
    }

    /**
     * The capability IDs a file lists, each once (the first time), in file order. By the file's extension:
     * {@code .json}, an array of IDs or of objects with a {@code capability_id} (or an object whose
     * {@code capabilities}, {@code items} or {@code mappings} array is such, as mapper's JSON output is; null IDs
     * are passed over); {@code .csv}, a header row with a {@code capability_id} column; anything else, one ID per
     * line, blank lines and {@code #} comments (at the start of a line or after a space) ignored. UTF-8, with or
     * without a byte order mark; any line ends.
     *
     * @throws DataFileException when the file cannot be read or is not such a list, with the position
     */
    public static List<Listed> capabilityIds(Path file) {
        DataLoader.requireFile(file);
        String name = file.toString();
        String text = utf8(file);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return distinct(lower.endsWith(".json") ? fromJson(name, text)
                : lower.endsWith(".csv") ? fromCsv(name, text) : fromLines(text));
    }

    /**
     * One ID or name per line, each once (the first time), in file order; blank lines and {@code #} comments (at
     * the start of a line or after a space) ignored. UTF-8, with or without a byte order mark; any line ends.
     *
     * @throws DataFileException when the file cannot be read or is not UTF-8 text, with the position
     */
    public static List<Listed> lines(Path file) {
        DataLoader.requireFile(file);
        String text = utf8(file);
        return distinct(fromLines(text.startsWith("\uFEFF") ? text.substring(1) : text));
    }

    /**
     * The same from a stream (stdin of {@code show -}): one ID or name per line, each once, in order.
     * {@code name} says where, in errors.
     */
    public static List<String> lines(Reader in, String name) {
        String text = text(in, name);
        List<String> ids = new ArrayList<>();
        for (Listed listed : distinct(fromLines(text.startsWith("\uFEFF") ? text.substring(1) : text))) {
            ids.add(listed.id());
        }
        return List.copyOf(ids);
    }

    /** All of a stream's text (a pasted report, to find IDs in). */
    public static String text(Reader in, String name) {
        StringBuilder text = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(in)) {
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                text.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new DataFileException(name, "cannot read: " + e.getMessage(), e);
        }
        return text.toString();
    }

    private static List<Listed> distinct(List<Listed> listed) {
        Set<String> seen = new HashSet<>();
        List<Listed> first = new ArrayList<>(listed.size());
        for (Listed entry : listed) {
            if (seen.add(entry.id())) {
                first.add(entry);
            }
        }
        return List.copyOf(first);
    }

    private static String utf8(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataFileException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
        String encoding = Encoding.notUtf8(Arrays.copyOf(bytes, Math.min(bytes.length, Encoding.HEAD_LENGTH)));
        if (encoding != null) {
            throw new DataFileException(file.toString(), Encoding.problem(encoding), null);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new DataFileException(file.toString(), line, in.position() - lineStart + 1,
                    "not valid UTF-8; mapper reads UTF-8 only: was the file saved as Latin-1 or Windows-1252?");
        }
        return out.flip().toString();
    }

    private static List<Listed> fromLines(String text) {
        List<Listed> listed = new ArrayList<>();
        int number = 0;
        // Line by line by hand, not split() with a regular expression: show - reads hundreds of IDs at a cold start.
        for (int start = 0; start <= text.length(); ) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String line = text.substring(start, end);
            number++;
            int comment = commentStart(line);
            String content = comment < 0 ? line : line.substring(0, comment);
            String id = content.strip();
            if (!id.isEmpty()) {
                listed.add(new Listed(id, number, content.indexOf(id.charAt(0)) + 1));
            }
            boolean crlf = end + 1 < text.length() && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n';
            start = end + (crlf ? 2 : 1);
        }
        return listed;
    }

    /** Where a comment starts: a {@code #} at the start of the line or after whitespace (IDs may hold a #). */
    private static int commentStart(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    private static List<Listed> fromCsv(String name, String text) {
        List<Listed> listed = new ArrayList<>();
        CsvMapper csv = new CsvMapper();
        csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> rows = csv.readerForListOf(String.class).readValues(text)) {
            if (!rows.hasNextValue()) {
                throw new DataFileException(name, 1, 1, "an empty CSV file (expected a header row with a "
                        + CAPABILITY_ID + " column)");
            }
            List<String> header = rows.nextValue();
            int column = -1;
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).strip().equalsIgnoreCase(CAPABILITY_ID)) {
                    column = i;
                }
            }
            if (column < 0) {
                throw new DataFileException(name, 1, 1, "expected a " + CAPABILITY_ID
                        + " column in the header row, found " + String.join(", ", header));
            }
            while (rows.hasNextValue()) {
                int line = rows.getParser().currentLocation().getLineNr();
                List<String> row = rows.nextValue();
                String id = column < row.size() ? row.get(column).strip() : "";
                if (!id.isEmpty()) {
                    listed.add(new Listed(id, line, column + 1));
                }
            }
        } catch (JsonProcessingException e) {
            throw DataFileReader.translate(name, e, null);
        } catch (IOException e) {
            throw new DataFileException(name, "cannot read: " + e.getMessage(), e);
        }
        return listed;
    }

    private static List<Listed> fromJson(String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<Listed> listed = new ArrayList<>();
        try (JsonParser parser = Json.parser(new ByteArrayInputStream(bytes), bytes.length + 1L)) {
            try {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.START_ARRAY) {
                    readArray(name, parser, listed);
                } else if (token == JsonToken.START_OBJECT) {
                    boolean found = false;
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String field = parser.currentName();
                        if (parser.nextToken() == JsonToken.START_ARRAY && !found && JSON_LISTS.contains(field)) {
                            readArray(name, parser, listed);
                            found = true;
                        } else {
                            parser.skipChildren();
                        }
                    }
                    if (!found) {
                        throw new DataFileException(name, 1, 1, "expected an array of capability IDs, or an object "
                                + "with a " + String.join(", ", JSON_LISTS) + " array");
                    }
                } else {
                    throw error(name, parser, "expected an array of capability IDs");
                }
            } catch (JsonProcessingException e) {
                throw DataFileReader.translate(name, e, parser);
            }
        } catch (IOException e) {
            throw new DataFileException(name, "cannot read: " + e.getMessage(), e);
        }
        return listed;
    }

    /** An array of IDs, or of objects with a {@code capability_id}. */
    private static void readArray(String name, JsonParser parser, List<Listed> listed) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            int line = Json.line(parser);
            int column = Json.column(parser);
            if (token == JsonToken.VALUE_STRING) {
                add(listed, parser.getText(), line, column);
            } else if (token == JsonToken.START_OBJECT) {
                boolean hasId = false;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (field.equals(CAPABILITY_ID)) {
                        hasId = true;
                        if (value == JsonToken.VALUE_STRING) {
                            add(listed, parser.getText(), Json.line(parser), Json.column(parser));
                        } else if (value != JsonToken.VALUE_NULL) {
                            throw error(name, parser, "expected \"" + CAPABILITY_ID + "\" to be a string");
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
                if (!hasId) {
                    throw new DataFileException(name, line, column, "expected a \"" + CAPABILITY_ID
                            + "\" field in each object");
                }
            } else {
                throw error(name, parser, "expected a capability ID (a string) or an object with \""
                        + CAPABILITY_ID + "\"");
            }
        }
    }

    private static void add(List<Listed> listed, String id, int line, int column) {
        if (!id.isBlank()) {
            listed.add(new Listed(id.strip(), line, column));
        }
    }

    private static DataFileException error(String name, JsonParser parser, String problem) {
        return new DataFileException(name, Json.line(parser), Json.column(parser), problem);
    }
}
