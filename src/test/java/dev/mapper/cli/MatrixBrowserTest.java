package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapper.testing.AttackMatrix;
import dev.mapper.testing.Chromium;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Corpus;
import dev.mapper.testing.MatrixFixture;
import dev.mapper.testing.Processes;
import dev.mapper.testing.SampleMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML matrix report in a real browser, headless Chromium over the DevTools protocol, opened from a file as a
 * user would: the cells and their colours, the details after a click, and that the page reports no error and makes
 * no request. Skipped, with the reason, where there is no Chromium (CI installs it: .ci/run). The screenshots are
 * kept in target/matrix-browser/; docs/matrix-sample.png is made from the sample one.
 */
class MatrixBrowserTest {

    /** The colour of each shade, as docs/matrix.md gives them, as the browser computes them. */
    private static final Map<String, String> COLOURS = Map.of(
            "none", "rgb(244, 244, 244)", "unscored", "rgb(242, 217, 166)", "minimal", "rgb(217, 240, 211)",
            "partial", "rgb(127, 191, 123)", "significant", "rgb(27, 120, 55)", "count-1", "rgb(222, 235, 247)",
            "count-2", "rgb(158, 202, 225)", "count-4", "rgb(66, 146, 198)", "count-8", "rgb(8, 81, 156)");

    private static final Path SCREENSHOTS = Path.of("target", "matrix-browser");

    @TempDir
    static Path dir;

    private static Path browser;

    @BeforeAll
    static void findBrowser() throws Exception {
        browser = Chromium.find().orElse(null);
        assumeTrue(browser != null, "no Chromium found (install Debian's chromium, as .ci/run does, or set "
                + "MAPPER_CHROMIUM); browser tests skipped");
        Files.createDirectories(SCREENSHOTS);
    }

