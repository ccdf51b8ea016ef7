package dev.mapper.model;

import static dev.mapper.testing.Records.mapping;
import static dev.mapper.testing.Records.set;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact duplicates as the table folds them and validate warns of them: {@link Mapping#withCopies}. */
class MappingCopiesTest {

    private static final MappingSet AWS = set("aws", "12/12/2024");

    @Test
    void exactDuplicatesAreGroupedUnderTheirFirstCopyInFileOrder() {
        Mapping a = mapping(AWS, "aws_iam", "T1528").line(10).score("protect", "partial").build();
        Mapping b = mapping(AWS, "aws_sso", "T1528").line(20).build();
        Mapping aAgain = mapping(AWS, "aws_iam", "T1528").line(30).score("protect", "partial").build();
        Mapping aOnceMore = mapping(AWS, "aws_iam", "T1528").line(40).score("protect", "partial").build();

        List<List<Mapping>> groups = Mapping.withCopies(List.of(a, b, aAgain, aOnceMore));

        assertThat(groups).extracting(g -> g.get(0).line(), List::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(10, 3), org.assertj.core.groups.Tuple.tuple(20, 1));
        assertThat(groups.get(0)).extracting(Mapping::line).containsExactly(10, 30, 40);
    }

    @Test
    void mappingsThatShareCapabilityTechniqueAndCommentsButDifferElsewhereStayApart() {
        Mapping partial = mapping(AWS, "aws_iam", "T1528").comments("same").score("protect", "partial").build();
        Mapping minimal = mapping(AWS, "aws_iam", "T1528").comments("same").score("protect", "minimal").build();
        Mapping detect = mapping(AWS, "aws_iam", "T1528").comments("same").score("detect", "partial").build();

        assertThat(Mapping.withCopies(List.of(partial, minimal, detect))).hasSize(3).allSatisfy(g -> assertThat(g).hasSize(1));
    }

    @Test
    void groupsComeInTheOrderOfTheirFirstCopyWhateverTheirContent() {
        List<Mapping> mappings = List.of(
                mapping(AWS, "zz_last_by_name", "T1528").line(1).build(),
                mapping(AWS, "aa_first_by_name", "T1078").line(2).build(),
                mapping(AWS, "zz_last_by_name", "T1528").line(3).build(),
                mapping(AWS, "mm_middle", "T1190").line(4).build(),
                mapping(AWS, "aa_first_by_name", "T1078").line(5).build());

        assertThat(Mapping.withCopies(mappings)).extracting(g -> g.get(0).line(), List::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 2), org.assertj.core.groups.Tuple.tuple(2, 2),
                        org.assertj.core.groups.Tuple.tuple(4, 1));
        assertThat(Mapping.withCopies(List.of())).isEmpty();
    }
}
