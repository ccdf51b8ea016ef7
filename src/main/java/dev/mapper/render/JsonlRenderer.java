package dev.mapper.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mapper.model.Report;
import java.io.IOException;
import java.io.Writer;

/** {@code --format jsonl}: one compact JSON object per line, one line per item (mapping) of the JSON document. */
final class JsonlRenderer implements Renderer {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    @Override
    public void render(Report report, Writer out) throws IOException {
        for (JsonNode item : JsonShapes.items(JsonShapes.document(report))) {
            MAPPER.writeValue(out, item);
            out.write("\n");
        }
    }
}
