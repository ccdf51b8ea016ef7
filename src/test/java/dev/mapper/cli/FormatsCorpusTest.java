package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mapper.testing.Cli;
import dev.mapper.testing.Corpus;
import dev.mapper.testing.Parsed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every format over the corpus parses back into as many mappings as the files hold (counted independently). */
class FormatsCorpusTest {

    private static long expected;

    @BeforeAll
    static void countIndependently() {
        expected = Corpus.count(Corpus.allFiles(), "T1078", true);
    }

    private static String show(String format) {
        Cli.Run run = Cli.run("--data", Corpus.root().toString(), "show", "T1078", "--all-versions", "-f", format);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    @Test
    void everyFormatHasEveryMapping() {
        assertThat(expected).isGreaterThan(1000);
        assertThat(Parsed.json(show("json")).path("mappings")).hasSize((int) expected);
        assertThat(Parsed.jsonLines(show("jsonl"))).hasSize((int) expected);
        assertThat(Parsed.yaml(show("yaml")).path("mappings")).hasSize((int) expected);
        assertThat(Parsed.delimited(show("csv"), ',')).hasSize((int) expected);
        assertThat(Parsed.delimited(show("tsv"), '\t')).hasSize((int) expected);
        assertThat(Parsed.markdownRows(show("markdown"))).isEqualTo(expected);
    }
}
