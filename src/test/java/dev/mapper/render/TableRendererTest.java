package dev.mapper.render;

import static dev.mapper.testing.Records.mapping;
import static dev.mapper.testing.Records.set;
import static dev.mapper.testing.Records.tactic;
import static dev.mapper.testing.Records.technique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mapper.model.Capability;
import dev.mapper.model.CapabilityList;
import dev.mapper.model.CapabilityReport;
import dev.mapper.model.Finding;
import dev.mapper.model.Finding.Severity;
import dev.mapper.model.FrameworkList;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingSet;
import dev.mapper.model.SearchHit;
import dev.mapper.model.SearchReport;
import dev.mapper.model.SelectionReport;
import dev.mapper.model.Tactic;
import dev.mapper.model.TacticList;
import dev.mapper.model.Technique;
import dev.mapper.model.TechniqueList;
import dev.mapper.model.TechniqueReport;
import dev.mapper.model.ValidationReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --format table} of each report, made by hand: what a person reads, line by line. */
class TableRendererTest {

    private static final MappingSet AWS = set("aws", "12.12.2024");
    private static final MappingSet VERIS = set("veris", "1.4.0");
    private static final Tactic CREDENTIAL_ACCESS = tactic("TA0006", "credential-access", "Credential Access", 7);
    private static final Tactic PERSISTENCE = tactic("TA0003", "persistence", "Persistence", 4);

    private static String table(dev.mapper.model.Report report) {
        return table(report, 80);
    }

    private static String table(dev.mapper.model.Report report, int width) {
        return report.accept(new TableRenderer(RenderOptions.plain(width)));
    }

    @Test
    void aTechniqueShowsItsAttackFactsDescriptionAndDetection() {
        Technique t = technique("T1078", "Valid Accounts").tactics("persistence", "credential-access")
                .platforms("IaaS", "SaaS").mitigation("M1032", "Multi-factor Authentication")
                .description("Adversaries may obtain and abuse credentials of existing accounts.\n\nSecond paragraph.")
                .detection("Look for logons at odd hours.").build();

        String out = table(new TechniqueReport(t, List.of(PERSISTENCE, CREDENTIAL_ACCESS), List.of(), List.of(), List.of(),
                List.of(AWS, VERIS)));

        assertThat(out).isEqualTo("""
                T1078  Valid Accounts
                Tactics     Persistence (TA0003), Credential Access (TA0006)
                Platforms   IaaS, SaaS
                URL         https://attack.mitre.org/techniques/T1078
                ATT&CK      Enterprise 16.1
                Mitigations M1032 Multi-factor Authentication

                Mappings  0 mappings from 0 frameworks (2 sets searched)

                  Adversaries may obtain and abuse credentials of existing accounts.
                  (1 more paragraph: --full shows them)

                Detection
                  Look for logons at odd hours.
                """);
    }

    @Test
    void aSubTechniqueNamesItsParentAndAnEmptyListIsADash() {
        Technique t = technique("T1078.004", "Cloud Accounts").build();

        String out = table(new TechniqueReport(t, List.of(), List.of(), List.of(), List.of(), List.of(AWS)));

        assertThat(out).contains("Tactics     -\nParent      T1078\nPlatforms   -\n")
                .doesNotContain("Mitigations").doesNotContain("Detection");
    }

    @Test
    void aRevokedOrDeprecatedTechniqueSaysSoFirst() {
        assertThat(table(new TechniqueReport(technique("T1000", "Old").revokedBy("T2000").build(), List.of(), List.of(),
                List.of(), List.of(), List.of()))).startsWith("T1000  Old\nRevoked     yes, by T2000\nTactics");
        assertThat(table(new TechniqueReport(technique("T1000", "Old").revokedBy(null).build(), List.of(), List.of(),
                List.of(), List.of(), List.of()))).startsWith("T1000  Old\nRevoked     yes\nTactics");
        assertThat(table(new TechniqueReport(technique("T1000", "Old").deprecated().build(), List.of(), List.of(),
                List.of(), List.of(), List.of()))).startsWith("T1000  Old\nDeprecated  yes\nTactics");
    }

