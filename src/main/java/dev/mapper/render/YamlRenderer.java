package dev.mapper.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mapper.model.Report;
import java.io.IOException;
import java.io.Writer;

/** {@code --format yaml}: the JSON document (same fields, same {@code schema_version}) written as YAML. */
final class YamlRenderer implements Renderer {

    /**
     * Strings stay quoted so that values like {@code no} or {@code 1.0} keep their type in every YAML parser;
     * multi-line text (descriptions, comments) is written as literal blocks, readable as it is in ATT&CK.
     */
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build();

    @Override
    public void render(Report report, Writer out) throws IOException {
        MAPPER.writeValue(out, JsonShapes.document(report));
    }
}
