package dev.mapper.render;

import static dev.mapper.testing.Records.mapping;
import static dev.mapper.testing.Records.set;
import static dev.mapper.testing.Records.technique;

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
import dev.mapper.model.Score;
import dev.mapper.model.Software;
import dev.mapper.model.Technique;
import dev.mapper.model.TechniqueUse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reports about ATT&CK objects besides techniques, made by hand for the renderers' tests: a piece of software, a
 * revoked group, a campaign, a mitigation, a detection strategy, and two gaps.
 */
final class SampleAttackObjects {

    static final MappingSet AWS = set("aws", "12.12.2024");
    static final MappingSet NIST = set("nist_800_53", "rev5");

    static final Technique VALID_ACCOUNTS = technique("T1078", "Valid Accounts").build();
    static final Technique PHISHING = technique("T1566", "Phishing").build();
    static final Technique OLD = technique("T1000", "Old Technique").revokedBy("T1078").build();

    static final Group APT29 = new Group("G0016", "intrusion-set--1", "APT29", "A group.",
            List.of("APT29", "Cozy Bear"), "https://attack.mitre.org/groups/G0016", List.of("enterprise-attack"),
            false, null, false);
    static final Campaign SOLARWINDS = new Campaign("C0024", "campaign--1", "SolarWinds Compromise",
            "A campaign.", List.of(), null, List.of("enterprise-attack"), "2019-08", null, false, null, false);
    static final Software COBALT_STRIKE = new Software("S0154", "tool--1", "tool", "Cobalt Strike",
            "A commercial adversary simulation tool.", List.of("Cobalt Strike", "Beacon"), null,
            List.of("enterprise-attack"), List.of("Windows", "Linux"), false, null, false);

    private SampleAttackObjects() {
    }

    /**
     * Cobalt Strike: Valid Accounts (used as the revoked T1000; covered by three AWS capabilities, the strongest
     * score of each, and four NIST controls) with its own procedure and one by APT29; Phishing, not covered.
     */
    static AdversaryReport software() {
        List<Mapping> accounts = List.of(
                mapping(AWS, "aws_iam", "T1078").score("protect", "minimal").build(),
                mapping(AWS, "aws_iam", "T1078").score("protect", "significant").build(),
                mapping(AWS, "aws_sso", "T1078").score("protect", "significant").build(),
                mapping(AWS, "aws_sso", "T1078").score("protect", "partial").build(),
                mapping(AWS, "aws_config", "T1078").build(),
                mapping(AWS, "aws_config", "T1078").score("protect", "partial").build(),
                mapping(NIST, "AC-02", "T1078").build(), mapping(NIST, "AC-03", "T1078").build(),
                mapping(NIST, "AC-06", "T1078").build(), mapping(NIST, "IA-02", "T1078").build());
        return new AdversaryReport(COBALT_STRIKE, false, List.of(
                new TechniqueUse(VALID_ACCOUNTS, List.of("T1000"), List.of(new Procedure(COBALT_STRIKE,
                        "Cobalt Strike can use known credentials."), new Procedure(APT29, null))),
                new TechniqueUse(PHISHING, List.of(), List.of())),
                List.of(), List.of(SOLARWINDS), List.of(APT29), List.of(AWS, NIST), Map.of("T1078", accounts));
    }

    /** A revoked and deprecated group with a blank description, its techniques with its campaigns' and software's. */
    static AdversaryReport revokedGroup() {
        Group revoked = new Group("G0099", "intrusion-set--2", "Old Group", "  ", List.of("Old Group"), null,
                List.of(), true, "G0016", true);
        return new AdversaryReport(revoked, true, List.of(new TechniqueUse(OLD, List.of(), List.of()),
                new TechniqueUse(PHISHING, List.of(), List.of())), List.of(COBALT_STRIKE), List.of(SOLARWINDS),
                List.of(), List.of(), Map.of());
    }

    static AdversaryReport campaign() {
        return new AdversaryReport(SOLARWINDS, false, List.of(), List.of(), List.of(), List.of(APT29), List.of(AWS),
                Map.of());
    }

    static DefenseReport mitigation() {
        Mitigation mfa = new Mitigation("M1032", "course-of-action--1", "Multi-factor Authentication",
                "Use two or more pieces of evidence.", "https://attack.mitre.org/mitigations/M1032",
                List.of("enterprise-attack"), false, null, false);
        return new DefenseReport(mfa, List.of(VALID_ACCOUNTS, PHISHING));
    }

    /** Two analytics: one with a description and two logs (one naming nothing), one with neither. */
    static DefenseReport detectionStrategy() {
        DetectionStrategy strategy = new DetectionStrategy("DET0001", "x-mitre-detection-strategy--1",
                "Logons at odd hours", null, List.of("enterprise-attack"), false, null, false, List.of(
                new Analytic("AN0001", "Windows logons", "Look at logon events.", List.of("Windows"), List.of(
                        new LogSource("User Account Authentication", "WinEventLog:Security", "EventCode=4624"),
                        new LogSource(null, null, null))),
                new Analytic("AN0002", "Linux logons", null, List.of("Linux", "macOS"), List.of())));
        return new DefenseReport(strategy, List.of(VALID_ACCOUNTS));
    }

    /**
     * APT29 and Cobalt Strike (with their software) leave 7 of 9 techniques uncovered, 3 of them listed. The first
     * pick closes all seven, the second six others, none of those listed.
     */
    static GapReport gap() {
        List<Technique> seven = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            seven.add(technique("T110" + i, "Technique " + i).build());
        }
        List<GapTechnique> uncovered = seven.stream().map(t -> new GapTechnique(t, List.of("G0016", "G0007"),
                t.id().equals("T1107") ? 0 : 1)).toList();
        List<Closed> closes = seven.stream().map(t -> new Closed(t, t.id().equals("T1101") ? null : Score.PARTIAL,
                2)).toList();
        List<Closed> notListed = seven.subList(1, 7).stream().map(t -> new Closed(
                technique(t.id().replace("T11", "T12"), "Other").build(), Score.MINIMAL, 1)).toList();
        return new GapReport(List.of(APT29, COBALT_STRIKE), false, true,
                List.of(new Capability("aws", "aws_iam", "IAM", null), new Capability("aws", "aws_sso", null, null)),
                List.of(AWS, NIST), 9, uncovered, 3, false, List.of(
                new Recommendation(new Capability("aws", "aws_config", "AWS Config", null), 12, closes),
                new Recommendation(new Capability("nist_800_53", "AC-02", null, null), 6, notListed)));
    }

    /** Every group (there is one), nothing had, no set searched, nothing uncovered. */
    static GapReport gapOfAllGroups() {
        return new GapReport(List.of(APT29), true, false, List.of(), List.of(), 1, List.of(), 0, true, List.of());
    }
}
