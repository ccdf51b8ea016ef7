package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.mapper.testing.Cli;
import dev.mapper.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What a newcomer sees in the docs is what mapper prints: every transcript in README.md and docs/*.md (a fenced block
 * line {@code $ mapper ARGS}, followed by the output it shows) is run, and its output compared with the block's.
 * A line {@code …} or {@code ...} in the block stands for lines left out, and {@code …} inside a line for text left
 * out there. Lines that start with {@code mapper: }, and indented lines after them, are stderr's (each must be
 * printed there, in that order; a terminal interleaves the two streams), the others stdout's. {@code $ echo $?} after a command shows its exit code. Commands on {@code ~/attack-data} (the docs'
 * name for a directory of the official files) run on the corpus, and are skipped without it; commands with a pipe,
 * a redirection or a variable are not run here.
 */
class DocsTranscriptTest {

    private static final String ATTACK_DATA = "~/attack-data";
    private static final Pattern SHELL = Pattern.compile("[|<>;&$`]");

    /** One {@code $ mapper} line of a doc, the output shown under it, and the exit code shown, if any. */
    record Transcript(String where, List<String> args, List<String> shown, Integer exitCode) {
    }

    @TestFactory
    Stream<DynamicTest> everyTranscriptOfTheDocsIsWhatMapperPrints() throws IOException {
        List<Transcript> transcripts = new ArrayList<>();
        for (Path doc : docs()) {
            transcripts.addAll(transcripts(doc));
        }
        assertThat(transcripts).as("transcripts found in the docs").hasSizeGreaterThan(5);
        return transcripts.stream().map(t -> DynamicTest.dynamicTest(t.where() + ": mapper " + String.join(" ",
                t.args()), () -> check(t)));
    }

    @Test
    void theTranscriptReaderSplitsCommandsOutputsAndExitCodes() throws IOException {
        Path doc = Files.createTempFile("doc", ".md");
        Files.writeString(doc, "text\n\n```\n$ mapper show 'a b' \"c\" d\nline one\n…\n$ echo $?\n3\n"
                + "$ mapper show T1528 | jq .\nignored\n```\n\n```sh\n$ mapper list frameworks\n```\n");
        List<Transcript> found = transcripts(doc);

        assertThat(found).hasSize(2);
        assertThat(found.get(0).args()).containsExactly("show", "a b", "c", "d");
        assertThat(found.get(0).shown()).containsExactly("line one", "…");
        assertThat(found.get(0).exitCode()).isEqualTo(3);
        assertThat(found.get(1).args()).containsExactly("list", "frameworks");
        assertThat(matches(List.of("a", "b c d", "e"), List.of("…", "b…d", "e"))).isTrue();
        assertThat(matches(List.of("a", "b c d", "e"), List.of("b…d", "e"))).as("from the first line").isFalse();
        assertThat(matches(List.of("a", "b", "c"), List.of("a", "c"))).as("shown lines are consecutive").isFalse();
        assertThat(matches(List.of("a", "b", "c"), List.of("a", "…", "c"))).isTrue();
        assertThat(matches(List.of("a"), List.of())).as("nothing shown: nothing printed").isFalse();
        assertThat(inOrder(List.of("x", "y", "z"), List.of("x", "z"))).isTrue();
        assertThat(inOrder(List.of("x", "y", "z"), List.of("z", "x"))).isFalse();
        Files.delete(doc);
    }

