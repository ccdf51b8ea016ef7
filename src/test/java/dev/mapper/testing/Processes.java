package dev.mapper.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mapper.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs mapper in a new JVM, as from a shell, with the test's classpath. */
public final class Processes {

    private Processes() {
    }

    /**
     * mapper with the environment's variables replaced as {@code env} says (a null value unsets one) and
     * MAPPER_DATA unset; {@code wrapper} comes before the java command (e.g. {@code bash -c 'ulimit -f 64; exec "$@"'}).
     */
    public static Cli.Run mapper(Map<String, String> env, List<String> wrapper, String... args)
            throws IOException, InterruptedException {
        ProcessBuilder builder = builder(env, wrapper, args);
        Path err = Files.createTempFile("mapper-err", ".txt");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished: %s", builder.command()).isTrue();
        String errText = Files.readString(err);
        Files.delete(err);
        return new Cli.Run(process.exitValue(), out, errText);
    }

    /** mapper started with {@code args}, its stdout and stderr discarded, for a test to signal while it runs. */
    public static Process start(String... args) throws IOException {
        return builder(Map.of(), List.of(), args).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static ProcessBuilder builder(Map<String, String> env, List<String> wrapper, String... args) {
        List<String> command = Stream.of(wrapper.stream(), Stream.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()), Stream.of(args)).flatMap(s -> s).toList();
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("MAPPER_DATA");
        env.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        return builder;
    }

    /**
     * mapper as bash runs it in {@code script}, where {@code "$@"} is the mapper command with {@code args}; in
     * {@code dir}, with its output redirected as a shell user would ({@code "$@" > /dev/full}, {@code "$@" >&-},
     * {@code "$@" | head -1}). Skips the calling test, with the reason, where there is no bash.
     */
    public static Cli.Run inBash(Path dir, String script, String... args) throws IOException, InterruptedException {
        Bash.assumeAvailable();
        return mapper(Map.of(), List.of("bash", "-c", "cd \"$0\" || exit 99; " + script, dir.toString()), args);
    }
}
