package dev.mapper.render;

import static dev.mapper.testing.Records.set;
import static dev.mapper.testing.Records.tactic;
import static dev.mapper.testing.Records.technique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mapper.model.AttackObjects;
import dev.mapper.model.AttackRelease;
import dev.mapper.model.CoverageReport.TacticCoverage;
import dev.mapper.model.DataSource;
import dev.mapper.model.Deferred;
import dev.mapper.model.MappingSet;
import dev.mapper.model.MatrixReport;
import dev.mapper.model.MatrixReport.Caption;
import dev.mapper.model.MatrixReport.Cell;
import dev.mapper.model.MatrixReport.Column;
import dev.mapper.model.MatrixReport.Unplaced;
import dev.mapper.model.Score;
import dev.mapper.model.Scoring;
import dev.mapper.model.Tactic;
import dev.mapper.model.Technique;
import dev.mapper.testing.HtmlReport;
import dev.mapper.testing.Records;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code matrix --format html} of matrices made by hand: the header's facts, the legend, the tiles and what they say
 * when pointed at, the summary per tactic and the mappings that place no tile. (The page's policy, data and escaping
 * on real files: cli/MatrixHtmlTest; in a browser: cli/MatrixBrowserTest.)
 */
class HtmlRendererTest {

    private static final Tactic CREDENTIAL_ACCESS = tactic("TA0006", "credential-access", "Credential Access", 7);
    private static final Tactic PERSISTENCE = tactic("TA0003", "persistence", "Persistence", 4);
    private static final MappingSet AWS = set("aws", "12.12.2024");

    private static final Technique VALID_ACCOUNTS = technique("T1078", "Valid Accounts")
            .tactics("persistence", "credential-access").build();
    private static final Technique CLOUD_ACCOUNTS = technique("T1078.004", "Cloud Accounts").build();
    private static final Technique DEFAULT_ACCOUNTS = technique("T1078.001", "Default Accounts").build();
    private static final Technique STEAL_TOKEN = technique("T1528", "Steal Application Access Token").build();
    private static final Technique MANIPULATION = technique("T1098", "Account Manipulation").build();
    private static final Technique OLD = technique("T1000", "Old Technique").revokedBy("T1528").build();

    private static String html(MatrixReport report) throws IOException {
        StringWriter out = new StringWriter();
        new HtmlRenderer(RenderOptions.plain(80)).render(report, out);
        return out.toString();
    }

    private static AttackRelease release(DataSource source) {
        return new AttackRelease("enterprise", "16.1", source, List.of(VALID_ACCOUNTS, CLOUD_ACCOUNTS,
                DEFAULT_ACCOUNTS, STEAL_TOKEN, MANIPULATION), List.of(CREDENTIAL_ACCESS, PERSISTENCE),
                Deferred.now(AttackObjects.NONE));
    }

    private static Cell cell(Technique t, Score strongest, int capabilities, int mappings, Cell... subs) {
        return new Cell(t, strongest, capabilities, mappings, List.of(subs), true);
    }

    /**
     * Strength shading, sub-techniques folded: Valid Accounts (significant, with one of its two sub-techniques
     * mapped) in both tactics, Steal Application Access Token partial, Account Manipulation not mapped; two
     * mappings to a revoked technique; the selection also has mobile mappings.
     */
    private static MatrixReport folded() {
        Cell validAccounts = cell(VALID_ACCOUNTS, Score.SIGNIFICANT, 3, 5,
                cell(CLOUD_ACCOUNTS, Score.MINIMAL, 1, 1), cell(DEFAULT_ACCOUNTS, null, 0, 0));
        Map<String, List<String>> selection = new LinkedHashMap<>();
        selection.put("framework", List.of("aws"));
        selection.put("tactic", List.of("credential-access", "persistence"));
        selection.put("min_score", List.of("partial"));
        return new MatrixReport(release(DataSource.file("enterprise-attack-16.1.json")), List.of("mobile"),
                List.of(AWS), new Caption(selection, LocalDate.of(2026, 1, 15)), null, Scoring.STRENGTH, false,
                List.of(new Column(new TacticCoverage(CREDENTIAL_ACCESS, 2, 2), List.of(
                                cell(STEAL_TOKEN, Score.PARTIAL, 1, 1), validAccounts)),
                        new Column(new TacticCoverage(PERSISTENCE, 1, 2), List.of(
                                cell(MANIPULATION, null, 0, 0), validAccounts))),
                2, 3, Map.of(), List.of(new Unplaced(OLD, 2)));
    }

