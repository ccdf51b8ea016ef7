package dev.mapper.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Capability IDs compare without the zero padding some files add to their numbers, and only without that. */
class CapabilityTest {

    @ParameterizedTest
    @CsvSource({
        "AC-02, AC-2",
        "AC-02(01), AC-2(1)",
        "' SC-08 ', SC-8",
        "AC-2, AC-2",
        "AC-20, AC-20",
        "AC-100, AC-100",
        "CA-007, CA-7",
        "0, 0",
        "00, 0",
        "x0y, x0y",
        "CVE-2021-44228, CVE-2021-44228",
        "aws_secrets_manager, aws_secrets_manager",
    })
    void comparableIdDropsOnlyLeadingZerosOfNumbers(String id, String comparable) {
        assertThat(Capability.comparableId(id)).isEqualTo(comparable);
    }
}
