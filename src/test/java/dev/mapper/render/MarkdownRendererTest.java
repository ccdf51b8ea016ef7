package dev.mapper.render;

import static dev.mapper.testing.Records.mapping;
import static dev.mapper.testing.Records.set;
import static dev.mapper.testing.Records.tactic;
import static dev.mapper.testing.Records.technique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mapper.model.AttackRelease;
import dev.mapper.model.Capability;
import dev.mapper.model.CapabilityList;
import dev.mapper.model.CapabilityReport;
import dev.mapper.model.Finding;
import dev.mapper.model.FrameworkList;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingSet;
import dev.mapper.model.Report;
import dev.mapper.model.SearchHit;
import dev.mapper.model.SearchReport;
import dev.mapper.model.SelectionReport;
import dev.mapper.model.Tactic;
import dev.mapper.model.TacticList;
import dev.mapper.model.Technique;
import dev.mapper.model.TechniqueList;
import dev.mapper.model.TechniqueReport;
import dev.mapper.model.ValidationReport;
import dev.mapper.testing.Records;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --format markdown} of each report, made by hand: headings, facts, and tables a wiki renders as data. */
class MarkdownRendererTest {

    private static final MappingSet AWS = set("aws", "12.12.2024");
    private static final Tactic CREDENTIAL_ACCESS = tactic("TA0006", "credential-access", "Credential Access", 7);
    private static final String MAPPING_HEADER = """
            | Technique | Framework | Set | Capability | Description | Type | Category | Score | Comments |
            |---|---|---|---|---|---|---|---|---|
            """;

    private static String markdown(Report report) {
        return report.accept(new MarkdownRenderer(RenderOptions.Detail.NORMAL));
    }

    @Test
    void aTechniqueHasItsFactsAndOneRowPerMapping() {
        Technique t = technique("T1528", "Steal Application Access Token").tactics("credential-access")
                .platforms("SaaS", "IaaS").build();
        Mapping m = mapping(AWS, "aws_iam", "T1528").description("AWS IAM").score("protect", "significant")
                .comments("Short-lived | rotated").build();
        Mapping none = mapping(AWS, "aws_waf", "T1528").type("non_mappable").build();

        assertThat(markdown(new TechniqueReport(t, List.of(CREDENTIAL_ACCESS), List.of(), List.of(), List.of(m, none),
                List.of(AWS)))).isEqualTo("""
                # T1528 Steal Application Access Token

                - **Tactics**: Credential Access (TA0006)
                - **Platforms**: SaaS, IaaS
                - **ATT&CK**: Enterprise 16.1
                - **Mitigations**: -
                - **Detection strategies**: -
                - **URL**: <https://attack.mitre.org/techniques/T1528>

                ## Summary

                | Framework | Mappings | Strongest score | Categories or types |
                |---|---:|---|---|
                | aws | 2 | significant | protect |

                ## Mappings (2)

                """ + MAPPING_HEADER + """
                | T1528 | aws | aws@12.12.2024@16.1 | aws\\_iam | AWS IAM | protect | protect | significant | Short-lived \\| rotated |
                | T1528 | aws | aws@12.12.2024@16.1 | aws\\_waf |  | non-mappable |  |  |  |
                """);
    }

    @Test
    void aTechniqueWithoutAttackDataOrRevokedSaysSo() {
        Technique unknown = technique("T9999", "From a mapping file").withoutAttackData().build();
        Technique revoked = technique("T1000", "Old").revokedBy("T1528").build();
        Technique revokedAlone = technique("T1001", "Older").revokedBy(null).build();

        assertThat(markdown(new TechniqueReport(unknown, List.of(), List.of(), List.of(), List.of(), List.of())))
                .startsWith("# T9999 From a mapping file\n\n"
                        + "- **ATT&CK**: no ATT\\&CK data loaded for this ID; name from the mapping files\n\n")
                .contains("\n## Mappings (0)\n");
        assertThat(markdown(new TechniqueReport(revoked, List.of(), List.of(), List.of(), List.of(), List.of())))
                .contains("- **Revoked**: yes, by T1528\n");
        assertThat(markdown(new TechniqueReport(revokedAlone, List.of(), List.of(), List.of(), List.of(), List.of())))
                .contains("- **Revoked**: yes\n").contains("- **Tactics**: -\n");
    }

    @Test
    void onlyAUrlThatCanStandInAnAutolinkIsLinked() {
        Technique t = technique("T1528", "Name").url("https://example.com/a b>").build();

        assertThat(markdown(new TechniqueReport(t, List.of(), List.of(), List.of(), List.of(), List.of()))).doesNotContain("URL");
    }

