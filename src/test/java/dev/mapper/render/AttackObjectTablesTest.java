package dev.mapper.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mapper.model.Report;
import org.junit.jupiter.api.Test;

/**
 * {@code --format table} of groups, software, campaigns, mitigations, detection strategies and gaps
 * ({@link SampleAttackObjects}).
 */
class AttackObjectTablesTest {

    private static String table(Report report) {
        return report.accept(new TableRenderer(RenderOptions.plain(100)));
    }

    private static String brief(Report report) {
        return report.accept(new TableRenderer(RenderOptions.plain(100).with(RenderOptions.Detail.BRIEF)));
    }

    @Test
    void softwareShowsItsTypePlatformsRelatedObjectsAndWhatCoversEachTechnique() {
        Report report = SampleAttackObjects.software();

        assertThat(table(report)).isEqualTo("""
                S0154  Cobalt Strike
                Kind        software
                Aliases     Beacon
                Domains     enterprise-attack
                Type        tool
                Platforms   Windows, Linux
                Campaigns   C0024 SolarWinds Compromise
                Groups      G0016 APT29

                  A commercial adversary simulation tool.

                Coverage  2 techniques used
                FRAMEWORK    COVERED  TOTAL  %
                aws                1      2  50.0%
                nist_800_53        1      2  50.0%

                Techniques  2

                T1078  Valid Accounts  (used as T1000, revoked)
                    Cobalt Strike can use known credentials.
                    G0016 APT29: (no description)
                    covered: aws aws_iam (significant), aws_sso (significant), aws_config (partial) · nist_800_53 4
                    capabilities

                T1566  Phishing
                    not covered by the searched sets
                """);
        // Brief: the header and the coverage, no description and no techniques.
        assertThat(brief(report)).endsWith("""
                Groups      G0016 APT29

                Coverage  2 techniques used
                FRAMEWORK    COVERED  TOTAL  %
                aws                1      2  50.0%
                nist_800_53        1      2  50.0%
                """);
    }

    @Test
    void aRevokedGroupSaysSoAndThatItsTechniquesIncludeItsCampaignsAndSoftwares() {
        Report report = SampleAttackObjects.revokedGroup();

        // A blank description is not shown; a revoked technique is listed but not counted.
        assertThat(table(report)).isEqualTo("""
                G0099  Old Group
                Kind        group
                Revoked     yes, by G0016
                Deprecated  yes
                Software    S0154 Cobalt Strike
                Campaigns   C0024 SolarWinds Compromise

                Coverage  1 technique used (with its campaigns' and its software's)
                  no mapping set searched

                Techniques  2

                T1000  Old Technique  (revoked by T1078: not counted)
                    not covered by the searched sets

                T1566  Phishing
                    not covered by the searched sets
                """);
    }

    @Test
    void aCampaignSaysWhenItWasSeen() {
        Report report = SampleAttackObjects.campaign();

        assertThat(table(report)).startsWith("""
                C0024  SolarWinds Compromise
                Kind        campaign
                Domains     enterprise-attack
                Seen        2019-08 to ?
                Groups      G0016 APT29

                  A campaign.

                Coverage  0 techniques used
                """);
    }

    @Test
    void aMitigationShowsItsDescriptionAndTheTechniquesItMitigates() {
        assertThat(table(SampleAttackObjects.mitigation())).isEqualTo("""
                M1032  Multi-factor Authentication
                Kind        mitigation
                Domains     enterprise-attack
                URL         https://attack.mitre.org/mitigations/M1032

                  Use two or more pieces of evidence.

                Mitigates  2 techniques
                  T1078  Valid Accounts
                  T1566  Phishing
                """);
    }

    @Test
    void aDetectionStrategyShowsEachAnalyticWithTheLogsItReads() {
        assertThat(table(SampleAttackObjects.detectionStrategy())).isEqualTo("""
                DET0001  Logons at odd hours
                Kind        detection strategy
                Domains     enterprise-attack

                Analytics  2

                  AN0001  Windows
                    Look at logon events.
                    log WinEventLog:Security: EventCode=4624 (User Account Authentication)
                    log ?

                  AN0002  Linux, macOS

                Detects  1 technique
                  T1078  Valid Accounts
                """);
    }

    @Test
    void aGapListsTheMostUsedUncoveredTechniquesAndWhatToAddNext() {
        Report report = SampleAttackObjects.gap();

        assertThat(table(report)).isEqualTo("""
                Gap  7 of 9 techniques used by G0016 APT29, S0154 Cobalt Strike and their software not covered
                Have        2 capabilities: aws_iam, aws_sso
                Sets        aws@12.12.2024@16.1, nist_800_53@rev5@16.1

                Most used, uncovered  3 of 7
                #  ID     USERS  CAN ADD  NAME
                1  T1101      2        1  Technique 1
                2  T1102      2        1  Technique 2
                3  T1103      2        1  Technique 3

                Add next  greedy, by adversaries' use times score (significant 3, partial 2, minimal 1)
                 1  aws_config  AWS Config  (aws)
                    value 12 · closes 7 techniques, 3 of those above: T1101 (2), T1102 (2, partial), T1103 (2,
                    partial), T1104 (2, partial), T1105 (2, partial), T1106 (2, partial) and 1 more
                 2  AC-02  (nist_800_53)
                    value 6 · closes 6 techniques: T1202 (1, minimal), T1203 (1, minimal), T1204 (1, minimal), T1205
                    (1, minimal), T1206 (1, minimal), T1207 (1, minimal)
                """);
    }

    @Test
    void aGapOfAllGroupsWithNothingToAdd() {

        assertThat(table(SampleAttackObjects.gapOfAllGroups())).isEqualTo("""
                Gap  0 of 1 technique used by all 1 group not covered
                Have        nothing (--have FILE lists what you have)
                Sets        -

                Most used, uncovered, closable  0
                (none)

                Add next  nothing in the searched sets closes any of them
                """);
    }
}
