package dev.mapper.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mapper.model.Report;
import java.io.IOException;
import java.io.Writer;

/** {@code --format json}: one pretty-printed JSON document per result, shaped as docs/json.md says. */
final class JsonRenderer implements Renderer {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    @Override
    public void render(Report report, Writer out) throws IOException {
        writeDocument(JsonShapes.document(report), out);
    }

    /** A JSON document as every JSON output of mapper is written: pretty-printed, ending with a newline. */
    static void writeDocument(JsonNode document, Writer out) throws IOException {
        MAPPER.writeValue(out, document);
        out.write("\n");
    }
}
