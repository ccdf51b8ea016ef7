package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapper.testing.Cli;
import dev.mapper.testing.HtmlReport;
import dev.mapper.testing.MatrixFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report as a file: what its policy allows, that the data it carries is the JSON document, and that text
 * from hostile data is escaped. (How a browser shows it: {@link MatrixBrowserTest}.)
 */
class MatrixHtmlTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static String html;

    @BeforeAll
    static void writeReport() throws Exception {
        MatrixFixture.write(dir, true);
        Path file = dir.resolve("report.html");
        Cli.Run run = Cli.run("--no-bundled", "--data", dir.toString(), "matrix", "--format", "html", "-o",
                file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        html = Files.readString(file);
    }

    @Test
    void thePolicyAllowsTheInlineStyleAndScriptByHashAndNothingElse() {
        String policy = HtmlReport.policy(html);
        List<String> styles = HtmlReport.contents(html, "style");
        List<String> scripts = HtmlReport.contents(html, "script");

        assertThat(styles).hasSize(1);
        assertThat(scripts).hasSize(2); // the data block (not run: text/plain) and the code
        assertThat(policy).startsWith("default-src 'none';")
                .contains("style-src " + HtmlReport.hashSource(styles.get(0)) + ";")
                .contains("script-src " + HtmlReport.hashSource(scripts.get(1)) + ";")
                .contains("base-uri 'none'", "form-action 'none'")
                .doesNotContain("unsafe", "http", "data:", "*");
        // No element of the page has a handler, a style or a source; nothing loads anything.
        assertThat(HtmlReport.attributeNames(html)).contains("data-id", "http-equiv")
                .noneMatch(name -> name.matches("(?i)on.*|style|src|href"));
        assertThat(html).doesNotContain("<link", "<img", "<iframe", "<object", "<embed");
    }

    @Test
    void theDataIsTheJsonDocumentOfTheSameReport() throws Exception {
        Path file = dir.resolve("verbose.html");
        Cli.Run run = Cli.run("--no-bundled", "--verbose", "--data", dir.toString(), "matrix", "--format", "html",
                "-o", file.toString());
        Cli.Run json = Cli.run("--no-bundled", "--data", dir.toString(), "matrix", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(HtmlReport.data(Files.readString(file))).isEqualTo(JSON.readTree(json.out()));
    }

    @Test
    void aPageToShareNamesDataFilesByTheirNameAsTheTableDoes() throws Exception {
        Cli.Run json = Cli.run("--no-bundled", "--data", dir.toString(), "matrix", "--format", "json");
        JsonNode expected = JSON.readTree(json.out());
        List<String> fullPaths = new ArrayList<>();
        for (JsonNode mapping : expected.findValues("mappings").stream().flatMap(m -> m.findParents("source").stream())
                .toList()) {
            fullPaths.add(mapping.get("source").asText());
            ((ObjectNode) mapping).put("source", Path.of(mapping.get("source").asText()).getFileName().toString());
        }

        assertThat(fullPaths).isNotEmpty().allMatch(path -> path.startsWith(dir.toString() + "/"));
        assertThat(HtmlReport.data(html).toString()).doesNotContain(dir.toString());
        assertThat(HtmlReport.data(html)).isEqualTo(expected);
    }

    @Test
    void markupInTheDataIsEscapedWhereverTheDataIsShown() {
        for (String hostile : List.of(MatrixFixture.HOSTILE_NAME, "<i>Impact</i><script>alert('tactic')</script>")) {
            assertThat(html).doesNotContain(hostile);
        }
        assertThat(html).contains("&lt;/script&gt;&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;&lt;img src=x "
                + "onerror=alert(1)&gt;", "&lt;i&gt;Impact&lt;/i&gt;&lt;script&gt;alert(&#39;tactic&#39;)");
        // Outside the two scripts of the page, no script element: the data block holds base64 only.
        assertThat(html.split("<script", -1)).hasSize(3);
        assertThat(HtmlReport.contents(html, "script").get(0)).matches("[A-Za-z0-9+/=\\s]+");
    }
}
