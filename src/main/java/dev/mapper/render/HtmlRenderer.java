package dev.mapper.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapper.model.AttackDomain;
import dev.mapper.model.CoverageReport;
import dev.mapper.model.Mapping;
import dev.mapper.model.MatrixReport;
import dev.mapper.model.MatrixReport.Cell;
import dev.mapper.model.MatrixReport.Column;
import dev.mapper.model.MatrixReport.Shade;
import dev.mapper.model.Report;
import dev.mapper.model.Scoring;
import dev.mapper.model.Technique;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/**
 * {@code --format html}, for the matrix: one self-contained page to open from a file, attach to a ticket or print.
 * The matrix, legend, header and per-tactic summary are HTML written here, every text from the data escaped; the
 * details a cell shows when hovered or clicked come from the report's JSON document (exactly what {@code --format
 * json} writes, gzip-compressed and base64-encoded: the whole corpus's details are 10 MB as JSON, 1.3 MB so) and are
 * put on the page by the inline script as text. A Content-Security-Policy allows that script and style, by hash,
 * and nothing else: no request of any kind, no other script, no inline handlers. The page is meant to be shared,
 * so its mappings name their data file as the table does: by file name, by whole path only with {@code --verbose}.
 */
final class HtmlRenderer implements Renderer {

    private static final String CSS = resource("matrix.css") + shadeRules();
    private static final String JS = resource("matrix.js");

    private final RenderOptions options;

    HtmlRenderer(RenderOptions options) {
        this.options = options;
    }

    @Override
    public void render(Report report, Writer out) throws IOException {
        if (!(report instanceof MatrixReport matrix)) {
            throw new UnsupportedFormatException("html", "the report of 'matrix'");
        }
        out.write(page(matrix));
    }