    /**
     * Count shading, sub-techniques listed, limited to an adversary's techniques: Valid Accounts heads its
     * sub-technique Cloud Accounts (2 capabilities) without being in scope; on the bundled sample; all mappings.
     */
    private static MatrixReport expandedInScope() {
        Cell cloud = cell(CLOUD_ACCOUNTS, null, 2, 4);
        Cell validAccounts = new Cell(VALID_ACCOUNTS, null, 0, 0, List.of(cloud), false);
        return new MatrixReport(release(DataSource.bundled("data/enterprise-attack.json")), List.of(), List.of(),
                new Caption(Map.of(), LocalDate.of(2026, 1, 15)), "G0016 APT29", Scoring.COUNT, true,
                List.of(new Column(new TacticCoverage(PERSISTENCE, 1, 1), List.of(validAccounts))),
                1, 1, Map.of(), List.of());
    }

    @Test
    void theHeaderSaysWhatWasSelectedFromWhichDataAndHowTheTilesAreShaded() throws IOException {
        String html = html(folded());

        assertThat(html).contains("<title>ATT&amp;CK Enterprise 16.1 matrix: framework aws; tactic "
                        + "credential-access, persistence; min score partial</title>",
                "<body class=\"folded\">",
                "<h1>ATT&amp;CK Enterprise 16.1 matrix</h1>",
                "<dt>Selection</dt><dd>framework aws; tactic credential-access, persistence; min score partial</dd>",
                "<dt>Mapping sets</dt><dd>" + HtmlRenderer.escape(AWS.key().toString()) + "</dd>",
                "<dt>ATT&amp;CK data</dt><dd>Enterprise 16.1</dd>",
                "<dt>Shading</dt><dd>the strongest mapping of each technique, its sub-techniques&#39; included</dd>",
                "<dt>Covered</dt><dd>2 of 3 techniques (66.7%)</dd>",
                "<dt>Generated</dt><dd><time datetime=\"2026-01-15\">2026-01-15</time></dd>")
                .doesNotContain("<dt>Scope</dt>", "bundled sample");
        assertThat(html).contains("<div class=\"notes\">\n<p>The selection also maps Mobile techniques, not shown: "
                + "choose with --domain.</p>\n</div>");
    }

    @Test
    void theLegendListsTheShadesOfTheScoringStrongestFirst() throws IOException {
        assertThat(legend(html(folded()))).containsExactly("█ significant", "▓ partial", "▒ minimal",
                "• mapped, no score", "· not mapped");
        assertThat(legend(html(expandedInScope()))).containsExactly("█ 8 or more capabilities",
                "▓ 4-7 capabilities", "▒ 2-3 capabilities", "░ 1 capability", "· not mapped", "  not in scope");
    }

    private static List<String> legend(String html) {
        String list = html.substring(html.indexOf("<ul class=\"legend\">"), html.indexOf("</ul>",
                html.indexOf("<ul class=\"legend\">")));
        return list.lines().filter(line -> line.startsWith("<li>"))
                .map(line -> line.replaceAll("<[^>]+>", "")).toList();
    }

    @Test
    void aFoldedParentSaysHowManyOfItsSubTechniquesAreMapped() throws IOException {
        String html = html(folded());

        assertThat(html).contains("<p class=\"controls\"><button type=\"button\" id=\"toggle-subtechniques\" "
                + "aria-pressed=\"false\">Show sub-techniques</button>+N: the technique has N sub-techniques, folded "
                + "into it. Hover over");
        assertThat(html).contains("<button type=\"button\" class=\"tile s-significant\" data-id=\"T1078\" "
                + "data-name=\"Valid Accounts\" data-tactic=\"Credential Access\" data-summary=\"significant · "
                + "3 capabilities · 5 mappings (with its sub-techniques, 1 of 2 mapped)\" title=\"T1078 Valid "
                + "Accounts: significant · 3 capabilities · 5 mappings (with its sub-techniques, 1 of 2 mapped)\">"
                + "<span class=\"marker\">+2</span><span class=\"symbol\">█ </span><span class=\"id\">T1078</span> "
                + "<span class=\"name\">Valid Accounts</span></button>");
        // The same technique in its other tactic; the sub-techniques' own tiles have no marker and no count.
        assertThat(html).contains("data-id=\"T1078\" data-name=\"Valid Accounts\" data-tactic=\"Persistence\"");
        assertThat(html).contains("<li class=\"cell\"><button type=\"button\" class=\"tile s-minimal sub\" "
                + "data-id=\"T1078.004\" data-name=\"Cloud Accounts\" data-tactic=\"Credential Access\" "
                + "data-summary=\"minimal · 1 capability · 1 mapping\"");
        assertThat(html).contains("class=\"tile s-none sub\" data-id=\"T1078.001\" data-name=\"Default Accounts\" "
                + "data-tactic=\"Credential Access\" data-summary=\"not mapped\"");
        assertThat(html).contains("class=\"tile s-partial\" data-id=\"T1528\"", "data-summary=\"partial · 1 capability "
                + "· 1 mapping\"", "class=\"tile s-none\" data-id=\"T1098\"");
        assertThat(html.split("<span class=\"marker\">", -1)).hasSize(3);
    }

