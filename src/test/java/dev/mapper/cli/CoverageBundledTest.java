package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapper.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code coverage} on the bundled data alone: a sample of ATT&CK (T1528 and what it references), which is no release
 * to measure coverage against, and mappings of T1528 by AWS and VERIS.
 */
class CoverageBundledTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theBundledSampleIsNoReleaseToMeasureAgainst() {
        Cli.Run run = Cli.run("coverage", "--framework", "aws", "--fail-under", "90");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.MISSING_DATA);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("mapper: no ATT&CK release to measure coverage against for Enterprise (only "
                + "mapper's bundled sample of it, T1528, is loaded; add --data enterprise-attack-16.1.json); the "
                + "official bundles are at https://github.com/mitre-attack/attack-stix-data, and mapper data pull installs them")
                .contains("--mapping-only").doesNotContain("Exception");
    }

    @Test
    void aListOfTechniquesIsMeasuredAgainstTheReleaseToo() {
        Cli.Run run = Cli.run("coverage", "--techniques", "T1528", "--fail-under", "100");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.MISSING_DATA);
        assertThat(run.err()).contains("only mapper's bundled sample of it, T1528, is loaded");
    }

    @Test
    void mappingOnlyCountsWhatTheMappingsMapWithNoTotal() throws Exception {
        Cli.Run run = Cli.run("coverage", "--mapping-only", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = JSON.readTree(run.out());
        assertThat(doc.path("mapping_only").asBoolean()).isTrue();
        assertThat(doc.path("attack")).isEmpty();
        assertThat(doc.path("covered").asInt()).isEqualTo(1);
        assertThat(doc.path("total").isNull()).isTrue();
        assertThat(doc.path("percent").isNull()).isTrue();
        JsonNode enterprise = doc.path("domains").get(0);
        assertThat(enterprise.path("domain").asText()).isEqualTo("enterprise");
        assertThat(enterprise.path("attack_version").isNull()).isTrue();
        assertThat(enterprise.path("mapping_sets")).hasSize(2);
        assertThat(doc.path("by_tactic")).as("no release, so no matrix to count tactics by").isEmpty();

        Cli.Run table = Cli.run("coverage", "--mapping-only", "--framework", "aws");
        assertThat(table.out()).startsWith("Coverage  1 technique mapped\n")
                .contains("no release measured against (--mapping-only)").doesNotContain("Uncovered", "%");
    }

    @Test
    void mappingOnlyHasNoPercentageToGateOn() {
        Cli.Run run = Cli.run("coverage", "--mapping-only", "--fail-under", "50");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--fail-under needs a total");
    }

    @Test
    void requireGatesMappingOnlyToo() {
        Cli.Run run = Cli.run("coverage", "--mapping-only", "--framework", "aws", "--category", "detect",
                "--require", "T1528");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(run.out()).startsWith("Coverage  0 techniques mapped");
        assertThat(run.err()).contains("required techniques without a mapping: T1528 (Steal Application Access Token)");
    }

    @Test
    void badIdsAreUsageErrorsAndUnknownOnesAreNotFound() {
        Cli.Run malformed = Cli.run("coverage", "--require", "T15");
        assertThat(malformed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(malformed.err()).contains("'T15' is not a technique ID");

        Cli.Run unknown = Cli.run("coverage", "--techniques", "T1528,T9999");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(unknown.err()).contains("unknown technique T9999");
        assertThat(unknown.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"101", "-1", "NaN", "Infinity"})
    void failUnderOutsideZeroToHundredIsAUsageError(String value) {
        Cli.Run run = Cli.run("coverage", "--fail-under", value);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("mapper: --fail-under is a percentage from 0 to 100, not '" + value + "'");
    }
}
