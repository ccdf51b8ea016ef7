package dev.mapper.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapper.model.Report;
import java.io.IOException;
import java.io.Writer;

/** {@code --format jsonl}: one compact JSON object per line, one line per item (mapping) of the JSON document. */
final class JsonlRenderer implements Renderer {

    @Override
    public void render(Report report, Writer out) throws IOException {
        for (JsonNode item : JsonShapes.items(JsonShapes.document(report))) {
            JsonRenderer.writeCompact(item, out);
            out.write("\n");
        }
    }
}
