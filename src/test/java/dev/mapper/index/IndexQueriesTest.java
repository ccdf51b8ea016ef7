package dev.mapper.index;

import static dev.mapper.index.SmallIndex.AWS_NEW;
import static dev.mapper.index.SmallIndex.AWS_OLD;
import static dev.mapper.index.SmallIndex.VERIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mapper.model.Capability;
import dev.mapper.model.CapabilityList;
import dev.mapper.model.CapabilityReport;
import dev.mapper.model.LoadedData;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingFile;
import dev.mapper.model.SearchHit;
import dev.mapper.model.SearchReport;
import dev.mapper.model.TacticList;
import dev.mapper.model.Technique;
import java.util.ArrayList;
import dev.mapper.testing.Records;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The questions the index answers, on a small index made by hand (SmallIndex): which capability a query names,
 * how search ranks, which mapping file a set name means, what an ID unknown to ATT&CK is, and the values filters
 * can take.
 */
class IndexQueriesTest {

    private final MappingIndex index = SmallIndex.index();
    private static final SetSelection ALL = new SetSelection(true, null, null);

    private static List<String> hits(SearchReport report) {
        return report.results().stream().map(hit -> switch (hit.kind()) {
            case TECHNIQUE -> hit.technique().id();
            case CAPABILITY -> hit.capability().framework() + ":" + hit.capability().id();
            case MAPPING -> "mapping:" + hit.mapping().capabilityId() + "->" + hit.mapping().attackObjectId();
        }).toList();
    }

    // ---- search ---------------------------------------------------------------------------------------------------

    @Test
    void anExactIdRanksFirstThenAnExactNameThenWordsInANameThenInText() {
        SearchReport byId = index.search("T1528", ALL, MappingFilter.NONE, 10);
        assertThat(hits(byId)).first().isEqualTo("T1528");
        assertThat(byId.results().get(0).relevance()).isEqualTo(1000 + 5);
        assertThat(byId.results().get(0).matchedIn()).containsExactly("attack_object_id");

        SearchReport byName = index.search("valid accounts", ALL, MappingFilter.NONE, 10);
        assertThat(hits(byName)).containsExactly("T1078");
        assertThat(byName.results().get(0).relevance()).isEqualTo(900 + 5 + 5);

        SearchReport words = index.search("access token", ALL, MappingFilter.NONE, 10);
        // In a name, as a phrase: 400 + 100; in running text, as a phrase: 200 + 50; each exact word adds 5.
        assertThat(hits(words)).containsExactly("T1528", "mapping:aws_iam->T1528");
        assertThat(words.results().get(0).relevance()).isEqualTo(400 + 100 + 5 + 5);
        assertThat(words.results().get(0).matchedIn()).containsExactly("attack_object_name", "description");
        assertThat(words.results().get(1).relevance()).isEqualTo(200 + 50 + 5 + 5);
        assertThat(words.total()).isEqualTo(2);
    }

    @Test
    void wordsOutOfOrderMatchWithoutThePhraseBonusAndWordsSpreadOverFieldsRankLowest() {
        SearchReport reversed = index.search("token access", ALL, MappingFilter.NONE, 10);
        assertThat(reversed.results().get(0).relevance()).as("no phrase bonus").isEqualTo(400 + 5 + 5);

        SearchReport spread = index.search("t1528 adversaries", ALL, MappingFilter.NONE, 10);
        assertThat(hits(spread)).containsExactly("T1528");
        assertThat(spread.results().get(0).relevance()).isEqualTo(100 + 5 + 5);
    }

    @Test
    void aTermOfThreeLettersOrMoreMatchesWordsItStartsAndAShorterOneOnlyWholeWords() {
        assertThat(hits(index.search("acc", ALL, MappingFilter.NONE, 10))).contains("T1078", "T1078.004", "T1528");
        assertThat(index.search("acc", ALL, MappingFilter.NONE, 10).results().get(0).relevance())
                .as("in a name, and a phrase of one word, but not an exact word").isEqualTo(400 + 100);
        assertThat(hits(index.search("va", ALL, MappingFilter.NONE, 10))).as("not a prefix of valid").isEmpty();
        assertThat(hits(index.search("ac", ALL, MappingFilter.NONE, 10))).as("the word ac of AC-02 only")
                .containsExactly("veris:AC-02");
        assertThat(hits(index.search("ac 02", ALL, MappingFilter.NONE, 10))).containsExactly("veris:AC-02");
        assertThat(hits(index.search("", ALL, MappingFilter.NONE, 10))).isEmpty();
    }