    @Test
    void dataCannotAddMarkupLinksOrCells() {
        assertThat(MarkdownRenderer.escape("[x](javascript:alert(1)) <b>*bold*</b> | #1 !`code` ~~s~~ & \\"))
                .isEqualTo("\\[x\\](javascript:alert(1)) \\<b\\>\\*bold\\*\\</b\\> \\| \\#1 \\!\\`code\\` \\~\\~s\\~\\~"
                        + " \\& \\\\");
        assertThat(MarkdownRenderer.escape("two\nlines\u001b")).isEqualTo("two lines\\\\u001b");
        assertThat(MarkdownRenderer.escape("plain_text")).isEqualTo("plain\\_text");
    }

    @Test
    void aDiffHasASummaryNotesAndOneRowPerDifference() {
        AttackRelease release = Records.release("enterprise", "16.1", List.of(), List.of());

        assertThat(markdown(SampleDiff.report(List.of(release)))).isEqualTo("""
                # aws@01.01.2024@15.1 → aws@12.12.2024@16.1

                - **Old**: old/aws.json · 10 mappings
                - **New**: new/aws.json · 12 mappings
                - **ATT&CK**: Enterprise 16.1

                ## Summary

                | Kind | Count |
                |---|---|
                | added | 1 |
                | removed | 1 |
                | changed | 1 |
                | moved | 1 |
                | duplicated | 1 |
                | unchanged | 5 |

                - **Changed fields**: score\\_value 2, attack\\_object\\_name 1, comments 1
                - **Coverage gained**: T1190
                - **Coverage lost**: T1000

                ## Techniques

                - **T1000**: renamed "Old Name" → "New Name"; revoked by T1528 in ATT\\&CK 16.1
                - **T1001**: deprecated in ATT\\&CK 16.1

                ## Differences (5)

                | Kind | Capability | Technique | Category | Fields | Old | New |
                |---|---|---|---|---|---|---|
                | added | aws\\_waf | T1190 | protect |  |  | protect · partial (x2) |
                | removed | aws\\_shield |  |  |  | non-mappable |  |
                | changed | aws\\_iam | T1528 | protect | score\\_value, comments | score\\_value: minimal; comments: short | score\\_value: significant; comments: A much longer comment that explains in some detail why the score went up this time |
                | moved | aws\\_config | T1000 → T1528 |  | attack\\_object\\_name, score\\_value | attack\\_object\\_name: Old Name; score\\_value: null | attack\\_object\\_name: Steal Application Access Token; score\\_value: minimal (x2) |
                | duplicated | aws\\_sso | T1078 |  |  | protect | protect (x3) |
                """);
    }

    @Test
    void aDiffWithNothingToSayLeavesItsFactsEmptyAndNoTechniqueSection() {
        String out = markdown(new dev.mapper.model.DiffReport(SampleDiff.OLD, 1, 0, SampleDiff.NEW, 1, 0, 1,
                List.of(), List.of(), List.of(), List.of(), List.of()));

        assertThat(out).contains("- **ATT&CK**: -\n").contains("- **Changed fields**: -\n")
                .contains("- **Coverage gained**: -\n").doesNotContain("## Techniques").contains("## Differences (0)");
    }

    @Test
    void aSelectionListsItsSetsThenTheMappings() {
        Mapping m = mapping(AWS, "aws_iam", "T1528").build();
        MappingSet veris = set("veris", "1.4.0");

        assertThat(markdown(new SelectionReport(List.of(m), List.of(AWS, veris), Map.of(), List.of())))
                .isEqualTo("# Mappings (1)\n\n- **Mapping sets**: aws@12.12.2024@16.1, veris@1.4.0@16.1\n\n"
                        + MAPPING_HEADER
                        + "| T1528 | aws | aws@12.12.2024@16.1 | aws\\_iam |  | protect |  |  |  |\n");
    }

    @Test
    void aCapabilityIsHeadedByItsIdAndDescription() {
        Mapping m = mapping(AWS, "aws_iam", "T1528").build();
        Capability described = new Capability("aws", "aws_iam", "AWS IAM", null);
        Capability bare = new Capability("aws", "aws_iam", "aws_iam", null);
        Capability nameless = new Capability("aws", "aws_iam", null, null);

        assertThat(markdown(new CapabilityReport(described, List.of(), List.of(m), List.of(AWS), List.of(AWS))))
                .isEqualTo("# aws\\_iam AWS IAM\n\n- **Framework**: aws\n- **Mapping sets**: aws@12.12.2024@16.1\n\n"
                        + "## Mappings (1)\n\n" + MAPPING_HEADER
                        + "| T1528 | aws | aws@12.12.2024@16.1 | aws\\_iam |  | protect |  |  |  |\n");
        assertThat(markdown(new CapabilityReport(bare, List.of(), List.of(), List.of(), List.of())))
                .startsWith("# aws\\_iam\n\n");
        assertThat(markdown(new CapabilityReport(nameless, List.of(), List.of(), List.of(), List.of())))
                .startsWith("# aws\\_iam\n\n");
    }