    /** Writes the report of {@code mapper DATA-OPTIONS matrix OPTIONS --format html}. */
    private static Path report(String name, List<String> dataOptions, String... options) throws Exception {
        Path file = dir.resolve(name + ".html");
        List<String> all = new ArrayList<>(dataOptions);
        all.add("matrix");
        all.addAll(List.of(options));
        all.addAll(List.of("--format", "html", "-o", file.toString()));
        Cli.Run run = Cli.run(all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return file;
    }

    private static Chromium open(Path page) throws Exception {
        Chromium chromium = start();
        chromium.viewport(1600, 1000);
        chromium.open(page.toUri());
        chromium.waitFor("document.documentElement.dataset.ready");
        return chromium;
    }

    /** A browser with a new profile in target/ (its lock file links outside, which a JUnit temp dir warns of). */
    private static Chromium start() throws Exception {
        return Chromium.start(browser, Files.createTempDirectory(SCREENSHOTS, "profile-"));
    }

    /** Nothing but the page itself was requested, nothing was reported as an error, no dialog opened. */
    private static void assertQuiet(Chromium chromium, Path page) {
        assertThat(chromium.consoleErrors()).isEmpty();
        assertThat(chromium.requests()).containsOnly(page.toUri().toString());
        assertThat(chromium.dialogs()).isEmpty();
        assertThat(chromium.evaluate("document.documentElement.dataset.ready").asText()).isEqualTo("true");
    }

    @Test
    void theFixtureShowsItsCellsColoursAndDetailsAndMarkupInItsDataStaysText() throws Exception {
        Path data = dir.resolve("fixture");
        MatrixFixture.write(data, true);
        Path page = report("fixture", List.of("--no-bundled", "--data", data.toString()));

        try (Chromium chromium = open(page)) {
            assertQuiet(chromium, page);
            assertThat(chromium.evaluate("document.querySelectorAll('table.matrix th').length").asInt())
                    .isEqualTo(MatrixFixture.TACTICS.size());
            // Every tile is coloured as its shade, and the legend's swatches too.
            JsonNode tiles = chromium.evaluate("Array.from(document.querySelectorAll('button.tile'), t => "
                    + "[t.className.match(/s-([a-z0-9-]+)/)[1], getComputedStyle(t).backgroundColor])");
            assertThat(tiles.size()).isGreaterThan(20);
            tiles.forEach(t -> assertThat(t.get(1).asText()).as(t.toString()).isEqualTo(COLOURS.get(t.get(0).asText())));
            JsonNode swatches = chromium.evaluate("Array.from(document.querySelectorAll('.legend .swatch'), s => "
                    + "[s.className.match(/s-([a-z0-9-]+)/)[1], getComputedStyle(s).backgroundColor])");
            assertThat(swatches.size()).isEqualTo(5);
            swatches.forEach(s -> assertThat(s.get(1).asText()).isEqualTo(COLOURS.get(s.get(0).asText())));

            // Folded: sub-techniques hidden until asked for.
            assertThat(chromium.evaluate("document.querySelector('[data-id=\"T9004.001\"]').offsetParent === null")
                    .asBoolean()).isTrue();
            chromium.click("#toggle-subtechniques");
            assertThat(chromium.evaluate("document.querySelector('[data-id=\"T9004.001\"]').offsetParent !== null")
                    .asBoolean()).isTrue();

            // A click keeps the details of the technique and of its folded sub-techniques.
            chromium.click("td:nth-child(3) button.tile[data-id=\"T9004\"]");
            chromium.waitFor("!document.getElementById('detail').hidden");
            assertThat(chromium.evaluate("document.querySelector('#detail h2').textContent").asText())
                    .isEqualTo("T9004 Lure by Mail");
            assertThat(chromium.evaluate("document.querySelectorAll('#detail li.mapping').length").asInt()).isEqualTo(2);
            assertThat(chromium.evaluate("document.querySelector('#detail').textContent").asText())
                    .contains("T9004.001 Lure Attachment", "cx_mail_filter", "Strips attachments that run code.",
                            "significant", "https://example.com/cloudx/mail");
            assertThat(chromium.evaluate("Array.from(document.querySelectorAll('#detail a'), a => a.href)"))
                    .extracting(JsonNode::asText).contains("https://example.com/cloudx/mail");

            // The hostile technique: its name, capability, comment and references show as text, and run nothing.
            chromium.click("button.tile[data-id=\"" + MatrixFixture.HOSTILE_TECHNIQUE + "\"]");
            chromium.waitFor("document.querySelector('#detail h2').textContent.startsWith('"
                    + MatrixFixture.HOSTILE_TECHNIQUE + "')");
            String detail = chromium.evaluate("document.getElementById('detail').textContent").asText();
            assertThat(detail).contains(MatrixFixture.HOSTILE_NAME, MatrixFixture.HOSTILE_CAPABILITY,
                    MatrixFixture.HOSTILE_DESCRIPTION, MatrixFixture.HOSTILE_COMMENT);
            assertThat(detail).contains(MatrixFixture.HOSTILE_REFERENCES);
            assertThat(chromium.evaluate("Array.from(document.querySelectorAll('#detail a'), a => a.href)"))
                    .extracting(JsonNode::asText)
                    .containsExactly("https://attack.example/techniques/" + MatrixFixture.HOSTILE_TECHNIQUE,
                            "https://example.com/ok?a=1&b=%3C2%3E");
            assertThat(chromium.evaluate("document.querySelectorAll('img, iframe, object, embed, b, i').length"
                    + " + document.scripts.length").asInt()).isEqualTo(2);
            assertQuiet(chromium, page);
            screenshot(chromium, "fixture.png");

            // Printed: no panel or buttons, the matrix full width, the shade symbols beside the IDs.
            chromium.send("Emulation.setEmulatedMedia", Chromium.params().put("media", "print"));
            assertThat(chromium.evaluate("[getComputedStyle(document.getElementById('detail')).display, "
                    + "getComputedStyle(document.querySelector('.controls')).display, "
                    + "getComputedStyle(document.querySelector('.tile .symbol')).display, "
                    + "getComputedStyle(document.body).paddingLeft + ' ' + getComputedStyle(document.body).paddingRight]"))
                    .extracting(JsonNode::asText).containsExactly("none", "none", "inline", "0px 0px");
        }
    }

    @Test
    void aScriptOrRequestThePolicyDoesNotAllowIsRefusedAndReported() throws Exception {
        Path data = dir.resolve("fixture-plain");
        MatrixFixture.write(data);
        Path page = report("tampered", List.of("--no-bundled", "--data", data.toString()));
        String html = Files.readString(page);
        // The page's own script with one character changed no longer has the hash the policy allows; and an image
        // from elsewhere is not fetched.
        Files.writeString(page, html.replace("'use strict';", "'use strict' ;")
                .replace("</body>", "<img src=\"http://example.invalid/x.png\" alt=\"\"></body>"));

        try (Chromium chromium = start()) {
            chromium.open(page.toUri());
            Thread.sleep(500);
            assertThat(chromium.consoleErrors()).anyMatch(e -> e.contains("Content Security Policy")
                    && e.contains("script")).anyMatch(e -> e.contains("example.invalid"));
            assertThat(chromium.blocked()).containsEntry("http://example.invalid/x.png", "csp");
            assertThat(chromium.events("Network.responseReceived")).hasSize(1); // the page's own
            assertThat(chromium.evaluate("document.documentElement.dataset.ready === undefined").asBoolean()).isTrue();
        }
    }

    @Test
    void theAwsMatrixOfTheCorpusMatchesAnIndependentReadingOfTheFiles() throws Exception {
        Path corpus = Corpus.root();
        Path page = report("corpus-aws", List.of("--data", corpus.toString()), "--framework", "aws");
        AttackMatrix attack = new AttackMatrix(Corpus.tree(Corpus.attack()));
        JsonNode aws = Corpus.newestPerFramework().stream()
                .filter(f -> f.path("metadata").path("mapping_framework").asText().equals("aws")).findFirst()
                .orElseThrow();
        Map<String, AttackMatrix.Folded> folded = attack.fold(aws);

        try (Chromium chromium = open(page)) {
            assertQuiet(chromium, page);
            assertCellsAsTheFilesSay(chromium, attack, folded);
            showDetails(chromium, "T1078", "Initial Access", "T1078 Valid Accounts", folded);
            assertQuiet(chromium, page);
            screenshot(chromium, "corpus-aws.png");
        }
    }

    /**
     * The picture in the docs (docs/matrix-sample.png, which src/test/scripts/matrix-sample.sh makes from this
     * screenshot): made-up data, the matrix as its files say, the details of T1078 open.
     */
    @Test
    void theSampleMatrixOfTheDocsMatchesItsFilesAndShowsTheDetailsOfValidAccounts() throws Exception {
        Path data = dir.resolve("sample");
        SampleMatrix.write(data);
        Path page = dir.resolve("sample.html");
        // In a JVM of its own, given the date the picture shows, so that every run makes the same picture.
        Cli.Run run = Processes.mapper(Map.of("SOURCE_DATE_EPOCH",
                        String.valueOf(SampleMatrix.DATE.atStartOfDay(ZoneOffset.UTC).toEpochSecond())), List.of(),
                "--no-bundled", "--data", data.toString(), "matrix", "--framework", SampleMatrix.FRAMEWORK,
                "--format", "html", "-o", page.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        AttackMatrix attack = new AttackMatrix(SampleMatrix.bundle());
        Map<String, AttackMatrix.Folded> folded = attack.fold(SampleMatrix.mappingFile());

        try (Chromium chromium = open(page)) {
            assertQuiet(chromium, page);
            assertThat(chromium.evaluate("document.querySelector('header time').textContent").asText())
                    .isEqualTo(SampleMatrix.DATE.toString());
            assertCellsAsTheFilesSay(chromium, attack, folded);
            assertThat(folded.values()).extracting(AttackMatrix.Folded::strongest).as("every shade shown")
                    .contains("minimal", "partial", "significant");
            showDetails(chromium, SampleMatrix.SHOWN, "Initial Access", SampleMatrix.SHOWN + " Valid Accounts", folded);
            assertThat(chromium.evaluate("document.getElementById('detail').textContent").asText())
                    .contains(SampleMatrix.comments(SampleMatrix.SHOWN));
            assertQuiet(chromium, page);
            screenshot(chromium, "sample.png");
        }
    }

    /**
     * The tactics' columns in the order of the bundle's matrix, and in each the tactic's active techniques,
     * coloured by the strongest mapping to them or to their sub-techniques, as a plain reading of the files says.
     */
    private static void assertCellsAsTheFilesSay(Chromium chromium, AttackMatrix attack,
                                                 Map<String, AttackMatrix.Folded> folded) {
        JsonNode headers = chromium.evaluate("Array.from(document.querySelectorAll('table.matrix th .tactic'), "
                + "h => h.textContent)");
        assertThat(headers).extracting(JsonNode::asText).containsExactlyElementsOf(attack.tacticNames);
        JsonNode columns = chromium.evaluate("Array.from(document.querySelectorAll('table.matrix td'), td => "
                + "Array.from(td.querySelectorAll('button.tile:not(.sub)'), t => "
                + "[t.dataset.id, getComputedStyle(t).backgroundColor]))");
        assertThat(columns.size()).isEqualTo(attack.tacticNames.size());
        for (int i = 0; i < columns.size(); i++) {
            String tactic = attack.tacticShortnames.get(i);
            Map<String, String> shown = new TreeMap<>();
            columns.get(i).forEach(t -> shown.put(t.get(0).asText(), t.get(1).asText()));
            assertThat(shown.keySet()).as(tactic).isEqualTo(attack.parentsByTactic.get(tactic));
            shown.forEach((id, colour) -> assertThat(colour).as(tactic + " " + id)
                    .isEqualTo(COLOURS.get(folded.containsKey(id) ? folded.get(id).strongest() : "none")));
        }
    }

    /** Clicks the technique in the tactic's column: the panel shows it, with its and its sub-techniques' mappings. */
    private static void showDetails(Chromium chromium, String id, String tactic, String heading,
                                    Map<String, AttackMatrix.Folded> folded) throws InterruptedException {
        chromium.click("button.tile[data-id=\"" + id + "\"][data-tactic=\"" + tactic + "\"]");
        chromium.waitFor("!document.getElementById('detail').hidden");
        assertThat(chromium.evaluate("document.querySelector('#detail h2').textContent").asText()).isEqualTo(heading);
        assertThat(chromium.evaluate("document.querySelectorAll('#detail li.mapping').length").asInt())
                .isEqualTo(folded.get(id).mappings());
    }

    /**
     * Saves what the window shows, from the top of the page, in target/matrix-browser/. The mouse is moved to the
     * corner first: where a click left it, after the scroll, it would be over another tile, drawn as hovered.
     */
    private static void screenshot(Chromium chromium, String name) throws IOException {
        chromium.evaluate("window.scrollTo(0, 0)");
        chromium.send("Input.dispatchMouseEvent", Chromium.params().put("type", "mouseMoved").put("x", 0).put("y", 0));
        Files.write(SCREENSHOTS.resolve(name), chromium.screenshot());
    }

    @Test
    void theWholeCorpusReportIsWithin3MegabytesAndOpensQuietly() throws Exception {
        Path page = report("corpus-all", List.of("--data", Corpus.root().toString()));

        assertThat(Files.size(page)).isLessThanOrEqualTo(3L * 1024 * 1024);
        try (Chromium chromium = open(page)) {
            assertQuiet(chromium, page);
            chromium.click("td:nth-child(1) button.tile");
            chromium.waitFor("document.querySelectorAll('#detail li.mapping').length > 0");
            assertQuiet(chromium, page);
        }
    }
}
