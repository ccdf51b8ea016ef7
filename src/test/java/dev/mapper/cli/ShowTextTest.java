package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapper.testing.AttackBundle;
import dev.mapper.testing.Cli;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ATT&CK's text made readable: citations as footnotes with a References list, links as text, lists wrapped whole. */
class ShowTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DESCRIPTION = "Adversaries steal tokens.(Citation: Src A) Tools such as "
            + "[Mimikatz](https://attack.mitre.org/software/S0002) help.(Citation: Src B)(Citation: Src A)\n\n"
            + "A second paragraph.(Citation: Src C)";

    @TempDir
    static Path dir;

    private static String bundle;

    @BeforeAll
    static void fixture() {
        AttackBundle b = AttackBundle.of("enterprise", "18.1")
                .credentialAccess()
                .technique("T1528", "Steal Application Access Token")
                .describe("T1528", DESCRIPTION)
                .cites("T1528", "Src A", "https://a.example/paper", "A.")
                .cites("T1528", "Src B", "https://b.example/(x)", "B.")
                .cites("T1528", "Src C", null, "C, with no URL.");
        for (String id : List.of("M1013", "M1015", "M1017", "M1018", "M1026", "M1027", "M1032", "M1036")) {
            b.mitigation(id, "Mitigation Named " + id + " At Some Length").mitigates(id, "T1528");
        }
        bundle = b.write(dir.resolve("attack.json")).toString();
    }

    private static Cli.Run show(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--data";
        all[1] = bundle;
        all[2] = "show";
        all[3] = "T1528";
        System.arraycopy(args, 0, all, 4, args.length);
        return Cli.run(all);
    }

    @Test
    void citationsAreNumberedFootnotesWithTheirSourcesListed() {
        String out = show().out();

        assertThat(out).doesNotContain("(Citation:", "](https")
                .contains("Adversaries steal tokens.[1] Tools such as Mimikatz[2] help.[3][1]")
                .contains("  References\n"
                        + "  [1] Src A\n"
                        + "      https://a.example/paper\n"
                        + "  [2] Mimikatz\n"
                        + "      https://attack.mitre.org/software/S0002\n"
                        + "  [3] Src B\n"
                        + "      https://b.example/(x)\n");
        assertThat(out).as("only the shown paragraph's sources").doesNotContain("Src C", "A second paragraph");
    }

    @Test
    void fullListsTheSourcesOfEveryParagraph() {
        String out = show("--full").out();

        assertThat(out).contains("A second paragraph.[4]", "  [4] Src C\n\n");
    }

    @Test
    void markdownHasRealLinksAndAReferencesList() {
        String md = show("-f", "markdown").out();

        assertThat(md).contains("## Description\n\nAdversaries steal tokens.[\\[1\\]](<https://a.example/paper>) "
                        + "Tools such as [Mimikatz](<https://attack.mitre.org/software/S0002>) help."
                        + "[\\[3\\]](<https://b.example/(x)>)[\\[1\\]](<https://a.example/paper>)",
                "A second paragraph.\\[4\\]",
                "### References\n\n1. [Src A](<https://a.example/paper>)\n2. [Mimikatz](<https://attack.mitre.org/software/S0002>)\n",
                "4. Src C\n");
    }

    @Test
    void jsonKeepsTheTextAsPublishedWithItsReferences() throws Exception {
        JsonNode t = JSON.readTree(show("-f", "json").out()).path("technique");

        assertThat(t.path("description").asText()).isEqualTo(DESCRIPTION);
        assertThat(t.path("references")).hasSize(3);
        assertThat(t.path("references").get(1).path("url").asText()).isEqualTo("https://b.example/(x)");
        assertThat(t.path("references").get(2).path("url").isNull()).isTrue();
    }

    @Test
    void theMitigationsLineWrapsBetweenMitigationsNeverInsideOne() {
        List<String> lines = show().out().lines().toList();
        int start = lines.indexOf(lines.stream().filter(l -> l.startsWith("Mitigations")).findFirst().orElseThrow());
        String block = String.join("\n", lines.subList(start, start + 8));

        for (String id : List.of("M1013", "M1015", "M1017", "M1018", "M1026", "M1027", "M1032", "M1036")) {
            assertThat(block).as(id).contains(id + " Mitigation Named " + id + " At Some Length");
        }
        lines.forEach(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
    }
}
