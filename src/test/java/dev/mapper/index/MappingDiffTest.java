package dev.mapper.index;

import static dev.mapper.testing.Records.mapping;
import static dev.mapper.testing.Records.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mapper.model.DiffReport;
import dev.mapper.model.DiffReport.Item;
import dev.mapper.model.DiffReport.Kind;
import dev.mapper.model.DiffReport.TechniqueNote;
import dev.mapper.model.MappingField;
import dev.mapper.model.MappingFile;
import dev.mapper.model.MappingSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code diff} on two small files against the hand-made ATT&CK data of SmallIndex (T1000 revoked by T1528, T1001
 * deprecated): coverage gained and lost, the notes on the techniques involved, and how variants pair up.
 */
class MappingDiffTest {

    private static final MappingSet OLD = set("aws", "01/01/2024", "15.1", "enterprise", "old.json");
    private static final MappingSet NEW = set("aws", "12/12/2024", "16.1", "enterprise", "new.json");

    @Test
    void coverageGainedAndLostAndWhatAttackSaysOfTheTechniquesInvolved() {
        MappingFile oldFile = new MappingFile(OLD, List.of(
                mapping(OLD, "aws_iam", "T1000").name("Old Technique").build(),
                mapping(OLD, "aws_x", "T1001").name("Deprecated Technique").build(),
                mapping(OLD, "aws_y", "T1190").name("Exploit Public-Facing Application").build(),
                mapping(OLD, "aws_z", "T1078").type("non_mappable").build(),
                mapping(OLD, "aws_same", "T1078.004").name("Cloud Accounts").build()));
        MappingFile newFile = new MappingFile(NEW, List.of(
                mapping(NEW, "aws_iam", "T1528").name("Steal Application Access Token").build(),
                mapping(NEW, "aws_y", "T1190").name("Exploit Public Application").build(),
                mapping(NEW, "aws_w", "T1110").name("Brute Force").build(),
                mapping(NEW, "aws_same", "T1078.004").name("Cloud Accounts").build()));

        DiffReport report = MappingDiff.diff(oldFile, newFile, SmallIndex.index());

        assertThat(report.coverageGained()).extracting(TechniqueNote::id).containsExactly("T1110", "T1528");
        assertThat(report.coverageGained().get(0).newName()).isEqualTo("Brute Force");
        assertThat(report.coverageLost()).extracting(TechniqueNote::id).containsExactly("T1000", "T1001");
        assertThat(report.coverageLost().get(0).oldName()).isEqualTo("Old Technique");
        assertThat(report.coverageLost().get(0).revokedBy()).isEqualTo("T1528");
        assertThat(report.techniques()).as("renamed, revoked or deprecated only")
                .extracting(TechniqueNote::id).containsExactly("T1000", "T1001", "T1190");
        TechniqueNote renamed = report.techniques().get(2);
        assertThat(renamed.renamed()).isTrue();
        assertThat(renamed.attackVersion()).isEqualTo("16.1");
        assertThat(report.techniques().get(1).deprecated()).isTrue();
        assertThat(report.items()).extracting(Item::kind)
                .containsExactly(Kind.ADDED, Kind.REMOVED, Kind.REMOVED, Kind.CHANGED, Kind.MOVED);
        Item moved = report.items().get(4);
        assertThat(moved.movedFrom()).isEqualTo("T1000");
        assertThat(moved.attackObjectId()).isEqualTo("T1528");
        assertThat(report.unchanged()).isEqualTo(1);
        assertThat(report.attackReleases()).hasSize(1);
    }

    @Test
    void ofTwoEquallyCloseVariantsTheFirstInTheFilePairsAndTheOtherIsRemoved() {
        MappingFile oldFile = new MappingFile(OLD, List.of(
                mapping(OLD, "aws_iam", "T1528").score("protect", "partial").comments("a").build(),
                mapping(OLD, "aws_iam", "T1528").score("protect", "minimal").comments("n").build()));
        MappingFile newFile = new MappingFile(NEW, List.of(
                mapping(NEW, "aws_iam", "T1528").score("protect", "partial").comments("n").build()));

        DiffReport report = MappingDiff.diff(oldFile, newFile, SmallIndex.index());

        assertThat(report.items()).extracting(Item::kind).containsExactly(Kind.REMOVED, Kind.CHANGED);
        Item changed = report.items().get(1);
        assertThat(changed.oldMapping().comments()).isEqualTo("a");
        assertThat(changed.fields()).containsExactly(MappingField.COMMENTS);
        assertThat(report.items().get(0).oldMapping().comments()).isEqualTo("n");
    }

    @Test
    void theClosestVariantsPairWhateverTheirOrder() {
        MappingFile oldFile = new MappingFile(OLD, List.of(
                mapping(OLD, "aws_iam", "T1528").score("protect", "minimal").comments("far").build(),
                mapping(OLD, "aws_iam", "T1528").score("protect", "partial").comments("near").build()));
        MappingFile newFile = new MappingFile(NEW, List.of(
                mapping(NEW, "aws_iam", "T1528").score("protect", "partial").comments("near, edited").build()));

        DiffReport report = MappingDiff.diff(oldFile, newFile, SmallIndex.index());

        Item changed = report.items().stream().filter(i -> i.kind() == Kind.CHANGED).findFirst().orElseThrow();
        assertThat(changed.oldMapping().comments()).isEqualTo("near");
        assertThat(report.items()).filteredOn(i -> i.kind() == Kind.REMOVED).singleElement()
                .extracting(i -> i.oldMapping().comments()).isEqualTo("far");
    }
}
