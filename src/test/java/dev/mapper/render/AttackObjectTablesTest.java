package dev.mapper.render;

import static dev.mapper.testing.Records.mapping;
import static dev.mapper.testing.Records.set;
import static dev.mapper.testing.Records.technique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mapper.model.AdversaryReport;
import dev.mapper.model.Campaign;
import dev.mapper.model.Capability;
import dev.mapper.model.DefenseReport;
import dev.mapper.model.DetectionStrategy;
import dev.mapper.model.DetectionStrategy.Analytic;
import dev.mapper.model.DetectionStrategy.LogSource;
import dev.mapper.model.GapReport;
import dev.mapper.model.GapReport.Closed;
import dev.mapper.model.GapReport.GapTechnique;
import dev.mapper.model.GapReport.Recommendation;
import dev.mapper.model.Group;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingSet;
import dev.mapper.model.Mitigation;
import dev.mapper.model.Procedure;
import dev.mapper.model.Report;
import dev.mapper.model.Score;
import dev.mapper.model.Software;
import dev.mapper.model.Technique;
import dev.mapper.model.TechniqueUse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --format table} of groups, software, campaigns, mitigations, detection strategies and gaps, made by hand. */
class AttackObjectTablesTest {

    private static final MappingSet AWS = set("aws", "12.12.2024");
    private static final MappingSet NIST = set("nist_800_53", "rev5");

    private static final Technique VALID_ACCOUNTS = technique("T1078", "Valid Accounts").build();
    private static final Technique PHISHING = technique("T1566", "Phishing").build();
    private static final Technique OLD = technique("T1000", "Old Technique").revokedBy("T1078").build();

    private static final Group APT29 = new Group("G0016", "intrusion-set--1", "APT29", "A group.",
            List.of("APT29", "Cozy Bear"), "https://attack.mitre.org/groups/G0016", List.of("enterprise-attack"),
            false, null, false);
    private static final Campaign SOLARWINDS = new Campaign("C0024", "campaign--1", "SolarWinds Compromise",
            "A campaign.", List.of(), null, List.of("enterprise-attack"), "2019-08", null, false, null, false);
    private static final Software COBALT_STRIKE = new Software("S0154", "tool--1", "tool", "Cobalt Strike",
            "A commercial adversary simulation tool.", List.of("Cobalt Strike", "Beacon"), null,
            List.of("enterprise-attack"), List.of("Windows", "Linux"), false, null, false);

    private static String table(Report report) {
        return report.accept(new TableRenderer(RenderOptions.plain(100)));
    }

    private static String brief(Report report) {
        return report.accept(new TableRenderer(RenderOptions.plain(100).with(RenderOptions.Detail.BRIEF)));
    }

