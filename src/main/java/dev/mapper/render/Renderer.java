package dev.mapper.render;

import dev.mapper.model.TechniqueReport;
import java.io.IOException;
import java.io.Writer;

/** One output format. Each query result has a method; implementations write to the stream and never close it. */
public interface Renderer {

    void technique(TechniqueReport report, Writer out) throws IOException;
}
