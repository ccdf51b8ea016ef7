package dev.mapper.render;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** The output formats of query commands, each with its renderer. */
public enum Format {
    TABLE(TableRenderer::new),
    JSON(options -> new JsonRenderer()),
    JSONL(options -> new JsonlRenderer()),
    CSV(options -> new DelimitedRenderer(',')),
    TSV(options -> new DelimitedRenderer('\t')),
    MARKDOWN(options -> new MarkdownRenderer(options.detail())),
    YAML(options -> new YamlRenderer()),
    /** One self-contained HTML page; for the matrix only. */
    HTML(options -> new HtmlRenderer()),
    /** GitHub Actions annotations; for the findings of validate only. */
    GITHUB(options -> new GithubRenderer()),
    /** SARIF 2.1.0; for the findings of validate only. */
    SARIF(options -> new SarifRenderer());

    /** The formats every report is written in; the others are for one kind of report. */
    public static final Set<Format> REPORTS = Collections.unmodifiableSet(EnumSet.of(TABLE, JSON, JSONL, CSV, TSV,
            MARKDOWN, YAML));

    private final Function<RenderOptions, Renderer> factory;

    Format(Function<RenderOptions, Renderer> factory) {
        this.factory = factory;
    }

    public Renderer renderer(RenderOptions options) {
        return factory.apply(options);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
