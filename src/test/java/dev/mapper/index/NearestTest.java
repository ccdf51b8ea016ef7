package dev.mapper.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The known IDs nearest one that is not known: what "did you mean" offers. */
class NearestTest {

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(Nearest.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Nearest.distance("T1528", "T1528")).isZero();
        assertThat(Nearest.distance("", "abc")).isEqualTo(3);
        assertThat(Nearest.distance("abc", "")).isEqualTo(3);
        assertThat(Nearest.distance("T1528", "T15280")).isEqualTo(1);
        assertThat(Nearest.distance("T15280", "T1528")).isEqualTo(1);
        assertThat(Nearest.distance("T1582", "T1528")).isEqualTo(2);
        assertThat(Nearest.distance("ab", "ba")).isEqualTo(2);
    }

    @Test
    void nearestIdsAreByDistanceThenNumericGapThenText() {
        List<String> known = List.of("T1530", "T1529", "T1582", "T1527", "T9999", "TA0001", "X");

        assertThat(Nearest.ids("T1528", known, 4)).as("T1529 and T1527 are one edit and one apart; T1530 two edits")
                .containsExactly("T1527", "T1529", "T1530", "T1582");
        assertThat(Nearest.ids("T1528", known, 2)).containsExactly("T1527", "T1529");
        assertThat(Nearest.ids("T1528", List.of("T1", "T2"), 5)).as("2 is nearer 1528 than 1 is")
                .containsExactly("T2", "T1");
        assertThat(Nearest.ids("ABCD", List.of("ABCE", "ABCF", "ABC1"), 3)).as("no numbers to compare: by text")
                .containsExactly("ABC1", "ABCE", "ABCF");
        assertThat(Nearest.ids("T1528", List.of("T1527", "T1529"), 1)).containsExactly("T1527");
        assertThat(Nearest.ids("T0000000000001", List.of("T0000000000002", "T0000000000000"), 2))
                .as("numbers too long to compare are left to the text order")
                .containsExactly("T0000000000000", "T0000000000002");
        assertThat(Nearest.ids("T1000", List.of("T1009", "T1001", "T999X"), 3))
                .as("the numeric gap breaks a tie in distance").containsExactly("T1001", "T1009", "T999X");
    }
}