    @Test
    void theColumnsAndTheSummaryCountWhatIsCoveredPerTacticAndOverall() throws IOException {
        String html = html(folded());

        assertThat(html).contains("<th scope=\"col\"><span class=\"tactic\">Credential Access</span>"
                + "<span class=\"count\">2/2</span></th><th scope=\"col\"><span class=\"tactic\">Persistence</span>"
                + "<span class=\"count\">1/2</span></th>");
        assertThat(html).contains("<tbody>\n<tr><td scope=\"row\">Credential Access</td><td class=\"number\">2</td>"
                + "<td class=\"number\">2</td><td class=\"number\">100.0</td><td><meter min=\"0\" max=\"2\" "
                + "value=\"2\"></meter></td></tr>\n<tr><td scope=\"row\">Persistence</td><td class=\"number\">1</td>"
                + "<td class=\"number\">2</td><td class=\"number\">50.0</td><td><meter min=\"0\" max=\"2\" "
                + "value=\"1\"></meter></td></tr>\n</tbody>");
        assertThat(html).contains("<tfoot><tr><th scope=\"row\">All tactics (a technique counts once)</th>"
                + "<td class=\"number\">2</td><td class=\"number\">3</td><td class=\"number\">66.7</td>");
    }

    @Test
    void mappingsThatPlaceNoTileAreListedWithWhy() throws IOException {
        assertThat(html(folded())).contains("<h2>Mappings to techniques not in this matrix</h2>\n<ul>\n"
                + "<li>T1000 Old Technique: revoked by T1528, 2 mappings</li>\n</ul>");
        assertThat(html(expandedInScope())).doesNotContain("not in this matrix");
    }

    @Test
    void countShadingWithSubTechniquesListedAndAScope() throws IOException {
        String html = html(expandedInScope());

        assertThat(html).contains("<title>ATT&amp;CK Enterprise 16.1 matrix: all mappings</title>",
                "<body class=\"expanded\">",
                "<dt>Selection</dt><dd>all mappings</dd>",
                "<dt>Scope</dt><dd>G0016 APT29</dd>",
                "<dt>Mapping sets</dt><dd>none</dd>",
                "<dt>Shading</dt><dd>how many capabilities map to each technique (sub-techniques each by their own)</dd>",
                "<dt>Covered</dt><dd>1 of 1 techniques and sub-techniques (100.0%)</dd>",
                "aria-pressed=\"true\">Hide sub-techniques</button>+N: the technique has N sub-techniques. Hover");
        assertThat(html).contains("<div class=\"notes\">\n<p>The ATT&amp;CK data is mapper's bundled sample "
                + "(T1528 only): load an ATT&amp;CK bundle with --data for the whole matrix.</p>\n</div>");
        // Listed sub-techniques have tiles of their own: the parent tile is out of scope and counts none of them.
        assertThat(html).contains("class=\"tile s-out-of-scope\" data-id=\"T1078\" data-name=\"Valid Accounts\" "
                + "data-tactic=\"Persistence\" data-summary=\"not in scope\"");
        assertThat(html).contains("class=\"tile s-count-2 sub\" data-id=\"T1078.004\" data-name=\"Cloud Accounts\" "
                + "data-tactic=\"Persistence\" data-summary=\"2-3 capabilities · 4 mappings\"");
    }

    @Test
    void aMatrixWithoutSubTechniquesHasNoToggle() throws IOException {
        MatrixReport report = new MatrixReport(Records.release("enterprise", "16.1", List.of(STEAL_TOKEN),
                List.of(CREDENTIAL_ACCESS)), List.of(), List.of(AWS), new Caption(Map.of(), LocalDate.of(2026, 1, 15)),
                null, Scoring.STRENGTH, false, List.of(new Column(new TacticCoverage(CREDENTIAL_ACCESS, 0, 1),
                List.of(cell(STEAL_TOKEN, null, 0, 0)))), 0, 1, Map.of(), List.of());

        String html = html(report);

        assertThat(html).doesNotContain("id=\"toggle-subtechniques\"", "<div class=\"notes\">", "class=\"marker\"");
        assertThat(html).contains("<dt>Covered</dt><dd>0 of 1 techniques (0.0%)</dd>",
                "<meter min=\"0\" max=\"1\" value=\"0\">");
    }

    @Test
    void theStyleGivesEachShadeThePalettesColoursAndThePolicyAllowsExactlyIt() throws IOException {
        String html = html(folded());
        String style = HtmlReport.contents(html, "style").get(0);

        assertThat(style).contains(".s-significant { background: #1b7837; color: #ffffff; }",
                ".s-minimal { background: #d9f0d3; color: #000000; }",
                ".s-none { background: #f4f4f4; color: #5f5f5f; }");
        assertThat(HtmlReport.policy(html)).isEqualTo(HtmlRenderer.policy())
                .contains("style-src " + HtmlReport.hashSource(style) + ";",
                        "script-src " + HtmlReport.hashSource(HtmlReport.contents(html, "script").get(1)) + ";");
    }
}
