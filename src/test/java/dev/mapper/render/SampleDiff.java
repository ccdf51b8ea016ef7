package dev.mapper.render;

import static dev.mapper.testing.Records.mapping;
import static dev.mapper.testing.Records.set;

import dev.mapper.model.AttackRelease;
import dev.mapper.model.DiffReport;
import dev.mapper.model.DiffReport.Item;
import dev.mapper.model.DiffReport.Kind;
import dev.mapper.model.DiffReport.TechniqueNote;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingField;
import dev.mapper.model.MappingSet;
import java.util.List;

/** A diff with an item of every kind and a note of every sort, for the renderers' tests. */
final class SampleDiff {

    static final MappingSet OLD = set("aws", "01.01.2024", "15.1", "enterprise", "old/aws.json");
    static final MappingSet NEW = set("aws", "12.12.2024", "16.1", "enterprise", "new/aws.json");

    static final Mapping ADDED = mapping(NEW, "aws_waf", "T1190").name("Exploit Public-Facing Application")
            .score("protect", "partial").build();
    static final Mapping REMOVED = mapping(OLD, "aws_shield", null).type("non_mappable").build();
    static final Mapping CHANGED_OLD = mapping(OLD, "aws_iam", "T1528").score("protect", "minimal")
            .comments("short").build();
    static final Mapping CHANGED_NEW = mapping(NEW, "aws_iam", "T1528").score("protect", "significant")
            .comments("A much longer comment that explains in some detail why the score went up this time").build();
    static final Mapping MOVED_OLD = mapping(OLD, "aws_config", "T1000").name("Old Name").build();
    static final Mapping MOVED_NEW = mapping(NEW, "aws_config", "T1528").name("Steal Application Access Token")
            .score("protect", "minimal").build();
    static final Mapping DUPLICATED = mapping(NEW, "aws_sso", "T1078").references().build();

    private SampleDiff() {
    }

    static DiffReport report(List<AttackRelease> releases) {
        return new DiffReport(OLD, 10, 0, NEW, 12, 2, 5, List.of(
                new Item(Kind.ADDED, "aws_waf", "T1190", "protect", null, List.of(), null, 0, ADDED, 2),
                new Item(Kind.REMOVED, "aws_shield", null, null, null, List.of(), REMOVED, 1, null, 0),
                new Item(Kind.CHANGED, "aws_iam", "T1528", "protect", null,
                        List.of(MappingField.SCORE_VALUE, MappingField.COMMENTS), CHANGED_OLD, 1, CHANGED_NEW, 1),
                new Item(Kind.MOVED, "aws_config", "T1528", null, "T1000", List.of(MappingField.ATTACK_OBJECT_NAME,
                        MappingField.SCORE_VALUE),
                        MOVED_OLD, 1, MOVED_NEW, 2),
                new Item(Kind.DUPLICATED, "aws_sso", "T1078", null, null, List.of(), DUPLICATED, 1, DUPLICATED, 3)),
                List.of(new TechniqueNote("T1190", null, "Exploit Public-Facing Application", "16.1", null, false)),
                List.of(new TechniqueNote("T1000", "Old Name", null, "16.1", "T1528", false)),
                List.of(new TechniqueNote("T1000", "Old Name", "New Name", "16.1", "T1528", false),
                        new TechniqueNote("T1001", null, null, "16.1", null, true)),
                releases);
    }
}