    @Test
    void everyTermMustMatchSomewhereInTheDocument() {
        assertThat(hits(index.search("access nonexistentword", ALL, MappingFilter.NONE, 10))).isEmpty();
    }

    @Test
    void hitsAreLimitedButCountedAndFollowTheSetsAndFilters() {
        SearchReport limited = index.search("aws", ALL, MappingFilter.NONE, 2);
        assertThat(limited.results()).hasSize(2);
        assertThat(limited.total()).isEqualTo(4).as("aws_iam, aws_sso, aws_waf, aws_config");

        Capability iam = index.search("aws_iam", ALL, MappingFilter.NONE, 1).results().get(0).capability();
        assertThat(iam.id()).isEqualTo("aws_iam");
        assertThat(index.search("aws_iam", ALL, MappingFilter.NONE, 1).results().get(0).mappingCount())
                .as("in every set").isEqualTo(3);
        assertThat(index.search("aws_iam", SetSelection.NEWEST, MappingFilter.NONE, 1).results().get(0)
                .mappingCount()).as("in the newest set").isEqualTo(2);

        assertThat(hits(index.search("aws_config", SetSelection.NEWEST, MappingFilter.NONE, 5)))
                .as("only in a set not searched").isEmpty();
        assertThat(hits(index.search("cloud accounts", ALL, SmallIndex.frameworks("veris"), 5)))
                .as("no mapping passes the filter").isEmpty();
        assertThat(hits(index.search("exploit", ALL, MappingFilter.NONE, 5)))
                .as("a technique without mappings, when nothing is filtered").containsExactly("T1190");
        assertThat(hits(index.search("exploit", ALL, SmallIndex.frameworks("aws"), 5))).isEmpty();
        assertThat(hits(index.search("sign-ins", ALL, MappingFilter.NONE, 5)))
                .containsExactly("mapping:aws_sso->T1078.004");
        assertThat(hits(index.search("sign-ins", ALL, SmallIndex.frameworks("veris"), 5))).isEmpty();
        SearchHit hit = index.search("sign-ins", ALL, MappingFilter.NONE, 5).results().get(0);
        assertThat(hit.mappingCount()).isNull();
        assertThat(hit.matchedIn()).containsExactly("comments");
    }

    @Test
    void aTechniqueHitCountsItsMappingsThatPassTheFilter() {
        SearchHit valid = index.search("T1078", ALL, MappingFilter.NONE, 1).results().get(0);
        assertThat(valid.mappingCount()).isEqualTo(2);
        assertThat(index.search("T1078", ALL, SmallIndex.frameworks("aws"), 1).results().get(0).mappingCount())
                .isEqualTo(1);
    }

    // ---- capability ---------------------------------------------------------------------------------------------

    private Capability capability(String query) {
        return index.capabilityReport(query, ALL, MappingFilter.NONE).capability();
    }

    @Test
    void aCapabilityIsFoundByIdThenCaseThenPaddingThenDescriptionThenPart() {
        assertThat(capability("aws_iam").id()).isEqualTo("aws_iam");
        assertThat(capability("  AWS_SSO ").id()).isEqualTo("aws_sso");
        assertThat(capability("ac-2").id()).isEqualTo("AC-02");
        assertThat(capability("aws iam identity center").id()).isEqualTo("aws_sso");
        assertThat(capability("Brute").id()).isEqualTo("action.hacking.variety.Brute force");
        assertThat(capability("config").id()).isEqualTo("aws_config");
    }

    @Test
    void aCapabilityTakesItsNewestDescriptionAndItsMappingsInTheChosenSets() {
        CapabilityReport report = index.capabilityReport("aws_iam", SetSelection.NEWEST, MappingFilter.NONE);

        assertThat(report.capability().description()).isEqualTo("AWS Identity and Access Management");
        assertThat(report.capability().group()).isEqualTo("identity");
        assertThat(report.mappings()).as("by technique ID, not file order").extracting(Mapping::attackObjectId)
                .containsExactly("T1078", "T1528");
        assertThat(report.techniques()).extracting(Technique::id).containsExactly("T1078", "T1528");
        assertThat(report.knownIn()).containsExactly(AWS_NEW, AWS_OLD);
    }