    @Test
    void softwareShowsItsTypePlatformsRelatedObjectsAndWhatCoversEachTechnique() {
        List<Mapping> accounts = List.of(
                mapping(AWS, "aws_iam", "T1078").score("protect", "minimal").build(),
                mapping(AWS, "aws_iam", "T1078").score("protect", "significant").build(),
                mapping(AWS, "aws_sso", "T1078").score("protect", "significant").build(),
                mapping(AWS, "aws_sso", "T1078").score("protect", "partial").build(),
                mapping(AWS, "aws_config", "T1078").build(),
                mapping(AWS, "aws_config", "T1078").score("protect", "partial").build(),
                mapping(NIST, "AC-02", "T1078").build(), mapping(NIST, "AC-03", "T1078").build(),
                mapping(NIST, "AC-06", "T1078").build(), mapping(NIST, "IA-02", "T1078").build());
        AdversaryReport report = new AdversaryReport(COBALT_STRIKE, false, List.of(
                new TechniqueUse(VALID_ACCOUNTS, List.of("T1000"), List.of(new Procedure(COBALT_STRIKE,
                        "Cobalt Strike can use known credentials."), new Procedure(APT29, null))),
                new TechniqueUse(PHISHING, List.of(), List.of())),
                List.of(), List.of(SOLARWINDS), List.of(APT29), List.of(AWS, NIST), Map.of("T1078", accounts));

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
        Group revoked = new Group("G0099", "intrusion-set--2", "Old Group", "  ", List.of("Old Group"), null,
                List.of(), true, "G0016", true);
        AdversaryReport report = new AdversaryReport(revoked, true, List.of(new TechniqueUse(OLD, List.of(),
                List.of()), new TechniqueUse(PHISHING, List.of(), List.of())), List.of(COBALT_STRIKE),
                List.of(SOLARWINDS), List.of(), List.of(), Map.of());

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
        AdversaryReport report = new AdversaryReport(SOLARWINDS, false, List.of(), List.of(), List.of(),
                List.of(APT29), List.of(AWS), Map.of());

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
        Mitigation mfa = new Mitigation("M1032", "course-of-action--1", "Multi-factor Authentication",
                "Use two or more pieces of evidence.", "https://attack.mitre.org/mitigations/M1032",
                List.of("enterprise-attack"), false, null, false);
        assertThat(table(new DefenseReport(mfa, List.of(VALID_ACCOUNTS, PHISHING)))).isEqualTo("""
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
        DetectionStrategy strategy = new DetectionStrategy("DET0001", "x-mitre-detection-strategy--1",
                "Logons at odd hours", null, List.of("enterprise-attack"), false, null, false, List.of(
                new Analytic("AN0001", "Windows logons", "Look at logon events.", List.of("Windows"), List.of(
                        new LogSource("User Account Authentication", "WinEventLog:Security", "EventCode=4624"),
                        new LogSource(null, null, null))),
                new Analytic("AN0002", "Linux logons", null, List.of("Linux", "macOS"), List.of())));
        assertThat(table(new DefenseReport(strategy, List.of(VALID_ACCOUNTS)))).isEqualTo("""
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
        List<Technique> seven = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            seven.add(technique("T110" + i, "Technique " + i).build());
        }
        List<GapTechnique> uncovered = seven.stream().map(t -> new GapTechnique(t, List.of("G0016", "G0007"),
                t.id().equals("T1107") ? 0 : 1)).toList();
        List<Closed> closes = seven.stream().map(t -> new Closed(t, t.id().equals("T1101") ? null : Score.PARTIAL,
                2)).toList();
        // The second pick closes six techniques, none of those listed: all six named, no "of those above".
        List<Closed> notListed = seven.subList(1, 7).stream().map(t -> new Closed(
                technique(t.id().replace("T11", "T12"), "Other").build(), Score.MINIMAL, 1)).toList();
        GapReport report = new GapReport(List.of(APT29, COBALT_STRIKE), false, true,
                List.of(new Capability("aws", "aws_iam", "IAM", null), new Capability("aws", "aws_sso", null, null)),
                List.of(AWS, NIST), 9, uncovered, 3, false, List.of(
                new Recommendation(new Capability("aws", "aws_config", "AWS Config", null), 12, closes),
                new Recommendation(new Capability("nist_800_53", "AC-02", null, null), 6, notListed)));
        assertThat(table(report)).isEqualTo("""
                Gap  7 of 9 techniques used by G0016 APT29, S0154 Cobalt Strike (and their software) not covered
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
                 2  AC-02    (nist_800_53)
                    value 6 · closes 6 techniques: T1202 (1, minimal), T1203 (1, minimal), T1204 (1, minimal), T1205
                    (1, minimal), T1206 (1, minimal), T1207 (1, minimal)
                """);
    }

    @Test
    void aGapOfAllGroupsWithNothingToAdd() {
        GapReport all = new GapReport(List.of(APT29), true, false, List.of(), List.of(), 1, List.of(), 0, true,
                List.of());

        assertThat(table(all)).isEqualTo("""
                Gap  0 of 1 technique used by all 1 group not covered
                Have        nothing (--have FILE lists what you have)
                Sets        -

                Most used, uncovered, closable  0
                (none)

                Add next  nothing in the searched sets closes any of them
                """);
    }
}
