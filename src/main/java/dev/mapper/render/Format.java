package dev.mapper.render;

import java.util.function.Function;

/** The output formats, each with its renderer. */
public enum Format {
    TABLE(TableRenderer::new),
    JSON(options -> new JsonRenderer());

    private final Function<RenderOptions, Renderer> factory;

    Format(Function<RenderOptions, Renderer> factory) {
        this.factory = factory;
    }

    public Renderer renderer(RenderOptions options) {
        return factory.apply(options);
    }
}
