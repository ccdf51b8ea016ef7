package dev.mapper.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Version strings as mapping files write them, ordered as numbers, dates and revisions. */
class VersionsTest {

    @Test
    void versionsCompareAsNumbersDatesAndRevisions() {
        List<String> versions = new ArrayList<>(List.of("16.1", "9.0", "1.10", "1.9", "16", "rev5", "REV4",
                "12/12/2024", "1/2/2025", "7/28/2025"));

        versions.sort(Versions.ORDER);

        assertThat(versions).containsExactly("1.9", "1.10", "9.0", "16", "16.1", "12/12/2024", "1/2/2025", "7/28/2025",
                "REV4", "rev5");
    }

    @Test
    void equalVersionsAndNullsHaveTheirPlace() {
        assertThat(Versions.compare("rev5", "REV5")).isZero();
        assertThat(Versions.compare(" 16.1 ", "16.1")).isZero();
        assertThat(Versions.compare(null, null)).isZero();
        assertThat(Versions.compare(null, "1")).isNegative();
        assertThat(Versions.compare("1", null)).isPositive();
        assertThat(Versions.compare("16.1", "16")).isPositive();
        assertThat(Versions.compare("16", "16.1")).isNegative();
        assertThat(Versions.compare("100000000000000000000", "99999999999999999999")).isPositive();
        assertThat(Versions.compare("a", "b")).isNegative();
    }
}
