package dev.mapper.cli;

import static dev.mapper.testing.MappingFiles.mappingOfT1528;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mapper.testing.Cli;
import dev.mapper.testing.Cli.Run;
import dev.mapper.testing.Corpus;
import dev.mapper.testing.MappingFiles;
import dev.mapper.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache of loaded files as a user meets it: mapper in its own process, the cache directory from the
 * environment. A warm run prints what a cold one printed; {@code --no-cache} writes nothing; a cache directory
 * that cannot be made changes nothing and says nothing.
 */
class CacheTest {

    @TempDir
    Path dir;

    /** mapper in a new JVM, as from a shell, with the environment's MAPPER_CACHE_DIR replaced (null: unset). */
    private static Run mapper(Path cacheDir, String... args) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>();
        env.put("MAPPER_CACHE_DIR", cacheDir == null ? null : cacheDir.toString());
        return mapper(env, args);
    }

    private static Run mapper(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return Processes.mapper(env, List.of(), args);
    }

    private static long entries(Path cacheDir) throws IOException {
        if (!Files.isDirectory(cacheDir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".cache")).count();
        }
    }

    private Path mappingFile() throws IOException {
        Path file = dir.resolve("set.json");
        MappingFiles.file("test").add(mappingOfT1528("cap-1").rawFields(", \"x_extra\": [1, {\"a\": null}]"),
                mappingOfT1528("cap-2").score("protect", "partial")).write(file);
        return file;
    }

    @Test
    void aWarmRunPrintsWhatAColdRunPrinted() throws Exception {
        Path cache = dir.resolve("cache");
        String data = mappingFile().toString();

        Run cold = mapper(cache, "--data", data, "show", "T1528", "--format", "json");
        long written = entries(cache);
        Run warm = mapper(cache, "--data", data, "show", "T1528", "--format", "json");
        Run parsed = mapper(cache, "--no-cache", "--data", data, "show", "T1528", "--format", "json");

        assertThat(cold.exitCode()).as(cold.err()).isZero();
        assertThat(written).as("the file and the 3 bundled ones").isEqualTo(4);
        assertThat(warm).isEqualTo(cold).isEqualTo(parsed);
        assertThat(warm.out()).contains("\"cap-1\"", "\"cap-2\"", "aws_identity_and_access_management");
        assertThat(warm.err()).isEmpty();
    }

    @Test
    void theCorpusShowsTheSameColdAndWarm() throws Exception {
        String corpus = Corpus.root().toString();
        Path cache = dir.resolve("cache");

        Run cold = mapper(cache, "--data", corpus, "show", "T1528", "--format", "json");
        Run warm = mapper(cache, "--data", corpus, "show", "T1528", "--format", "json");

        assertThat(cold.exitCode()).as(cold.err()).isZero();
        assertThat(entries(cache)).as("24 mapping files, the ATT&CK bundle, the schema file (not data), 3 bundled files")
                .isEqualTo(29);
        assertThat(warm).isEqualTo(cold);
        assertThat(warm.err()).as("the JSON Schema beside the mapping files is skipped without a word").isEmpty();
        assertThat(warm.out()).contains("\"T1528\"", "\"mappings\"");
    }

    @Test
    void noCacheWritesNothing() throws Exception {
        Path cache = dir.resolve("cache");
        String data = mappingFile().toString();

        Run run = mapper(cache, "--data", data, "--no-cache", "show", "T1528");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(cache).doesNotExist();

        mapper(cache, "show", "T1528", "--data", data);
        assertThat(entries(cache)).isEqualTo(4);
    }

    @Test
    void versionReadsTheBundledDataThroughTheCacheUnlessNoCache() throws Exception {
        Path cache = dir.resolve("cache");

        Run cold = mapper(cache, "--version");
        long written = entries(cache);
        Run warm = mapper(cache, "--version");
        Run parsed = mapper(dir.resolve("unused"), "--no-cache", "--version");

        assertThat(cold.exitCode()).as(cold.err()).isZero();
        assertThat(written).as("the 3 bundled files").isEqualTo(3);
        assertThat(warm).isEqualTo(cold).isEqualTo(parsed);
        assertThat(warm.out()).contains("bundled ATT&CK: Enterprise 16.1");
        assertThat(dir.resolve("unused")).doesNotExist();
    }

    @Test
    void aCacheDirectoryThatCannotBeMadeChangesNothingAndSaysNothing() throws Exception {
        Path blocker = dir.resolve("a-file");
        Files.writeString(blocker, "in the way");
        String data = mappingFile().toString();

        Run run = mapper(blocker.resolve("cache"), "--data", data, "show", "T1528", "--format", "json");

        assertThat(run).isEqualTo(mapper(dir.resolve("cache"), "--no-cache", "--data", data, "show", "T1528",
                "--format", "json"));
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void withoutMapperCacheDirTheCacheIsUnderXdgCacheHomeElseHome() throws Exception {
        Path xdg = dir.resolve("xdg");
        Path home = dir.resolve("home");
        Map<String, String> env = new HashMap<>();
        env.put("MAPPER_CACHE_DIR", null);
        env.put("HOME", home.toString());

        env.put("XDG_CACHE_HOME", xdg.toString());
        assertThat(mapper(env, "show", "T1528").exitCode()).isZero();
        env.put("XDG_CACHE_HOME", null);
        assertThat(mapper(env, "show", "T1528").exitCode()).isZero();

        assertThat(entries(xdg.resolve("mapper"))).isEqualTo(3);
        assertThat(entries(home.resolve(".cache/mapper"))).isEqualTo(3);
    }

    @Test
    void theCacheDirectoryComesFromTheEnvironmentInThisOrder() {
        Map<String, String> env = new HashMap<>();
        assertThat(DataOptions.cacheDirectory(env::get)).isNull();
        env.put("HOME", "/home/u");
        assertThat(DataOptions.cacheDirectory(env::get)).isEqualTo(Path.of("/home/u/.cache/mapper"));
        env.put("XDG_CACHE_HOME", "relative/is/ignored");
        assertThat(DataOptions.cacheDirectory(env::get)).isEqualTo(Path.of("/home/u/.cache/mapper"));
        env.put("XDG_CACHE_HOME", "/xdg");
        assertThat(DataOptions.cacheDirectory(env::get)).isEqualTo(Path.of("/xdg/mapper"));
        env.put("MAPPER_CACHE_DIR", "/mine");
        assertThat(DataOptions.cacheDirectory(env::get)).isEqualTo(Path.of("/mine"));
        env.put("MAPPER_CACHE_DIR", " ");
        assertThat(DataOptions.cacheDirectory(env::get)).isEqualTo(Path.of("/xdg/mapper"));
    }

    @Test
    void helpExplainsNoCache() {
        Cli.Run run = Cli.run("--help");

        assertThat(run.out()).contains("--no-cache", "cache of loaded files", "MAPPER_CACHE_DIR");
    }
}