    @Test
    void aTechniqueKnownOnlyFromMappingFilesSaysWhereItsNameComesFrom() {
        Technique t = technique("T9999", null).withoutAttackData().build();

        String out = table(new TechniqueReport(t, List.of(), List.of(), List.of(), List.of(), List.of(AWS)));

        assertThat(out).isEqualTo("""
                T9999  (no name)
                ATT&CK      no ATT&CK data loaded for this ID; name from the mapping files

                Mappings  0 mappings from 0 frameworks (1 sets searched)
                """);
    }

    @Test
    void mappingsAreGroupedBySetAndSubTechniqueWithTheirFacts() {
        Technique t = technique("T1078", "Valid Accounts").build();
        Technique cloud = technique("T1078.004", "Cloud Accounts").build();
        Mapping iam = mapping(AWS, "aws_iam", "T1078").description("AWS IAM").name("Valid Accounts")
                .score("protect", "significant").comments("Limits who can log on.")
                .references("https://example.com/iam").build();
        Mapping sameName = mapping(AWS, "aws_sso", "T1078").description("aws_sso").name("Valid accounts (old)")
                .type("related_to").build();
        Mapping veris = mapping(VERIS, "action.hacking", "T1078").type(null).build();
        Mapping sub = mapping(AWS, "aws_config", "T1078.004").description("AWS Config").name("Cloud Accounts")
                .build();

        String out = table(new TechniqueReport(t, List.of(), List.of(), List.of(cloud), List.of(iam, iam, sameName, veris, sub),
                List.of(AWS, VERIS)));

        assertThat(out).endsWith("""
                Mappings  5 mappings from 2 frameworks
                  aws    4  strongest significant · protect
                  veris  1

                aws  aws@12.12.2024@16.1 · aws.json
                  aws_iam  AWS IAM
                    Protect · protect · significant · x2: exact duplicates in the source file
                    Limits who can log on.
                    ref https://example.com/iam
                  aws_sso
                    related-to · mapped as "Valid accounts (old)"

                veris  veris@1.4.0@16.1 · veris.json
                  action.hacking
                    non-mappable

                Sub-technique T1078.004  Cloud Accounts

                aws  aws@12.12.2024@16.1 · aws.json
                  aws_config  AWS Config
                    Protect
                """);
    }

    @Test
    void aSetsMappingsAreShownUnderOneHeadingEvenWhenTheyDoNotComeTogether() {
        Technique t = technique("T1078", "Valid Accounts").build();
        Mapping iam = mapping(AWS, "aws_iam", "T1078").description("aws_iam").build();
        Mapping veris = mapping(VERIS, "action.hacking", "T1078").description("action.hacking").build();
        Mapping sso = mapping(AWS, "aws_sso", "T1078").description("aws_sso").build();

        String out = table(new TechniqueReport(t, List.of(), List.of(), List.of(), List.of(iam, veris, sso),
                List.of(AWS, VERIS)));

        assertThat(out).endsWith("""

                aws  aws@12.12.2024@16.1 · aws.json
                  aws_iam
                    Protect
                  aws_sso
                    Protect

                veris  veris@1.4.0@16.1 · veris.json
                  action.hacking
                    Protect
                """);
    }

    @Test
    void aCapabilityDescriptionTooLongForItsLineGoesUnderIt() {
        Technique t = technique("T1078", "Valid Accounts").build();
        String description = "A description long enough that it cannot stand beside the capability ID";
        Mapping m = mapping(AWS, "aws_identity_center", "T1078").description(description).build();
        TechniqueReport report = new TechniqueReport(t, List.of(), List.of(), List.of(), List.of(m), List.of(AWS));

        // "  aws_identity_center  " is 23 columns: the description (71) fits beside it from a width of 94.
        assertThat(table(report, 94)).contains("  aws_identity_center  " + description + "\n    Protect\n");
        assertThat(table(report, 93)).contains("  aws_identity_center\n    A description long enough that it"
                + " cannot stand beside the capability ID\n    Protect\n");
        assertThat(table(report, 60)).contains("  aws_identity_center\n    A description long enough that it cannot"
                + " stand beside\n    the capability ID\n    Protect\n");
    }

