package dev.mapper.render;

import dev.mapper.model.Report;
import java.io.IOException;
import java.io.Writer;

/** One output format. Writes a result to the stream and never closes it. */
public interface Renderer {

    void render(Report report, Writer out) throws IOException;
}
