package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapper.testing.AttackBundle;
import dev.mapper.testing.Cli;
import dev.mapper.testing.MappingFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small surprises a new analyst met (issue 19), each on data made for it in the published formats. */
class RoughEdgesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A mapping of {@code technique} ("Technique ID") to {@code capability}. */
    private static MappingFiles.MappingObject mapping(String capability, String technique) {
        return MappingFiles.mapping(capability, technique).name("Technique " + technique);
    }

    /** A file of the test framework with the mappings, written to {@code name} in the test's folder. */
    private void file(String name, MappingFiles.MappingObject... mappings) {
        MappingFiles.file("test").add(mappings).write(dir.resolve(name));
    }

    private static List<String> ids(JsonNode mappings) {
        List<String> ids = new ArrayList<>();
        mappings.forEach(m -> ids.add(m.path("attack_object_id").asText()));
        return ids;
    }

    @Test
    void capabilityListsItsTechniquesByIdNotInFileOrder() throws Exception {
        file("m.json", mapping("cap_x", "T1552"), mapping("cap_x", "T1528"), mapping("cap_x", "T1003.001"),
                mapping("cap_x", "T1003"));

        Cli.Run table = Cli.run("--data", dir.toString(), "capability", "cap_x");
        assertThat(table.out().indexOf("T1003  ")).isLessThan(table.out().indexOf("T1003.001"));
        assertThat(table.out().indexOf("T1003.001")).isLessThan(table.out().indexOf("T1528"));
        assertThat(table.out().indexOf("T1528")).isLessThan(table.out().indexOf("T1552"));
        JsonNode json = JSON.readTree(Cli.run("--data", dir.toString(), "capability", "cap_x", "-f", "json").out());
        assertThat(ids(json.path("mappings"))).containsExactly("T1003", "T1003.001", "T1528", "T1552");
    }

    @Test
    void searchFoldsAccentsAndTheZeroPaddingOfControlIds() throws Exception {
        AttackBundle.of("enterprise", "18.1")
                .credentialAccess()
                .technique("T1055.013", "Process Doppelgänging")
                .write(dir.resolve("attack.json"));
        MappingFiles.file("nist_800_53").add(mapping("AC-02", "T1528")).write(dir.resolve("nist.json"));

        JsonNode accent = JSON.readTree(Cli.run("--data", dir.toString(), "search", "doppelganging", "-f", "json").out());
        assertThat(accent.path("results").get(0).path("attack_object_id").asText()).isEqualTo("T1055.013");
        JsonNode control = JSON.readTree(Cli.run("--data", dir.toString(), "search", "AC-2", "-f", "json").out());
        assertThat(control.path("results").get(0).path("kind").asText()).isEqualTo("capability");
        assertThat(control.path("results").get(0).path("capability_id").asText()).isEqualTo("AC-02");
    }

    @Test
    void showSaysWhichMappingsAreRecordedUnderARevokedIdItReplacedAndShowsThem() throws Exception {
        AttackBundle.of("enterprise", "18.1")
                .credentialAccess()
                .technique("T1053", "Scheduled Task/Job")
                .technique("T1053.001", "At (Linux)")
                .technique("T1053.002", "At")
                .revokedBy("T1053.001", "T1053.002")
                .write(dir.resolve("attack.json"));
        file("m.json", mapping("cap_old", "T1053.001"), mapping("cap_new", "T1053.002"));

        Cli.Run table = Cli.run("--data", dir.toString(), "show", "T1053.002");
        assertThat(table.out()).contains("Replaces    T1053.001 At (Linux) (1 mapping recorded under it)",
                "Recorded under T1053.001  At (Linux)  (revoked by T1053.002)", "cap_old", "cap_new");
        JsonNode json = JSON.readTree(Cli.run("--data", dir.toString(), "show", "T1053.002", "-f", "json").out());
        assertThat(ids(json.path("mappings"))).containsExactly("T1053.002", "T1053.001");
        assertThat(json.path("technique").path("replaces").get(0).path("id").asText()).isEqualTo("T1053.001");
    }

    @Test
    void aVersionNoSetHasIsAUsageErrorNamingTheVersionsThereAre() throws Exception {
        Cli.Run framework = Cli.run("show", "T1528", "--framework-version", "99");
        assertThat(framework.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(framework.out()).isEmpty();
        assertThat(framework.err()).contains("no loaded mapping set has framework version '99'; the loaded ones have "
                + "1.4.0, 12/12/2024");

        Cli.Run attack = Cli.run("list", "frameworks", "--attack-version", "99.9");
        assertThat(attack.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(attack.err()).contains("no loaded mapping set has ATT&CK version '99.9'; the loaded ones have 16.1");

        MappingFiles.file("test").attack("14.1").add(mapping("cap_a", "T1528")).write(dir.resolve("old.json"));
        Cli.Run both = Cli.run("--data", dir.toString(), "show", "T1528", "--framework-version", "1.4.0",
                "--attack-version", "14.1");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("framework version 1.4.0 with ATT&CK version '14.1'; the loaded ones have 16.1");
    }

    @Test
    void anEmptyDataPathIsAUsageError() {
        Cli.Run run = Cli.run("--data", "", "show", "T1528");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--data", "an empty path");
    }

    @Test
    void diffTakesSetNamesWhoseFrameworkHoldsAnAt() throws Exception {
        MappingFiles.file("acme@corp").add(mapping("cap_a", "T1528")).write(dir.resolve("old.json"));
        MappingFiles.file("acme@corp").version("2").add(mapping("cap_a", "T1528"), mapping("cap_b", "T1528"))
                .write(dir.resolve("new.json"));

        Cli.Run run = Cli.run("--data", dir.toString(), "diff", "acme@corp@1", "acme@corp@2@16.1", "-f", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).path("summary").path("added").asInt()).isEqualTo(1);
    }

    @Test
    void nanInADataFileIsSaidInTheUsersTerms() throws Exception {
        file("nan.json", MappingFiles.mappingOfT1528("cap_a").rawFields(", \"score_value\": NaN"));

        Cli.Run run = Cli.run("--data", dir.resolve("nan.json").toString(), "show", "T1528");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_DATA);
        assertThat(run.err()).contains("nan.json:3:", "'NaN' is not a JSON value")
                .doesNotContain("JsonReadFeature", "ALLOW_NON_NUMERIC_NUMBERS", "enable");
    }

    @Test
    void mappingTypeTakesTheNameTheTableShowsCommasIncluded() throws Exception {
        MappingFiles.file("test").mappingType("sgsl", "Win 11, System Guard Secure Launch")
                .add(mapping("cap_a", "T1528").type("sgsl"), mapping("cap_b", "T1528")).write(dir.resolve("m.json"));
        String data = dir.resolve("m.json").toString();

        assertThat(Cli.run("--data", data, "show", "T1528").out()).contains("Win 11, System Guard Secure Launch");
        JsonNode byName = JSON.readTree(Cli.run("--data", data, "show", "T1528", "--framework", "test",
                "--mapping-type", "Win 11, System Guard Secure Launch", "-f", "json").out());
        assertThat(byName.path("mappings")).hasSize(1);
        assertThat(byName.path("mappings").get(0).path("capability_id").asText()).isEqualTo("cap_a");
        JsonNode byKeys = JSON.readTree(Cli.run("--data", data, "show", "T1528", "--framework", "test",
                "--mapping-type", "sgsl,mitigates", "-f", "json").out());
        assertThat(byKeys.path("mappings")).hasSize(2);
        JsonNode relatedTo = JSON.readTree(Cli.run("show", "T1528", "--mapping-type", "related-to", "-f", "json").out());
        assertThat(relatedTo.path("mappings").get(0).path("mapping_type").asText()).isEqualTo("related_to");
    }

    @Test
    void domainsPrintAsAttackSpellsThem() throws Exception {
        AttackBundle.of("ics", "17.0")
                .credentialAccess()
                .technique("T0800", "Activate Firmware Update Mode")
                .write(dir.resolve("ics-attack.json"));

        assertThat(Cli.run("--data", dir.toString(), "show", "T0800").out()).contains("ATT&CK      ICS 17.0")
                .doesNotContain("Ics");
    }

    @Test
    void anUnknownIdOfADomainWithNoDataLoadedSaysSoRatherThanSuggestingAnUnrelatedOne() throws Exception {
        Cli.Run bundledOnly = Cli.run("show", "T0800");
        assertThat(bundledOnly.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(bundledOnly.err()).doesNotContain("T1528", "did you mean")
                .contains("no ATT&CK release is loaded for Enterprise, Mobile, ICS");
        assertThat(Cli.run("show", "T1258").err()).as("a slip of the keyboard is still suggested")
                .contains("did you mean T1528?");

        for (String domain : List.of("enterprise", "mobile", "ics")) {
            AttackBundle.of(domain, "17.0")
                    .credentialAccess()
                    .technique(domain.equals("ics") ? "T0801" : domain.equals("mobile") ? "T1401" : "T1001", "One")
                    .write(dir.resolve(domain + "-attack.json"));
        }
        assertThat(Cli.run("--data", dir.resolve("enterprise-attack.json").toString(), "show", "T0800").err())
                .contains("no ATT&CK release is loaded for Mobile, ICS").doesNotContain("did you mean");
        assertThat(Cli.run("--data", dir.toString(), "show", "T0800").err()).as("every domain loaded: the nearest")
                .contains("did you mean T0801");
    }

    @Test
    void setHeadersNameTheFileAndVerboseAndJsonTheWholePath() throws Exception {
        Path nested = Files.createDirectories(dir.resolve("a/rather/long/path/to/the/official/downloads"));
        Path m = MappingFiles.file("test").add(mapping("cap_a", "T1528"))
                .write(nested.resolve("test-1_attack-16.1-enterprise.json"));

        String table = Cli.run("--data", m.toString(), "show", "T1528").out();
        assertThat(table).contains("test@1@16.1 · test-1_attack-16.1-enterprise.json\n").doesNotContain(nested.toString());
        assertThat(Cli.run("--verbose", "--data", m.toString(), "show", "T1528").out()).contains(m.toString());
        JsonNode json = JSON.readTree(Cli.run("--data", m.toString(), "show", "T1528", "--framework", "test", "-f",
                "json").out());
        assertThat(json.path("mappings").get(0).path("source").asText()).isEqualTo(m.toString());
    }

    /** Two URLs in one reference, as some official values have, too long together for a line. */
    private static final String FIRST_URL = "https://example.com/advisories/2025/a-long-advisory-name";
    private static final String SECOND_URL = "https://example.org/blog/the-proof-of-concept-for-it";

    @Test
    void everyLineOfShowFitsTheWidthFactsHeadingsAndSetHeadersWrapped() throws Exception {
        AttackBundle.of("enterprise", "18.1")
                .credentialAccess()
                .technique("T1048", "Exfiltration Over Alternative Protocol")
                .technique("T1048.003", "Exfiltration Over Unencrypted Non-C2 Protocol, a name long enough to wrap")
                .write(dir.resolve("attack.json"));
        MappingFiles.MappingObject renamed = MappingFiles.mapping("cap_a", "T1048.003")
                .name("Exfiltration Over Unencrypted/Obfuscated Non-C2 Protocol").score("protect", "significant")
                .references(FIRST_URL + " " + SECOND_URL);
        MappingFiles.file("test").add(renamed, renamed)
                .write(dir.resolve("m/a-mapping-file-whose-name-alone-takes-more-than-half-the-line.json"));

        Cli.Run run = Cli.run("--data", dir.toString(), "show", "T1048");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String out = run.out();
        out.lines().forEach(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
        assertThat(out).as(run.err()).contains("Sub-technique T1048.003  Exfiltration Over Unencrypted Non-C2 Protocol, a name\n"
                        + "                         long enough to wrap\n",
                "test  test@1@16.1\n      · a-mapping-file-whose-name-alone-takes-more-than-half-the-line.json\n",
                "    mitigates · protect · significant\n"
                        + "    · mapped as \"Exfiltration Over Unencrypted/Obfuscated Non-C2 Protocol\"\n"
                        + "    · x2: exact duplicates in the source file\n",
                "    ref " + FIRST_URL + "\n        " + SECOND_URL + "\n");
        assertThat(Cli.run("--data", dir.toString(), "show", "T1048", "--color", "always").out())
                .as("the widths are the text's, not its escape codes'")
                .contains("\u001b[2m·\u001b[0m \u001b[2mmapped as");
    }

    /** A crosswalk whose capability IDs leave its last column no room, a group's coverage line, gap's method line. */
    @Test
    void tablesOfCrosswalkGroupsAndGapFitTheWidth() throws Exception {
        String longId = "a_capability_whose_id_alone_takes_most_of_a_line";
        AttackBundle.of("enterprise", "18.1")
                .credentialAccess()
                .technique("T1528", "Steal Application Access Token")
                .technique("T1078", "Valid Accounts")
                .group("G0016", "APT29")
                .uses("G0016", "T1528", "APT29 stole tokens.")
                .write(dir.resolve("attack.json"));
        file("a.json", mapping("cap_a", "T1528"), mapping("cap_a", "T1078"),
                mapping("another_capability_with_a_long_id", "T1528"), mapping("and_a_third_one_as_long", "T1528"));
        MappingFiles.file("other").add(mapping(longId, "T1528"), mapping(longId, "T1078")).write(dir.resolve("b.json"));

        Cli.Run crosswalk = Cli.run("--data", dir.toString(), "crosswalk", "cap_a", "--to", "other");
        assertThat(crosswalk.exitCode()).as(crosswalk.err()).isZero();
        assertThat(crosswalk.out()).contains("\n" + longId + " ", "\n    DETAIL\n", "\n    T1078, T1528\n");
        Cli.Run group = Cli.run("--no-bundled", "--data", dir.toString(), "show", "G0016");
        assertThat(group.out()).contains("    covered: other " + longId + " · test\n"
                + "    cap_a, another_capability_with_a_long_id, and_a_third_one_as_long\n");
        Cli.Run gap = Cli.run("--no-bundled", "--data", dir.toString(), "gap", "--framework", "test");
        assertThat(gap.out()).contains("Add next  greedy, by adversaries' use times score (significant 3, partial 2,\n"
                + "          minimal 1)\n");
        for (Cli.Run run : List.of(crosswalk, group, gap)) {
            run.out().lines().forEach(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
        }
    }

    @Test
    void eachCommandNamesOnlyTheFormatsItWrites() {
        Cli.Run show = Cli.run("show", "T1528", "-f", "sarif");
        assertThat(show.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(show.err()).contains("'sarif' is not a format of 'mapper show' (it is for 'mapper validate'); it "
                + "writes table, json, jsonl, csv, tsv, markdown, yaml").doesNotContain("html", "github");
        assertThat(Cli.run("show", "--help").out()).contains("Output format: table, json, jsonl, csv, tsv,")
                .doesNotContain("sarif", "github", "html");
        assertThat(Cli.run("validate", "--help").out()).contains("github, sarif").doesNotContain("html");
        assertThat(Cli.run("matrix", "--help").out()).contains("yaml, html").doesNotContain("sarif");
    }
}