    @Test
    void aQueryMatchingSeveralCapabilitiesListsThem() {
        assertThatThrownBy(() -> capability("aws"))
                .isInstanceOf(AmbiguousNameException.class)
                .hasMessage("'aws' matches 4 capabilities; give one of these IDs:\n"
                        + "  aws_config  AWS Config  (aws)\n"
                        + "  aws_iam  AWS Identity and Access Management  (aws)\n"
                        + "  aws_sso  AWS IAM Identity Center  (aws)\n"
                        + "  aws_waf  (aws)");
        assertThatThrownBy(() -> capability("a"))
                .isInstanceOf(AmbiguousNameException.class)
                .hasMessageContaining("; give one of these IDs (and --framework):");
        assertThatThrownBy(() -> index.capabilityReport("aws", ALL, SmallIndex.frameworks("veris")))
                .as("only the filter's frameworks are candidates").isInstanceOf(UnknownIdException.class);
    }

    @Test
    void anUnknownCapabilitySuggestsTheNearest() {
        assertThatThrownBy(() -> capability("aws_iamm"))
                .isInstanceOf(UnknownIdException.class)
                .hasMessage("unknown capability aws_iamm; did you mean aws_iam, aws_waf, aws_sso?")
                .extracting(e -> ((UnknownIdException) e).suggestions()).asList().hasSize(3);
        assertThat(catchUnknown(() -> capability("zzz")).id()).isEqualTo("zzz");
    }

    private static UnknownIdException catchUnknown(Runnable run) {
        try {
            run.run();
        } catch (UnknownIdException e) {
            return e;
        }
        throw new AssertionError("expected an UnknownIdException");
    }

    @Test
    void manyAmbiguousCandidatesAreListedUpToALimit() {
        List<String> candidates = new ArrayList<>();
        IntStream.rangeClosed(1, AmbiguousNameException.LISTED + 2).forEach(i -> candidates.add("c" + i));

        AmbiguousNameException e = new AmbiguousNameException("capability", "c", candidates, "narrow it");

        assertThat(e.getMessage()).startsWith("'c' matches 22 capabilities; narrow it:\n  c1\n")
                .contains("\n  c20\n  ... and 2 more").doesNotContain("c21");
        assertThat(e.candidates()).hasSize(22);
        assertThat(new AmbiguousNameException("mapping set", "x", List.of("a", "b"), "h").getMessage())
                .isEqualTo("'x' matches 2 mapping sets; h:\n  a\n  b");
    }

    // ---- sets, techniques, values ---------------------------------------------------------------------------------

    @Test
    void aSetNameMeansTheNewestFileOfThatFrameworkVersion() {
        assertThat(index.mappingFile("aws@12/12/2024").set()).isEqualTo(AWS_NEW);
        assertThat(index.mappingFile(" AWS@01/01/2024@15.1@Enterprise ").set()).isEqualTo(AWS_OLD);
        assertThat(index.mappingFile("veris@1.4.0@16.1").set()).isEqualTo(VERIS);
        assertThatThrownBy(() -> index.mappingFile("aws@12/12/2024@15.1")).isInstanceOf(UnknownIdException.class)
                .hasMessageContaining("did you mean aws@12/12/2024@16.1, aws@01/01/2024@15.1");
        assertThatThrownBy(() -> index.mappingFile("aws")).isInstanceOf(UnknownIdException.class);
        assertThatThrownBy(() -> index.mappingFile("a@b@c@d@e")).isInstanceOf(UnknownIdException.class);
        assertThatThrownBy(() -> index.mappingFile("gcp@1")).isInstanceOf(UnknownIdException.class)
                .hasMessageContaining("aws@12/12/2024@16.1").hasMessageContaining("veris@1.4.0@16.1");
        assertThatThrownBy(() -> index.mappingFile("aws@12/12/2024@16.1@mobile")).isInstanceOf(UnknownIdException.class);
    }

    @Test
    void theSameSetInTwoFilesIsAmbiguousByName() {
        MappingFile copy = new MappingFile(dev.mapper.testing.Records.set("aws", "12/12/2024", "16.1", "enterprise",
                "copy.json"), List.of());
        MappingIndex twice = new MappingIndex(new LoadedData(List.of(), List.of(SmallIndex.AWS_NEW_FILE, copy),
                List.of()));

        assertThatThrownBy(() -> twice.mappingFile("aws@12/12/2024")).isInstanceOf(AmbiguousNameException.class)
                .hasMessageContaining("aws-new.json").hasMessageContaining("copy.json")
                .hasMessageContaining("give the file path instead");
    }

