package dev.mapper.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads mapper's machine formats back with Jackson's standard parsers, as a script would. */
public final class Parsed {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Parsed() {
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<JsonNode> jsonLines(String text) {
        return text.lines().map(Parsed::json).toList();
    }

    public static JsonNode yaml(String text) {
        try {
            return new YAMLMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a CSV or TSV text with a header row, as column name to cell. */
    public static List<Map<String, String>> delimited(String text, char separator) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class).with(schema)
                .readValues(text)) {
            return new ArrayList<>(rows.readAll());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Body rows of the Markdown tables in a text: lines starting with '|' that are neither header nor rule; the
     * summary table of {@code show} (headed "| Framework | Mappings |") is not counted.
     */
    public static int markdownRows(String text) {
        int rows = 0;
        boolean inTable = false;
        String header = "";
        for (String line : text.split("\n")) {
            if (!line.startsWith("|")) {
                inTable = false;
                header = "";
            } else if (line.startsWith("|---")) {
                inTable = !header.startsWith("| Framework | Mappings |");
            } else if (inTable) {
                rows++;
            } else {
                header = line;
            }
        }
        return rows;
    }
}
