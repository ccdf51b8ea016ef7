package dev.mapper.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mapper.model.Report;
import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code --format csv} and {@code tsv}: a header row, then one row per item (mapping) of the JSON document, with
 * RFC 4180 quoting and CRLF line ends. Columns are the item's fields in JSON order; lists and objects are written
 * as compact JSON so nothing is lost. An empty result is an empty file. Cells that a spreadsheet would run as a formula are defused.
 * Text is neutralised as for a terminal ({@link Text#cell}): line ends as LF, control characters escaped visibly.
 */
final class DelimitedRenderer implements Renderer {

    /** Strict quoting: a cell is quoted only when RFC 4180 requires it (separator, quote, CR or LF in it). */
    private static final CsvMapper CSV = CsvMapper.builder()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private final char separator;

    DelimitedRenderer(char separator) {
        this.separator = separator;
    }

    @Override
    public void render(Report report, Writer out) throws IOException {
        JsonNode items = JsonShapes.rows(JsonShapes.document(report));
        Set<String> columns = new LinkedHashSet<>();
        items.forEach(item -> item.fieldNames().forEachRemaining(columns::add));
        if (columns.isEmpty()) {
            return; // no items, so no columns to name: an empty file, which CSV readers see as zero rows
        }
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setColumnSeparator(separator)
                .setLineSeparator("\r\n");
        columns.forEach(schema::addColumn);
        try (SequenceWriter rows = CSV.writer(schema.build()).writeValues(out)) {
            for (JsonNode item : items) {
                Map<String, String> row = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    row.put(field.getKey(), defused(Text.cell(cell(field.getValue()), separator == '\t')));
                }
                rows.write(row);
            }
        }
    }

    private static String cell(JsonNode value) throws IOException {
        if (value.isNull()) {
            return "";
        }
        return value.isContainerNode() ? JsonRenderer.compact(value) : value.asText();
    }

    /**
     * A cell starting with {@code = + - @}, tab or CR is a formula to Excel, LibreOffice and Google Sheets
     * (CSV injection, OWASP); a leading apostrophe makes them show it as text.
     */
    static String defused(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