    private String page(MatrixReport report) throws IOException {
        String title = "ATT&CK " + report.release().displayName() + " matrix";
        String selection = selection(report);
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(policy()).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"mapper\">\n")
                .append("<title>").append(escape(title + ": " + selection)).append("</title>\n")
                .append("<style>").append(CSS).append("</style>\n</head>\n")
                .append("<body class=\"").append(report.subtechniquesExpanded() ? "expanded" : "folded").append("\">\n");
        header(b, report, title, selection);
        b.append("<main>\n<div class=\"matrix-wrap\">\n");
        matrix(b, report);
        b.append("</div>\n<aside id=\"detail\" aria-live=\"polite\" hidden></aside>\n</main>\n");
        summary(b, report);
        unplaced(b, report);
        b.append("<footer><p>Made by mapper on ").append(escape(report.caption().generated().toString()))
                .append(" from ATT&amp;CK® ").append(escape(report.release().displayName()))
                .append(", © The MITRE Corporation, and Mappings Explorer data (Center for Threat-Informed Defense). ")
                .append("This page loads nothing from anywhere: it works offline and from a file.</p></footer>\n");
        b.append("<script type=\"text/plain\" id=\"report-data\" data-encoding=\"gzip base64\">\n")
                .append(data(report)).append("</script>\n")
                .append("<script>").append(JS).append("</script>\n</body>\n</html>\n");
        return b.toString();
    }

    /** Nothing but this page's own style and script, recognised by their SHA-256. */
    static String policy() {
        return "default-src 'none'; style-src 'sha256-" + sha256(CSS) + "'; script-src 'sha256-" + sha256(JS)
                + "'; base-uri 'none'; form-action 'none'";
    }

    private static void header(StringBuilder b, MatrixReport report, String title, String selection) {
        b.append("<header>\n<h1>").append(escape(title)).append("</h1>\n<dl class=\"facts\">\n");
        fact(b, "Selection", selection);
        if (report.scope() != null) {
            fact(b, "Scope", report.scope());
        }
        fact(b, "Mapping sets", report.sets().isEmpty() ? "none" : report.sets().stream()
                .map(set -> set.key().toString()).collect(Collectors.joining(", ")));
        fact(b, "ATT&CK data", report.release().displayName());
        fact(b, "Shading", (report.scoring() == Scoring.COUNT ? "how many capabilities map to each technique"
                : "the strongest mapping of each technique") + (report.subtechniquesExpanded()
                ? " (sub-techniques each by their own)" : ", its sub-techniques' included"));
        fact(b, "Covered", report.covered() + " of " + report.total() + (report.subtechniquesExpanded()
                ? " techniques and sub-techniques" : " techniques") + String.format(Locale.ROOT, " (%.1f%%)",
                report.percent()));
        b.append("<dt>Generated</dt><dd><time datetime=\"").append(escape(report.caption().generated().toString()))
                .append("\">").append(escape(report.caption().generated().toString())).append("</time></dd>\n");
        b.append("</dl>\n");
        notes(b, report);
        b.append("<ul class=\"legend\">\n");
        for (Shade shade : report.legend()) {
            b.append("<li><span class=\"swatch s-").append(shade.key()).append("\"></span>")
                    .append(escape(MatrixTable.symbol(shade) + " " + shade.label())).append("</li>\n");
        }
        b.append("</ul>\n");
        if (report.columns().stream().anyMatch(c -> c.cells().stream().anyMatch(cell -> !cell.subtechniques().isEmpty()))) {
            boolean expanded = report.subtechniquesExpanded();
            b.append("<p class=\"controls\"><button type=\"button\" id=\"toggle-subtechniques\" aria-pressed=\"")
                    .append(expanded).append("\">").append(expanded ? "Hide" : "Show").append(" sub-techniques</button>")
                    .append("+N: the technique has N sub-techniques").append(expanded ? "" : ", folded into it")
                    .append(". Hover over a technique to see the mappings that cover it; click to keep them shown.</p>\n");
        }
        b.append("</header>\n");
    }

    private static void notes(StringBuilder b, MatrixReport report) {
        StringBuilder notes = new StringBuilder();
        if (report.sampleOnly()) {
            notes.append("<p>The ATT&amp;CK data is mapper's bundled sample (T1528 only): load an ATT&amp;CK bundle ")
                    .append("with --data for the whole matrix.</p>\n");
        }
        if (!report.otherDomains().isEmpty()) {
            notes.append("<p>The selection also maps ").append(escape(report.otherDomains().stream()
                    .map(AttackDomain::displayName).collect(Collectors.joining(", "))))
                    .append(" techniques, not shown: choose with --domain.</p>\n");
        }
        if (notes.length() > 0) {
            b.append("<div class=\"notes\">\n").append(notes).append("</div>\n");
        }
    }

    private static void matrix(StringBuilder b, MatrixReport report) {
        b.append("<table class=\"matrix\">\n<thead><tr>");
        for (Column column : report.columns()) {
            b.append("<th scope=\"col\"><span class=\"tactic\">").append(escape(column.tactic().name()))
                    .append("</span><span class=\"count\">").append(column.coverage().covered()).append('/')
                    .append(column.coverage().total()).append("</span></th>");
        }
        b.append("</tr></thead>\n<tbody><tr>\n");
        for (Column column : report.columns()) {
            b.append("<td><ul class=\"cells\">\n");
            for (Cell cell : column.cells()) {
                b.append("<li class=\"cell\">");
                tile(b, report, column, cell, false);
                if (!cell.subtechniques().isEmpty()) {
                    b.append("<ul class=\"subs\">");
                    for (Cell sub : cell.subtechniques()) {
                        b.append("<li class=\"cell\">");
                        tile(b, report, column, sub, true);
                        b.append("</li>");
                    }
                    b.append("</ul>");
                }
                b.append("</li>\n");
            }
            b.append("</ul></td>\n");
        }
        b.append("</tr></tbody>\n</table>\n");
    }

    private static void tile(StringBuilder b, MatrixReport report, Column column, Cell cell, boolean sub) {
        Technique t = cell.technique();
        Shade shade = report.shade(cell);
        String summary = summary(report, cell, sub);
        b.append("<button type=\"button\" class=\"tile s-").append(shade.key()).append(sub ? " sub" : "")
                .append("\" data-id=\"").append(escape(t.id())).append("\" data-name=\"").append(escape(t.name()))
                .append("\" data-tactic=\"").append(escape(column.tactic().name())).append("\" data-summary=\"")
                .append(escape(summary)).append("\" title=\"").append(escape(t.id() + " " + t.name() + ": " + summary))
                .append("\">");
        if (!sub && !cell.subtechniques().isEmpty()) {
            b.append("<span class=\"marker\">+").append(cell.subtechniques().size()).append("</span>");
        }
        b.append("<span class=\"symbol\">").append(MatrixTable.symbol(shade)).append(" </span><span class=\"id\">")
                .append(escape(t.id())).append("</span> ")
                .append("<span class=\"name\">").append(escape(t.name())).append("</span></button>");
    }

    /** "partial · 3 capabilities · 5 mappings", and for a folded parent how many of its sub-techniques are mapped. */
    private static String summary(MatrixReport report, Cell cell, boolean sub) {
        String text = report.shade(cell).label();
        if (cell.covered()) {
            text += (report.scoring() == Scoring.COUNT ? ""
                    : " · " + TableRenderer.count(cell.capabilityCount(), "capability"))
                    + " · " + TableRenderer.count(cell.mappingCount(), "mapping");
        }
        if (!sub && !report.subtechniquesExpanded() && !cell.subtechniques().isEmpty()) {
            long mapped = cell.subtechniques().stream().filter(Cell::covered).count();
            text += " (with its sub-techniques, " + mapped + " of " + cell.subtechniques().size() + " mapped)";
        }
        return text;
    }

    private static void summary(StringBuilder b, MatrixReport report) {
        b.append("<section>\n<h2>Coverage by tactic</h2>\n<table class=\"summary\">\n<thead><tr><th scope=\"col\">")
                .append("Tactic</th><th scope=\"col\">Covered</th><th scope=\"col\">Total</th><th scope=\"col\">%</th>")
                .append("<th scope=\"col\"></th></tr></thead>\n<tbody>\n");
        for (Column column : report.columns()) {
            CoverageReport.TacticCoverage row = column.coverage();
            summaryRow(b, "td", column.tactic().name(), row.covered(), row.total(), row.percent());
        }
        b.append("</tbody>\n<tfoot>");
        summaryRow(b, "th", "All tactics (a technique counts once)", report.covered(), report.total(), report.percent());
        b.append("</tfoot>\n</table>\n</section>\n");
    }

    private static void summaryRow(StringBuilder b, String cell, String name, int covered, int total, double percent) {
        b.append("<tr><").append(cell).append(" scope=\"row\">").append(escape(name)).append("</").append(cell)
                .append("><td class=\"number\">").append(covered).append("</td><td class=\"number\">").append(total)
                .append("</td><td class=\"number\">").append(String.format(Locale.ROOT, "%.1f", percent))
                .append("</td><td><meter min=\"0\" max=\"").append(Math.max(total, 1)).append("\" value=\"")
                .append(covered).append("\"></meter></td></tr>\n");
    }

    private static void unplaced(StringBuilder b, MatrixReport report) {
        if (report.unplaced().isEmpty()) {
            return;
        }
        b.append("<section>\n<h2>Mappings to techniques not in this matrix</h2>\n<ul>\n");
        for (MatrixReport.Unplaced u : report.unplaced()) {
            Technique t = u.technique();
            b.append("<li>").append(escape(t.id() + (t.name() == null ? "" : " " + t.name()) + ": "
                    + MatrixTable.why(t) + ", " + TableRenderer.count(u.mappingCount(), "mapping"))).append("</li>\n");
        }
        b.append("</ul>\n</section>\n");
    }

    private static void fact(StringBuilder b, String label, String value) {
        b.append("<dt>").append(escape(label)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    /** What was selected, as the options were given: "framework aws; tactic impact", or "all mappings". */
    static String selection(MatrixReport report) {
        return SelectionText.of(report.caption().selection());
    }

    /**
     * The JSON document of the report, each mapping's {@code source} as {@link RenderOptions#source} names it;
     * compact, gzip-compressed, base64 in lines of 120 characters.
     */
    private String data(MatrixReport report) throws IOException {
        ObjectNode document = JsonShapes.document(report);
        Map<String, String> sourceNames = new HashMap<>();
        for (List<Mapping> mappings : report.mappings().values()) {
            for (Mapping m : mappings) {
                sourceNames.put(m.set().source().label(), options.source(m.set().source()));
            }
        }
        for (JsonNode technique : document.path("techniques")) {
            for (JsonNode mapping : technique.path("mappings")) {
                ((ObjectNode) mapping).put("source", sourceNames.get(mapping.path("source").asText()));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (Writer json = new OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8)) {
            JsonRenderer.writeCompact(document, json);
        }
        return Base64.getMimeEncoder(120, new byte[] {'\n'}).encodeToString(bytes.toByteArray()) + "\n";
    }

    /** Text safe in HTML content and in quoted attributes; control characters neutralised as in every format. */
    static String escape(String s) {
        String safe = Text.safe(s);
        StringBuilder out = new StringBuilder(safe.length() + 16);
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A rule per shade, from the palette the terminal uses too. */
    private static String shadeRules() {
        StringBuilder rules = new StringBuilder();
        for (Shade shade : Shade.values()) {
            rules.append(".s-").append(shade.key()).append(" { background: ")
                    .append(MatrixPalette.css(MatrixPalette.background(shade))).append("; color: ")
                    .append(MatrixPalette.css(shade == Shade.NONE ? 0x5f5f5f : MatrixPalette.text(shade)))
                    .append("; }\n");
        }
        return rules.toString();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
