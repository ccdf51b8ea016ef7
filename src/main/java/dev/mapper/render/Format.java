package dev.mapper.render;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The output formats of query commands, each with its renderer. */
public enum Format {
    TABLE,
    JSON,
    JSONL,
    CSV,
    TSV,
    MARKDOWN,
    YAML,
    /** One self-contained HTML page; for the matrix only. */
    HTML,
    /** GitHub Actions annotations; for the findings of validate only. */
    GITHUB,
    /** SARIF 2.1.0; for the findings of validate only. */
    SARIF;

    /** The formats every report is written in; the others are for one kind of report. */
    public static final Set<Format> REPORTS = Collections.unmodifiableSet(EnumSet.of(TABLE, JSON, JSONL, CSV, TSV,
            MARKDOWN, YAML));

    /**
     * The format's renderer. A switch rather than a factory lambda per constant: each of those is linked when the
     * class is initialised, ~0.1 ms apiece in a cold JVM, on every run (docs/performance.md).
     */
    public Renderer renderer(RenderOptions options) {
        return switch (this) {
            case TABLE -> new TableRenderer(options);
            case JSON -> new JsonRenderer();
            case JSONL -> new JsonlRenderer();
            case CSV -> new DelimitedRenderer(',');
            case TSV -> new DelimitedRenderer('\t');
            case MARKDOWN -> new MarkdownRenderer(options.detail());
            case YAML -> new YamlRenderer();
            case HTML -> new HtmlRenderer(options);
            case GITHUB -> new GithubRenderer();
            case SARIF -> new SarifRenderer();
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
