package dev.mapper.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mapper.model.TechniqueReport;
import java.io.IOException;
import java.io.Writer;

/** {@code --format json}: one pretty-printed JSON document per result, shaped as docs/json.md says. */
final class JsonRenderer implements Renderer {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    @Override
    public void technique(TechniqueReport report, Writer out) throws IOException {
        try (JsonGenerator gen = MAPPER.createGenerator(out).useDefaultPrettyPrinter()) {
            JsonShapes.techniqueReport(gen, report);
        }
        out.write("\n");
    }
}
