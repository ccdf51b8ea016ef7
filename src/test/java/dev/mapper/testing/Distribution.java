package dev.mapper.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The archive {@code mvn package} builds, unpacked as a user would, and commands run as a shell runs them: for the
 * {@code *IT} tests, which run in the verify phase, after package.
 */
public final class Distribution {

    /** The result of one command. */
    public record Run(int exitCode, String out, String err) {
    }

    private Distribution() {
    }

    /** Unpacks the archive into {@code dir}; returns the unpacked {@code mapper-VERSION} directory. */
    public static Path unpack(Path dir) throws Exception {
        Path archive = Path.of(System.getProperty("mapper.dist", "target/mapper.tar.gz"));
        assertThat(archive).as("the archive mvn package builds").isRegularFile();
        assertThat(run(dir, Map.of(), "tar", "-xzf", archive.toAbsolutePath().toString()).exitCode()).isZero();
        return dir.resolve("mapper-" + System.getProperty("mapper.version"));
    }

    /** Runs a command in {@code cwd} with {@code env} added to this environment (less MAPPER_DATA). */
    public static Run run(Path cwd, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
        builder.environment().remove("MAPPER_DATA");
        builder.environment().putAll(env);
        Path err = Files.createTempFile("mapper-err", ".txt");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished: %s", List.of(command)).isTrue();
        String errText = Files.readString(err);
        Files.delete(err);
        return new Run(process.exitValue(), out, errText);
    }
}