    @Test
    void aSelectionIsGroupedByTechniqueIncludingMappingsWithoutOne() {
        Technique t = technique("T1528", "Steal Application Access Token").build();
        Mapping m = mapping(AWS, "aws_iam", "T1528").build();
        Mapping none = mapping(AWS, "aws_waf", null).type("non_mappable").build();

        String out = table(new SelectionReport(List.of(m, none), List.of(AWS), Map.of("T1528", t), List.of()));

        assertThat(out).isEqualTo("""
                Mappings  2 mappings from 1 framework

                T1528  Steal Application Access Token

                aws  aws@12.12.2024@16.1 · aws.json
                  aws_iam
                    Protect

                (no technique)

                aws  aws@12.12.2024@16.1 · aws.json
                  aws_waf
                    non-mappable
                """);
    }

    @Test
    void aCapabilityShowsItsMappingsByTechnique() {
        Capability c = new Capability("aws", "aws_iam", "AWS IAM", "identity");
        Technique t = technique("T1528", "Steal Application Access Token").build();
        Mapping m = mapping(AWS, "aws_iam", "T1528").name("Steal Application Access Token").build();
        Mapping orphan = mapping(AWS, "aws_iam", null).type(null).build();

        String out = table(new CapabilityReport(c, List.of(t), List.of(m, orphan), List.of(AWS), List.of(AWS)));

        assertThat(out).isEqualTo("""
                aws_iam
                  AWS IAM

                Framework   aws
                Group       identity

                Mappings  2 mappings to 1 technique from 1 set

                aws  aws@12.12.2024@16.1 · aws.json
                  T1528  Steal Application Access Token
                    Protect
                  (no technique)
                    non-mappable
                """);
    }

    @Test
    void aCapabilityWithNoMappingInTheSetsSearchedSaysWhereItIs() {
        Capability c = new Capability("aws", "aws_iam", "aws_iam", "aws_iam");
        MappingSet older = set("aws", "01.01.2020");

        String out = table(new CapabilityReport(c, List.of(), List.of(), List.of(AWS, VERIS), List.of(older)));

        assertThat(out).isEqualTo("""
                aws_iam

                Framework   aws

                Mappings  none in the 2 sets searched
                  It is in aws@01.01.2020@16.1: try --all-versions, or fewer filters.
                """);
    }

    @Test
    void findingsReadLikeACompilersThenASummary() {
        ValidationReport report = new ValidationReport(List.of("a.json", "b.json"), List.of(
                new Finding("a.json", 3, 0, Severity.ERROR, "schema", "expected a string"),
                new Finding("a.json", 0, 0, Severity.WARNING, "unused-group", "group g is not used"),
                new Finding("b.json", 1, 9, Severity.WARNING, "unknown-technique", "T9999 is not in ATT&CK")));

        assertThat(table(report)).isEqualTo("""
                a.json:3:1: error: expected a string [schema]
                a.json: warning: group g is not used [unused-group]
                b.json:1:9: warning: T9999 is not in ATT&CK [unknown-technique]
                2 files checked: 1 error, 2 warnings
                """);
        assertThat(table(new ValidationReport(List.of("a.json"), List.of())))
                .isEqualTo("1 file checked: no problems\n");
    }

    @Test
    void searchHitsOfEachKindWithWhereTheyMatched() {
        Technique t = technique("T1528", "Steal Application Access Token").build();
        Technique revoked = technique("T1000", "Old").revokedBy("T1528").build();
        Technique deprecated = technique("T1001", "Older").deprecated().build();
        Capability c = new Capability("aws", "aws_iam", "AWS IAM", null);
        Mapping m = mapping(AWS, "aws_iam", "T1528").name("Steal Application Access Token")
                .comments("Tokens issued by IAM are short-lived and can be revoked").build();
        SearchReport report = new SearchReport("token", List.of(
                new SearchHit(SearchHit.Kind.TECHNIQUE, List.of("name"), 10, t, null, null, 3),
                new SearchHit(SearchHit.Kind.TECHNIQUE, List.of("name"), 9, revoked, null, null, 1),
                new SearchHit(SearchHit.Kind.TECHNIQUE, List.of("name"), 9, deprecated, null, null, 0),
                new SearchHit(SearchHit.Kind.CAPABILITY, List.of("capability_id", "capability_description"), 5,
                        null, c, null, 2),
                new SearchHit(SearchHit.Kind.MAPPING, List.of("comments"), 1, null, null, m, null)), 6);

        assertThat(table(report)).isEqualTo("""
                Search "token"  6 hits, the best 5 (--limit N for more)

                technique   T1528  Steal Application Access Token
                            matched name · 3 mappings
                technique   T1000  Old  (revoked)
                            matched name · 1 mapping
                technique   T1001  Older  (deprecated)
                            matched name · 0 mappings
                capability  aws_iam  AWS IAM  (aws)
                            matched capability_id, capability_description · 2 mappings
                mapping     aws_iam -> T1528  Steal Application Access Token
                            aws@12.12.2024@16.1 · comments: Tokens issued by IAM are short-live…
                """);
    }

