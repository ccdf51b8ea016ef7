package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapper.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code coverage} on the bundled data: one technique (T1528), mapped by AWS and VERIS. */
class CoverageBundledTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theBundledTechniqueIsCoveredAndNamedUnderItsTactic() throws Exception {
        Cli.Run run = Cli.run("coverage", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = JSON.readTree(run.out());
        assertThat(doc.path("covered").asInt()).isEqualTo(1);
        assertThat(doc.path("total").asInt()).isEqualTo(1);
        assertThat(doc.path("percent").asDouble()).isEqualTo(100.0);
        assertThat(doc.path("by_tactic")).hasSize(1);
        assertThat(doc.path("by_tactic").get(0).path("shortname").asText()).isEqualTo("credential-access");
        assertThat(doc.path("uncovered")).isEmpty();
    }

    @Test
    void filtersThatLeaveNoMappingUncoverTheTechnique() {
        Cli.Run run = Cli.run("coverage", "--framework", "aws", "--category", "detect", "--fail-under", "50");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(run.out()).contains("Coverage  0 of 1 technique (0.0%)", "Uncovered  1",
                "T1528 Steal Application Access Token");
        assertThat(run.err()).contains("coverage 0.00% (0 of 1) is under --fail-under 50");
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
