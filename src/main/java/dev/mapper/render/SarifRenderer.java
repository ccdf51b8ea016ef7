package dev.mapper.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapper.model.Finding;
import dev.mapper.model.Report;
import dev.mapper.model.ValidationReport;
import java.io.IOException;
import java.io.Writer;
import java.util.TreeSet;

/**
 * {@code --format sarif}: SARIF 2.1.0, the format code-scanning services (GitHub's {@code upload-sarif}) ingest.
 * One run, one rule per finding rule, one result per finding.
 */
final class SarifRenderer implements Renderer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public void render(Report report, Writer out) throws IOException {
        if (!(report instanceof ValidationReport validation)) {
            throw new UnsupportedFormatException("sarif", "the findings of 'validate'");
        }
        JsonRenderer.writeDocument(validation(validation), out);
    }

    private static ObjectNode validation(ValidationReport report) {
        ObjectNode sarif = NODES.objectNode();
        sarif.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        sarif.put("version", "2.1.0");
        ObjectNode run = sarif.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "mapper");
        driver.put("informationUri", "https://github.com/center-for-threat-informed-defense/mappings-explorer");
        ArrayNode rules = driver.putArray("rules");
        new TreeSet<>(report.findings().stream().map(Finding::rule).toList())
                .forEach(rule -> rules.addObject().put("id", rule));
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            ObjectNode result = results.addObject();
            result.put("ruleId", f.rule());
            result.put("level", f.severity().label());
            result.putObject("message").put("text", f.message());
            ObjectNode location = result.putArray("locations").addObject().putObject("physicalLocation");
            location.putObject("artifactLocation").put("uri", f.file().replace('\\', '/'));
            if (f.line() > 0) {
                location.putObject("region").put("startLine", f.line()).put("startColumn", Math.max(f.column(), 1));
            }
        }
        return sarif;
    }
}