    @Test
    void aMappingSnippetStartsShortlyBeforeTheQuery() {
        Mapping m = mapping(AWS, "aws_iam", "T1528")
                .comments("Some words come first, then the access tokens, then more").build();
        SearchReport report = new SearchReport("Tokens!", List.of(
                new SearchHit(SearchHit.Kind.MAPPING, List.of("comments"), 1, null, null, m, null)), 1);

        assertThat(table(report, 120)).isEqualTo("""
                Search "Tokens!"  1 hit

                mapping     aws_iam -> T1528
                            aws@12.12.2024@16.1 · comments: … the access tokens, then more
                """);
    }

    @Test
    void listingsAreAlignedTablesWithACount() {
        FrameworkList frameworks = new FrameworkList(List.of(new FrameworkList.Row(AWS, 12, true),
                new FrameworkList.Row(VERIS, 3, false)));
        assertThat(table(frameworks)).isEqualTo("""
                FRAMEWORK  VERSION     ATT&CK  DOMAIN      MAPPINGS  DEFAULT  SOURCE
                aws        12.12.2024  16.1    enterprise        12  yes      aws.json
                veris      1.4.0       16.1    enterprise         3           veris.json
                2 sets, 15 mappings
                """);

        CapabilityList capabilities = new CapabilityList(List.of(
                new CapabilityList.Row(new Capability("aws", "aws_iam", "AWS IAM", null), 1),
                new CapabilityList.Row(new Capability("veris", "action.x", "action.x", null), 2),
                new CapabilityList.Row(new Capability("veris", "action.y", null, null), 0)));
        assertThat(table(capabilities)).isEqualTo("""
                FRAMEWORK  MAPPINGS  CAPABILITY
                aws               1  aws_iam · AWS IAM
                veris             2  action.x
                veris             0  action.y
                3 capabilities, 3 mappings
                """);

        TechniqueList techniques = new TechniqueList(List.of(
                new TechniqueList.Row(technique("T1528", "Steal Application Access Token").build(), List.of(), 40),
                new TechniqueList.Row(technique("T1000", "Old").revokedBy("T1528").build(), List.of(), 1),
                new TechniqueList.Row(technique("T9999", null).withoutAttackData().build(), List.of(), 1)));
        assertThat(table(techniques)).isEqualTo("""
                ID     MAPPINGS  NAME
                T1528        40  Steal Application Access Token
                T1000         1  Old  (revoked)
                T9999         1
                3 techniques, 42 mappings
                """);

        TacticList tactics = new TacticList(List.of(new TacticList.Row(CREDENTIAL_ACCESS, 1, 40)));
        assertThat(table(tactics)).isEqualTo("""
                DOMAIN      ID      SHORTNAME          TECHNIQUES  MAPPINGS  NAME
                Enterprise  TA0006  credential-access           1        40  Credential Access
                1 tactic
                """);
    }

    @Test
    void colourIsAddedOnlyWhenAllowed() {
        TacticList tactics = new TacticList(List.of(new TacticList.Row(CREDENTIAL_ACCESS, 1, 1)));
        Technique t = technique("T1528", "Steal Application Access Token").build();
        TechniqueReport report = new TechniqueReport(t, List.of(), List.of(), List.of(), List.of(), List.of());

        String coloured = report.accept(new TableRenderer(new RenderOptions(80, Style.of(Style.Depth.BASIC))));

        assertThat(coloured).startsWith("\u001b[1mT1528  Steal Application Access Token\u001b[0m\n")
                .contains("\u001b[2mTactics     \u001b[0m-\n");
        assertThat(tactics.accept(new TableRenderer(new RenderOptions(80, Style.of(Style.Depth.BASIC))))).endsWith("\u001b[2m1 tactic\u001b[0m\n");
        assertThat(table(report)).doesNotContain("\u001b");
    }
}