    @Test
    void searchHitsAreOneRowEach() {
        Technique t = technique("T1528", "Steal Application Access Token").build();
        Technique unnamed = technique("T9999", null).withoutAttackData().build();
        Mapping m = mapping(AWS, "aws_iam", "T1528").comments("tokens").build();
        Mapping bare = mapping(AWS, null, null).build();

        assertThat(markdown(new SearchReport("token", List.of(
                new SearchHit(SearchHit.Kind.TECHNIQUE, List.of("name"), 3, t, null, null, 40),
                new SearchHit(SearchHit.Kind.TECHNIQUE, List.of("attack_object_id"), 2, unnamed, null, null, 1),
                new SearchHit(SearchHit.Kind.CAPABILITY, List.of("capability_id"), 2, null,
                        new Capability("aws", "aws_iam", null, null), null, 2),
                new SearchHit(SearchHit.Kind.MAPPING, List.of("comments"), 1, null, null, m, null),
                new SearchHit(SearchHit.Kind.MAPPING, List.of("comments"), 1, null, null, bare, null)), 5)))
                .isEqualTo("""
                        # Search: token (5 hits)

                        | Kind | Hit | Matched in | Mappings |
                        |---|---|---|---|
                        | technique | T1528 Steal Application Access Token | name | 40 |
                        | technique | T9999 | attack\\_object\\_id | 1 |
                        | capability | aws\\_iam (aws) | capability\\_id | 2 |
                        | mapping | aws\\_iam -\\> T1528 (aws@12.12.2024@16.1) | comments |  |
                        | mapping | -\\>  (aws@12.12.2024@16.1) | comments |  |
                        """);
        assertThat(markdown(new SearchReport("x", List.of(), 1))).startsWith("# Search: x (1 hit)\n");
    }

    @Test
    void listingsAreTables() {
        assertThat(markdown(new FrameworkList(List.of(new FrameworkList.Row(AWS, 12, true),
                new FrameworkList.Row(set("veris", "1.4.0"), 3, false))))).isEqualTo("""
                # Mapping sets (2)

                | Framework | Version | ATT&CK | Domain | Mappings | Default | Source |
                |---|---|---|---|---|---|---|
                | aws | 12.12.2024 | 16.1 | enterprise | 12 | yes | aws.json |
                | veris | 1.4.0 | 16.1 | enterprise | 3 |  | veris.json |
                """);
        assertThat(markdown(new CapabilityList(List.of(
                new CapabilityList.Row(new Capability("aws", "aws_iam", "AWS IAM", null), 1),
                new CapabilityList.Row(new Capability("aws", "aws_waf", null, null), 0))))).isEqualTo("""
                # Capabilities (2)

                | Framework | Capability | Description | Mappings |
                |---|---|---|---|
                | aws | aws\\_iam | AWS IAM | 1 |
                | aws | aws\\_waf |  | 0 |
                """);
        assertThat(markdown(new TechniqueList(List.of(
                new TechniqueList.Row(technique("T1528", "Steal Application Access Token").build(),
                        List.of(CREDENTIAL_ACCESS, tactic("TA0003", "persistence", "Persistence", 4)), 40),
                new TechniqueList.Row(technique("T9999", null).withoutAttackData().build(), List.of(), 1)))))
                .isEqualTo("""
                        # Techniques (2)

                        | ID | Name | Tactics | Mappings |
                        |---|---|---|---|
                        | T1528 | Steal Application Access Token | Credential Access, Persistence | 40 |
                        | T9999 |  |  | 1 |
                        """);
        assertThat(markdown(new TacticList(List.of(new TacticList.Row(CREDENTIAL_ACCESS, 2, 40))))).isEqualTo("""
                # Tactics (1)

                | Domain | ID | Name | Shortname | Techniques | Mappings |
                |---|---|---|---|---|---|
                | Enterprise | TA0006 | Credential Access | credential-access | 2 | 40 |
                """);
    }

    @Test
    void findingsAreATableWithCounts() {
        assertThat(markdown(new ValidationReport(List.of("a.json", "b.json"), List.of(
                new Finding("a.json", 3, 7, Finding.Severity.ERROR, "schema", "expected a <string>"),
                new Finding("b.json", 0, 0, Finding.Severity.WARNING, "unused-group", "group g is unused")))))
                .isEqualTo("""
                        # Validation

                        - **Files checked**: 2
                        - **Errors**: 1
                        - **Warnings**: 1

                        | File | Line | Column | Severity | Rule | Message |
                        |---|---|---|---|---|---|
                        | a.json | 3 | 7 | error | schema | expected a \\<string\\> |
                        | b.json | 0 | 0 | warning | unused-group | group g is unused |
                        """);
    }
}
