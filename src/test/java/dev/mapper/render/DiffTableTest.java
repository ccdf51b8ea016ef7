package dev.mapper.render;

import static dev.mapper.testing.Records.mapping;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mapper.model.AttackRelease;
import dev.mapper.model.DiffReport;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingField;
import dev.mapper.testing.Records;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table of {@code diff}: summary, technique notes, and every kind of item with what changed. */
class DiffTableTest {

    private static String table(DiffReport report, int width) {
        return report.accept(new TableRenderer(RenderOptions.plain(width)));
    }

    @Test
    void everyKindOfDifferenceIsShownWithWhatChanged() {
        AttackRelease release = Records.release("enterprise", "16.1", List.of(), List.of());

        assertThat(table(SampleDiff.report(List.of(release)), 100)).isEqualTo("""
                aws@01.01.2024@15.1 → aws@12.12.2024@16.1
                Old         old/aws.json · 10 mappings
                New         new/aws.json · 12 mappings (2 exact duplicate copies folded)
                ATT&CK      Enterprise 16.1

                Summary  5 differences
                  added           1
                  removed         1
                  changed         1
                  moved           1
                  duplicated      1
                  unchanged       5
                Fields      changed or moved mappings differ in score_value 2, attack_object_name 1, comments 1
                Gained      1 techniques now covered that were not: T1190 Exploit Public-Facing Application
                Lost        1 techniques no longer covered: T1000 Old Name

                Techniques
                  T1000  renamed "Old Name" → "New Name"; revoked by T1528 in ATT&CK 16.1
                  T1001  deprecated in ATT&CK 16.1

                Added (1)
                  + aws_waf  T1190 Exploit Public-Facing Application · protect
                      protect · partial · x2: exact duplicates in the file

                Removed (1)
                  - aws_shield  (no technique)
                      non-mappable

                Changed (1)
                  ~ aws_iam  T1528 · protect
                      score_value: minimal → significant
                      comments:
                        - short
                        + A much longer comment that explains in some detail why the score went up this time

                Moved (1)
                  > aws_config  T1000 → T1528 Steal Application Access Token
                      attack_object_name: Old Name → Steal Application Access Token
                      score_value: null → minimal
                      exact copies in the file: x1 → x2

                Duplicated (1)
                  = aws_sso  T1078
                      exact copies in the file: x1 → x3
                """);
    }

    @Test
    void aChangeThatFitsStaysOnOneLineAndLongValuesWrap() {
        DiffReport report = SampleDiff.report(List.of());
        String oneLine = "      comments: short → A much longer comment that explains in some detail why the score"
                + " went up this time";

        assertThat(table(report, oneLine.length())).contains(oneLine + "\n");
        assertThat(table(report, oneLine.length() - 1)).contains("      comments:\n        - short\n        + A much");
        assertThat(table(report, 50)).contains("""
                      comments:
                        - short
                        + A much longer comment that explains in
                          some detail why the score went up this
                          time
                """);
    }

    @Test
    void withoutAttackDataMovesCannotBeRecognised() {
        assertThat(table(SampleDiff.report(List.of()), 100))
                .contains("ATT&CK      no ATT&CK data loaded: revoked techniques cannot be recognised as moved\n");
    }

    @Test
    void valuesStayDistinguishableWhenEmptyNullOrAList() {
        Mapping before = mapping(SampleDiff.OLD, "aws_iam", "T1528").references().build();
        Mapping after = mapping(SampleDiff.NEW, "aws_iam", "T1528").comments("")
                .references("https://a.example", "https://b.example").build();
        DiffReport report = new DiffReport(SampleDiff.OLD, 1, 0, SampleDiff.NEW, 1, 0, 0, List.of(
                new DiffReport.Item(DiffReport.Kind.CHANGED, "aws_iam", "T1528", null, null,
                        List.of(MappingField.COMMENTS, MappingField.REFERENCES), before, 1, after, 1)),
                List.of(), List.of(), List.of(), List.of());

        assertThat(table(report, 100)).contains("""
                      comments: null → ""
                      references: [] → https://a.example, https://b.example
                """);
    }

    @Test
    void noDifferencesSaysSo() {
        DiffReport report = new DiffReport(SampleDiff.OLD, 1, 0, SampleDiff.NEW, 1, 0, 1, List.of(), List.of(),
                List.of(), List.of(), List.of());

        assertThat(table(report, 80)).contains("\nSummary  no differences\n").doesNotContain("Fields")
                .doesNotContain("Gained").doesNotContain("Lost").doesNotContain("Techniques").doesNotContain("(0)");
    }
}
