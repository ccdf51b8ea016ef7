package dev.mapper.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mapper.model.Report;
import org.junit.jupiter.api.Test;

/** {@code --format markdown} of the ATT&CK objects besides techniques and of gaps ({@link SampleAttackObjects}). */
class MarkdownAttackObjectsTest {

    private static String markdown(Report report) {
        return report.accept(new MarkdownRenderer(RenderOptions.Detail.NORMAL));
    }

    @Test
    void softwareHasItsFactsCoveragePerFrameworkAndATableOfTechniques() {
        assertThat(markdown(SampleAttackObjects.software())).isEqualTo("""
                # S0154 Cobalt Strike

                - **Kind**: software
                - **Aliases**: Cobalt Strike, Beacon
                - **Domains**: enterprise-attack
                - **Software**: -
                - **Campaigns**: C0024 SolarWinds Compromise
                - **Groups**: G0016 APT29

                A commercial adversary simulation tool.

                ## Coverage

                | Framework | Covered | Total | % |
                |---|---|---|---|
                | aws | 1 | 2 | 50.0 |
                | nist\\_800\\_53 | 1 | 2 | 50.0 |

                ## Techniques (2)

                | ID | Name | Counted | Procedures | Covered by |
                |---|---|---|---|---|
                | T1078 | Valid Accounts | yes | S0154: Cobalt Strike can use known credentials. / G0016: (no description) \
                | covered: aws aws\\_iam (significant), aws\\_sso (significant), aws\\_config (partial) · nist\\_800\\_53 4 \
                capabilities |
                | T1566 | Phishing | yes |  | not covered by the searched sets |
                """);
    }

    @Test
    void aRevokedGroupSaysSoAndItsRevokedTechniqueIsNotCounted() {
        // The blank description makes no empty paragraph.
        assertThat(markdown(SampleAttackObjects.revokedGroup())).isEqualTo("""
                # G0099 Old Group

                - **Kind**: group
                - **Aliases**: Old Group
                - **Domains**: -
                - **Revoked**: yes, by G0016
                - **Deprecated**: yes
                - **Software**: S0154 Cobalt Strike
                - **Campaigns**: C0024 SolarWinds Compromise
                - **Groups**: -

                ## Coverage

                | Framework | Covered | Total | % |
                |---|---|---|---|

                ## Techniques (2)

                | ID | Name | Counted | Procedures | Covered by |
                |---|---|---|---|---|
                | T1000 | Old Technique | no |  | not covered by the searched sets |
                | T1566 | Phishing | yes |  | not covered by the searched sets |
                """);
    }

    @Test
    void aMitigationLinksItsPageAndListsWhatItMitigates() {
        assertThat(markdown(SampleAttackObjects.mitigation())).isEqualTo("""
                # M1032 Multi-factor Authentication

                - **Kind**: mitigation
                - **Aliases**: -
                - **Domains**: enterprise-attack
                - **URL**: <https://attack.mitre.org/mitigations/M1032>

                Use two or more pieces of evidence.

                ## Techniques (2)

                | ID | Name |
                |---|---|
                | T1078 | Valid Accounts |
                | T1566 | Phishing |
                """);
    }

    @Test
    void aDetectionStrategyHasATableOfAnalyticsAndTheLogsTheyRead() {
        // A log naming nothing is "?", as in the table, never "null: null".
        assertThat(markdown(SampleAttackObjects.detectionStrategy())).isEqualTo("""
                # DET0001 Logons at odd hours

                - **Kind**: detection strategy
                - **Aliases**: -
                - **Domains**: enterprise-attack

                ## Analytics (2)

                | ID | Platforms | Description | Logs |
                |---|---|---|---|
                | AN0001 | Windows | Look at logon events. | WinEventLog:Security: EventCode=4624 / ? |
                | AN0002 | Linux, macOS |  |  |

                ## Techniques (1)

                | ID | Name |
                |---|---|
                | T1078 | Valid Accounts |
                """);
    }

    @Test
    void aGapListsTheUncoveredTechniquesShownAndEveryRecommendation() {
        assertThat(markdown(SampleAttackObjects.gap())).isEqualTo("""
                # Gap: 7 of 9 techniques uncovered

                - **Adversaries**: G0016 APT29, S0154 Cobalt Strike and their software
                - **Have**: aws\\_iam, aws\\_sso
                - **Mapping sets**: aws@12.12.2024@16.1, nist\\_800\\_53@rev5@16.1

                ## Most used, uncovered (3)

                | ID | Name | Users | Can add | Used by |
                |---|---|---|---|---|
                | T1101 | Technique 1 | 2 | 1 | G0016, G0007 |
                | T1102 | Technique 2 | 2 | 1 | G0016, G0007 |
                | T1103 | Technique 3 | 2 | 1 | G0016, G0007 |

                ## Add next (2)

                | Capability | Framework | Value | Closes |
                |---|---|---|---|
                | aws\\_config | aws | 12 | T1101, T1102, T1103, T1104, T1105, T1106, T1107 |
                | AC-02 | nist\\_800\\_53 | 6 | T1202, T1203, T1204, T1205, T1206, T1207 |
                """);
        assertThat(markdown(SampleAttackObjects.gapOfAllGroups())).startsWith("""
                # Gap: 0 of 1 techniques uncovered

                - **Adversaries**: all 1 group
                - **Have**: -
                - **Mapping sets**: -
                """);
    }
}
