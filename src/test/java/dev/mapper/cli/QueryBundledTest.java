package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapper.testing.Cli;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code capability}, {@code search} and {@code list} on the bundled data: one technique, two frameworks. */
class QueryBundledTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String... args) throws Exception {
        String[] full = java.util.Arrays.copyOf(args, args.length + 2);
        full[args.length] = "--format";
        full[args.length + 1] = "json";
        Cli.Run run = Cli.run(full);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        return JSON.readTree(run.out());
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asText(null)));
        return values;
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws_secrets_manager", "AWS_SECRETS_MANAGER", "AWS Secrets Manager", "secrets",
        " Secrets Manager "})
    void capabilityByIdDescriptionOrPart(String name) throws Exception {
        JsonNode doc = json("capability", name);
        assertThat(doc.path("capability").path("capability_id").asText()).isEqualTo("aws_secrets_manager");
        assertThat(doc.path("capability").path("mapping_framework").asText()).isEqualTo("aws");
        JsonNode mappings = doc.path("mappings");
        assertThat(mappings).hasSize(1);
        assertThat(mappings.get(0).path("attack_object_id").asText()).isEqualTo("T1528");
        assertThat(mappings.get(0).path("score_value").asText()).isEqualTo("partial");
    }

    @Test
    void capabilityTableShowsTechniqueTypeScoreAndComment() {
        Cli.Run run = Cli.run("capability", "action.malware.variety.Capture app data");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("action.malware.variety.Capture app data", "Framework   veris",
                "veris@1.4.0@16.1 · bundled", "T1528  Steal Application Access Token", "related-to",
                "1 mapping to 1 technique from 1 set");
        for (String line : run.out().split("\n")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(Terminal.notATerminal().width());
        }
    }

    @Test
    void ambiguousNameListsTheCandidatesOnStderrOnly() {
        Cli.Run run = Cli.run("capability", "aws");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.AMBIGUOUS).isEqualTo(4);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("'aws' matches 2 capabilities", "aws_identity_and_access_management",
                "aws_secrets_manager");
    }

    @Test
    void frameworkFilterNarrowsTheCandidates() throws Exception {
        // "a" is part of all three IDs; --framework leaves only the VERIS one as a candidate.
        assertThat(Cli.run("capability", "a").exitCode()).isEqualTo(ExitCodes.AMBIGUOUS);
        assertThat(json("capability", "a", "--framework", "veris").path("capability").path("capability_id").asText())
                .isEqualTo("action.malware.variety.Capture app data");
        Cli.Run other = Cli.run("capability", "aws_secrets_manager", "--framework", "veris");
        assertThat(other.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void unknownCapabilitySuggestsTheNearest() {
        Cli.Run run = Cli.run("capability", "aws_secret_manager");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_FOUND).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("unknown capability aws_secret_manager; did you mean aws_secrets_manager");
    }

    @Test
    void searchFindsTheTechniqueFirstAndSaysWhereItMatched() throws Exception {
        JsonNode doc = json("search", "access", "token");
        assertThat(doc.path("query").asText()).isEqualTo("access token");
        JsonNode results = doc.path("results");
        assertThat(doc.path("total").asInt()).isEqualTo(results.size()).isEqualTo(3);
        JsonNode first = results.get(0);
        assertThat(first.path("kind").asText()).isEqualTo("technique");
        assertThat(first.path("attack_object_id").asText()).isEqualTo("T1528");
        assertThat(first.path("matched_in").toString()).contains("attack_object_name");
        assertThat(first.path("mapping_count").asInt()).isEqualTo(3);
        // The two AWS comments mention application access tokens; VERIS's does not.
        assertThat(texts(results, "kind").subList(1, 3)).containsOnly("mapping");
        assertThat(texts(results, "capability_id").subList(1, 3))
                .containsExactly("aws_identity_and_access_management", "aws_secrets_manager");
        assertThat(results.get(1).path("matched_in").get(0).asText()).isEqualTo("comments");
    }

    @Test
    void searchRanksExactIdsAndNamesFirstAndHonoursTheLimit() throws Exception {
        assertThat(json("search", "t1528").path("results").get(0).path("attack_object_id").asText())
                .isEqualTo("T1528");
        JsonNode byName = json("search", "aws", "secrets", "manager").path("results");
        assertThat(byName.get(0).path("kind").asText()).isEqualTo("capability");
        assertThat(byName.get(0).path("capability_id").asText()).isEqualTo("aws_secrets_manager");
        JsonNode limited = json("search", "access", "token", "--limit", "1");
        assertThat(limited.path("results")).hasSize(1);
        assertThat(limited.path("total").asInt()).isEqualTo(3);
        Cli.Run table = Cli.run("search", "access", "token", "--limit", "1");
        assertThat(table.out()).contains("3 hits, the best 1", "technique", "T1528");
    }

    @Test
    void searchWithNoMatchIsEmptyNotAnError() throws Exception {
        JsonNode doc = json("search", "zzzqqq");
        assertThat(doc.path("results")).isEmpty();
        assertThat(doc.path("total").asInt()).isZero();
    }

    @Test
    void searchRejectsEmptyTextAndBadLimit() {
        assertThat(Cli.run("search", "--", "...").exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli.Run run = Cli.run("search", "token", "--limit", "0");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--limit must be at least 1");
    }

    @Test
    void everyCommandsItemsHaveTheShapeOfShowMappings() throws Exception {
        List<String> showFields = new ArrayList<>();
        json("show", "T1528").path("mappings").get(0).fieldNames().forEachRemaining(showFields::add);
        List<String> capabilityFields = new ArrayList<>();
        json("capability", "aws_secrets_manager").path("mappings").get(0).fieldNames()
                .forEachRemaining(capabilityFields::add);
        assertThat(capabilityFields).isEqualTo(showFields);
        for (JsonNode hit : json("search", "access", "token").path("results")) {
            List<String> hitFields = new ArrayList<>();
            hit.fieldNames().forEachRemaining(hitFields::add);
            assertThat(hitFields.subList(0, showFields.size())).as(hit.toString()).isEqualTo(showFields);
            assertThat(hitFields).contains("kind", "matched_in", "relevance", "mapping_count");
        }
    }

    @Test
    void listFrameworksShowsEachBundledSetAsTheDefault() throws Exception {
        JsonNode items = json("list", "frameworks").path("items");
        assertThat(texts(items, "mapping_set")).containsExactly("aws@12/12/2024@16.1", "veris@1.4.0@16.1");
        assertThat(texts(items, "source")).containsOnly("bundled");
        assertThat(texts(items, "mapping_count")).containsExactly("2", "1");
        assertThat(texts(items, "default")).containsOnly("true");
        assertThat(texts(items, "technology_domain")).containsOnly("enterprise");
        assertThat(Cli.run("list", "frameworks").out()).contains("FRAMEWORK", "DEFAULT", "bundled",
                "2 sets, 3 mappings");
    }

    @Test
    void listCapabilitiesTechniquesAndTacticsCount() throws Exception {
        JsonNode capabilities = json("list", "capabilities").path("items");
        assertThat(texts(capabilities, "capability_id")).containsExactly("aws_identity_and_access_management",
                "aws_secrets_manager", "action.malware.variety.Capture app data");
        assertThat(texts(capabilities, "mapping_count")).containsOnly("1");
        JsonNode techniques = json("list", "techniques").path("items");
        assertThat(texts(techniques, "attack_object_id")).containsExactly("T1528");
        assertThat(techniques.get(0).path("mapping_count").asInt()).isEqualTo(3);
        assertThat(techniques.get(0).path("tactics").get(0).asText()).isEqualTo("credential-access");
        JsonNode tactics = json("list", "tactics").path("items");
        assertThat(texts(tactics, "id")).containsExactly("TA0006");
        assertThat(tactics.get(0).path("technique_count").asInt()).isEqualTo(1);
        assertThat(tactics.get(0).path("mapping_count").asInt()).isEqualTo(3);
    }

    @Test
    void filtersNarrowEveryCommand() throws Exception {
        assertThat(json("list", "capabilities", "--framework", "aws").path("items")).hasSize(2);
        assertThat(json("list", "capabilities", "--mapping-type", "related_to").path("items")).hasSize(1);
        assertThat(json("list", "frameworks", "--min-score", "partial").path("items")).hasSize(1)
                .allSatisfy(item -> assertThat(item.path("mapping_count").asInt()).isEqualTo(1));
        assertThat(json("list", "techniques", "--category", "detect").path("items")).isEmpty();
        assertThat(json("list", "tactics", "--platform", "IaaS").path("items")).hasSize(1);
        assertThat(json("search", "access", "token", "--framework", "veris").path("results"))
                .hasSize(1).allSatisfy(hit -> assertThat(hit.path("mapping_count").asInt()).isEqualTo(1));
        assertThat(json("capability", "aws_identity_and_access_management", "--min-score", "partial")
                .path("mappings")).isEmpty();
        assertThat(json("show", "T1528", "--tactic", "Credential Access", "--domain", "enterprise")
                .path("mappings")).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "search", "capability"})
    void unknownFilterValuesFailWithTheValidOnes(String command) {
        String[] args = command.equals("list") ? new String[] {"list", "frameworks", "--framework", "awz"}
                : new String[] {command, "aws", "--framework", "awz"};
        Cli.Run run = Cli.run(args);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("unknown --framework value 'awz'; valid values: aws, veris");
    }

    @Test
    void unknownListIsAUsageError() {
        Cli.Run run = Cli.run("list", "widgets");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("frameworks, capabilities, techniques, tactics");
    }
}
