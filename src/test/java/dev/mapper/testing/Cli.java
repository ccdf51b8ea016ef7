package dev.mapper.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapper.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs mapper in-process as a user would from a shell, capturing exit code, stdout and stderr. */
public final class Cli {

    /** The result of one run. */
    public record Run(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    public static Run run(String... args) {
        return runWithInput("", args);
    }

    /** A run with {@code first} before the arguments: what every run of a test names, such as its data. */
    public static Run run(List<String> first, String... args) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    /** The document of a run with {@code --format json} added, which must succeed (else its stderr says why). */
    public static JsonNode json(List<String> first, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--format", "json"));
        Run run = run(first, all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Parsed.json(run.out());
    }

    /** A run whose stdin holds {@code stdin}. */
    public static Run runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }
}