    private static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    static List<Transcript> transcripts(Path doc) throws IOException {
        List<String> lines = Files.readAllLines(doc);
        List<Transcript> found = new ArrayList<>();
        boolean inBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (!inBlock || !line.startsWith("$ mapper ") || SHELL.matcher(line.substring(2)).find()) {
                continue;
            }
            List<String> shown = new ArrayList<>();
            Integer exitCode = null;
            int j = i + 1;
            for (; j < lines.size() && !lines.get(j).startsWith("```") && !lines.get(j).startsWith("$ "); j++) {
                shown.add(lines.get(j));
            }
            if (j + 1 < lines.size() && lines.get(j).equals("$ echo $?")) {
                exitCode = Integer.parseInt(lines.get(j + 1).strip());
            }
            found.add(new Transcript(doc + ":" + (i + 1), words(line.substring("$ mapper ".length())), shown,
                    exitCode));
        }
        return found;
    }

    /** The words of a command line as a POSIX shell splits them (quotes, no expansions but {@code ~/attack-data}). */
    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : command.strip().toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (c == ' ') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    private static void check(Transcript t) throws IOException {
        List<String> args = new ArrayList<>();
        for (String arg : t.args()) {
            args.add(arg.startsWith(ATTACK_DATA) ? Corpus.root() + arg.substring(ATTACK_DATA.length())
                    : arg.endsWith(".json") && !Files.exists(Path.of(arg)) ? officialFile(arg).toString() : arg);
        }
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        List<String> shownOut = new ArrayList<>();
        List<String> shownErr = new ArrayList<>();
        boolean stderr = false; // an indented line continues the stream of the line before it
        for (String line : t.shown()) {
            stderr = line.startsWith("mapper: ") || stderr && line.startsWith(" ");
            (stderr ? shownErr : shownOut).add(line);
        }
        List<String> out = run.out().lines().toList();
        List<String> err = run.err().lines().toList();
        if (!matches(out, shownOut) || !inOrder(err, shownErr)) {
            fail("%s: the docs show%n%s%nbut mapper printed on stderr%n%s%nand on stdout (the first 40 lines)%n%s",
                    t.where(), String.join("\n", t.shown()), run.err(),
                    String.join("\n", out.subList(0, Math.min(40, out.size()))));
        }
        if (t.exitCode() != null) {
            assertThat(run.exitCode()).as("%s: exit code", t.where()).isEqualTo(t.exitCode());
        }
    }

    /** An official file the docs name by its published name, from the corpus (skipped without it). */
    private static Path officialFile(String name) throws IOException {
        try (Stream<Path> files = Files.walk(Corpus.root())) {
            return files.filter(p -> p.getFileName().toString().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " is neither a file nor one of the official files"));
        }
    }

    /** Whether each shown line matches a printed one, in the order shown (stderr: the lines the docs pick out). */
    static boolean inOrder(List<String> printed, List<String> shown) {
        int at = 0;
        for (String line : shown) {
            Pattern pattern = pattern(line);
            while (at < printed.size() && !pattern.matcher(printed.get(at)).matches()) {
                at++;
            }
            if (at == printed.size()) {
                return false;
            }
            at++;
        }
        return true;
    }

    /**
     * Whether the shown lines are in the printed ones, in order: each run of shown lines between gaps ({@code …} or
     * {@code ...} alone) as consecutive lines, the first run from the first line and the last to the last unless a
     * gap is there.
     */
    static boolean matches(List<String> printed, List<String> shown) {
        List<List<Pattern>> runs = new ArrayList<>();
        runs.add(new ArrayList<>());
        for (String line : shown) {
            if (line.strip().equals("…") || line.strip().equals("...")) {
                runs.add(new ArrayList<>());
            } else {
                runs.get(runs.size() - 1).add(pattern(line));
            }
        }
        int at = 0;
        for (int r = 0; r < runs.size(); r++) {
            List<Pattern> run = runs.get(r);
            boolean anchoredStart = r == 0;
            boolean anchoredEnd = r == runs.size() - 1;
            int found = -1;
            for (int start = at; start + run.size() <= printed.size(); start++) {
                if ((!anchoredStart || start == 0) && (!anchoredEnd || start + run.size() == printed.size())
                        && runMatches(printed, start, run)) {
                    found = start;
                    break;
                }
            }
            if (found < 0) {
                return false;
            }
            at = found + run.size();
        }
        return true;
    }

    private static boolean runMatches(List<String> printed, int start, List<Pattern> run) {
        for (int k = 0; k < run.size(); k++) {
            if (!run.get(k).matcher(printed.get(start + k)).matches()) {
                return false;
            }
        }
        return true;
    }

    /** A shown line as a pattern: exact, but {@code …} stands for any text. */
    private static Pattern pattern(String line) {
        StringBuilder regex = new StringBuilder();
        String[] parts = line.split("…", -1);
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }
}