    @Test
    void anIdKnownOnlyFromMappingFilesIsDescribedFromThem() {
        Technique brute = index.describe("t1110");
        assertThat(brute.id()).isEqualTo("T1110");
        assertThat(brute.name()).isEqualTo("Brute Force");
        assertThat(brute.stixId()).isNull();
        assertThat(brute.subtechnique()).isFalse();
        assertThat(brute.parentId()).isNull();

        Technique sub = index.describe("T1110.001");
        assertThat(sub.subtechnique()).isTrue();
        assertThat(sub.parentId()).isEqualTo("T1110");
        assertThat(sub.name()).isNull();
        assertThat(index.describe("T1528").stixId()).isEqualTo("attack-pattern--T1528");
    }

    @Test
    void theTechniquesWorthListingAreTheActiveOnesAndAnyAMappingPointsAt() {
        assertThat(index.techniqueIds()).containsExactly("T1000", "T1078", "T1078.004", "T1110", "T1190", "T1528");
        assertThat(index.knownIds()).contains("T1001", "T1110");
        assertThat(index.knows("t1001")).isTrue();
        assertThat(index.knows("T9999")).isFalse();
        assertThat(index.subtechniquesOf("T1078")).containsExactly("T1078.004");
    }

    @Test
    void filtersAreToldTheValuesTheLoadedDataHas() {
        assertThat(index.knownValues(FilterDimension.FRAMEWORK)).containsExactly("aws", "veris");
        assertThat(index.knownValues(FilterDimension.DOMAIN)).containsExactly("enterprise");
        assertThat(index.knownValues(FilterDimension.MAPPING_TYPE))
                .as("defined in the metadata (by key and by name), and used by a mapping with no technique")
                .containsExactly("non_mappable", "protect", "related-to", "related_to");
        assertThat(index.knownValues(FilterDimension.CATEGORY)).containsExactly("detect", "protect", "respond");
        assertThat(index.knownValues(FilterDimension.TACTIC)).contains("TA0006", "credential-access",
                "Credential Access", "persistence");
        assertThat(index.knownValues(FilterDimension.PLATFORM)).containsExactly("IaaS", "SaaS");
    }

    @Test
    void listingsCountOnlyTheChosenSetsAndTheFilteredTactics() {
        CapabilityList newest = index.listCapabilities(SetSelection.NEWEST, MappingFilter.NONE);
        assertThat(newest.rows()).extracting(row -> row.capability().id() + "=" + row.mappingCount())
                .as("aws_config is only in the older AWS set").doesNotContain("aws_config=1")
                .contains("aws_iam=2", "AC-02=1");

        TacticList tactics = index.listTactics(ALL, MappingFilter.NONE);
        assertThat(tactics.rows()).extracting(row -> row.tactic().id() + ":" + row.techniqueCount() + ":"
                + row.mappingCount()).as("matrix order; the deprecated technique is not counted")
                .containsExactly("TA0003:2:3", "TA0006:2:5");
        assertThat(index.listTactics(ALL, SmallIndex.tactics("enterprise/credential-access")).rows())
                .extracting(row -> row.tactic().id()).containsExactly("TA0006");
    }

    @Test
    void tacticAndPlatformFiltersNeedAttackData() {
        assertThat(index.techniqueReport("T1078", ALL, SmallIndex.platforms("iaas"), false).mappings())
                .hasSize(2);
        assertThat(index.techniqueReport("T1528", ALL, SmallIndex.platforms("iaas"), false).mappings()).isEmpty();
        assertThat(index.select(new Selection(java.util.Set.of(), java.util.Set.of("action.hacking.variety.Brute force")),
                ALL, SmallIndex.tactics("enterprise/persistence")).mappings()).as("T1110 has no ATT&CK data here").isEmpty();
        assertThat(index.techniqueReport("T1078", ALL, SmallIndex.tactics("enterprise/persistence"), true).mappings())
                .extracting(Mapping::attackObjectId).containsExactly("T1078", "T1078", "T1078.004");
    }
}
