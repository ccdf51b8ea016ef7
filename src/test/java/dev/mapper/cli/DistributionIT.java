package dev.mapper.cli;

import static dev.mapper.testing.Distribution.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mapper.testing.Bash;
import dev.mapper.testing.Distribution;
import dev.mapper.testing.Distribution.Run;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The archive {@code mvn package} builds, unpacked into a temporary directory as a user would, and used from
 * there: the launcher, the completion script and the man pages. Runs in the verify phase, after package.
 */
class DistributionIT {

    @TempDir
    static Path unpacked;

    static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        home = Distribution.unpack(unpacked);
    }

    @Test
    void showRunsFromTheUnpackedArchive(@TempDir Path elsewhere) throws Exception {
        Run run = run(elsewhere, Map.of(), home.resolve("bin/mapper").toString(), "show", "T1528");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("T1528  Steal Application Access Token", "aws_identity_and_access_management");
    }

    @Test
    void versionIsTheReleaseAndTheBundledData() throws Exception {
        Run run = run(unpacked, Map.of(), home.resolve("bin/mapper").toString(), "--version");

        assertThat(run.out()).startsWith("mapper " + System.getProperty("mapper.version") + "\n")
                .contains("bundled ATT&CK: Enterprise 16.1", "bundled mappings: aws@12/12/2024@16.1");
    }

    @Test
    void aSymlinkToTheLauncherFindsTheJar(@TempDir Path bin) throws Exception {
        Path link = Files.createSymbolicLink(bin.resolve("mapper"), home.resolve("bin/mapper"));

        assertThat(run(bin, Map.of(), link.toString(), "show", "T1528").exitCode()).isZero();
    }

    @Test
    void withoutJavaTheLauncherSaysWhatIsMissing(@TempDir Path tools) throws Exception {
        Run run = run(tools, Map.of("PATH", toolsButJava(tools), "JAVA_HOME", "/nonexistent"),
                "/bin/sh", home.resolve("bin/mapper").toString(), "show", "T1528");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("needs Java 17 or newer", "JAVA_HOME (/nonexistent) has no bin/java",
                "no java on PATH");
    }

    @Test
    void anOldJavaIsNamedWithItsVersion(@TempDir Path jdk, @TempDir Path tools) throws Exception {
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"1.8.0_292\"\n");
        Path java = Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\nexit 1\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        Map<String, String> env = Map.of("JAVA_HOME", jdk.toString(), "PATH", jdk.resolve("bin") + ":" + toolsButJava(tools));

        Run run = run(jdk, env, "/bin/sh", home.resolve("bin/mapper").toString(), "show", "T1528");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(run.err()).contains("JAVA_HOME (" + jdk + ") is Java 8", "java on PATH (" + java + ") is Java 8");
    }

    @Test
    void theJvmsOwnWarningsNeverReachStdout() throws Exception {
        // The serial collector and a heap under the launcher's 64 MB young generation: the JVM notes the shrink.
        // Unified logging writes warnings to stdout by default, before the JSON a script reads.
        Run run = run(unpacked, Map.of("MAPPER_JAVA_OPTS", "-XX:+UseSerialGC -Xmx48m"),
                home.resolve("bin/mapper").toString(), "show", "T1528", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("{").doesNotContain("[warning]");
        assertThat(run.err()).as("the shrink is the launcher's doing: not worth a word").isEmpty();
    }

    /** The matrix's code (query, pictures, report) is loaded by matrix only: show does not pay for it at start-up. */
    @Test
    void showLoadsNoMatrixCode() throws Exception {
        List<String> matrixClasses = List.of("dev.mapper.index.MatrixQuery", "dev.mapper.model.MatrixReport",
                "dev.mapper.render.MatrixTable", "dev.mapper.render.HtmlRenderer", "dev.mapper.render.MatrixPalette");
        Map<String, String> classLog = Map.of("MAPPER_JAVA_OPTS", "-Xlog:class+load=info:stderr");
        for (String format : List.of("table", "json")) {
            Run show = run(unpacked, classLog, home.resolve("bin/mapper").toString(), "show", "T1528", "-f", format);
            assertThat(show.exitCode()).isZero();
            assertThat(show.err()).contains("dev.mapper.cli.ShowCommand ");
            matrixClasses.forEach(name -> assertThat(show.err()).doesNotContain(name + " "));
        }
        Run matrix = run(unpacked, classLog, home.resolve("bin/mapper").toString(), "matrix");
        assertThat(matrix.exitCode()).isZero();
        assertThat(matrix.err()).contains("dev.mapper.index.MatrixQuery ", "dev.mapper.render.MatrixTable ");
    }

    /**
     * The runs a start-up is judged by (a bundled show as a table and as JSON, from the cache; --help; --version)
     * load no class of work they do not do: the network and the data home's installer, the other commands' queries
     * and pictures, YAML and CSV, Jackson's ObjectMapper; --help and --version no subcommand's options. Every name
     * is a class that exists, so that a renamed one fails here instead of passing unnoticed.
     */
    @Test
    void startUpRunsLoadNothingTheyDoNotUse(@TempDir Path dir) throws Exception {
        List<String> unused = List.of("java.net.http.HttpClient", "dev.mapper.pull.Downloader",
                "dev.mapper.pull.Installer", "dev.mapper.pull.Manifest", "dev.mapper.pull.Catalog",
                "dev.mapper.pull.SourceList", "dev.mapper.index.MatrixQuery", "dev.mapper.index.Gap",
                "dev.mapper.index.Crosswalk", "dev.mapper.index.Coverage", "dev.mapper.index.MappingDiff",
                "dev.mapper.index.SearchIndex", "dev.mapper.index.AttackObjectIndex", "dev.mapper.index.Capabilities",
                "dev.mapper.load.Validation", "dev.mapper.load.MappingFileReader", "dev.mapper.render.HtmlRenderer",
                "dev.mapper.render.MarkdownRenderer", "dev.mapper.render.YamlRenderer",
                "com.fasterxml.jackson.dataformat.yaml.YAMLFactory", "com.fasterxml.jackson.dataformat.csv.CsvMapper",
                "org.yaml.snakeyaml.Yaml", "com.fasterxml.jackson.databind.ObjectMapper");
        List<String> options = List.of("dev.mapper.cli.FilterOptions", "dev.mapper.cli.SetOptions",
                "dev.mapper.cli.TerminalOptions", "dev.mapper.cli.OutputTarget");
        for (String name : Stream.concat(unused.stream(), options.stream()).toList()) {
            assertThat(Class.forName(name, false, getClass().getClassLoader())).as(name).isNotNull();
        }
        Map<String, String> env = Map.of("MAPPER_JAVA_OPTS", "-Xlog:class+load=info:stderr",
                "MAPPER_CACHE_DIR", dir.resolve("cache").toString(), "MAPPER_DATA_HOME", dir.resolve("home").toString());
        String launcher = home.resolve("bin/mapper").toString();
        assertThat(run(dir, env, launcher, "show", "T1528").exitCode()).as("fills the cache").isZero();

        for (List<String> args : List.of(List.of("show", "T1528"), List.of("show", "T1528", "-f", "json"),
                List.of("--help"), List.of("--version"))) {
            Run run = run(dir, env, Stream.concat(Stream.of(launcher), args.stream()).toArray(String[]::new));
            assertThat(run.exitCode()).as("%s: %s", args, run.err()).isZero();
            assertThat(run.err()).as("the class log of %s", args).contains("dev.mapper.cli.MapperCommand ");
            List<String> loaded = run.err().lines().map(line -> line.split(" ")).filter(words -> words.length > 1)
                    .map(words -> words[1]).toList();
            assertThat(loaded).as("%s loads", args).doesNotContainAnyElementsOf(unused);
            if (args.get(0).startsWith("--")) {
                assertThat(loaded).as("%s loads", args).doesNotContainAnyElementsOf(options);
            } else {
                assertThat(loaded).as("%s loads", args).containsAll(options);
            }
        }
    }

    /**
     * The archive ships the bundled sample as files, which load with --data like any official download; and a run on
     * files (the directory walk and the parallel reads of every run on real data) takes those classes from the
     * class-data archive, which the launcher trains on the sample.
     */
    @Test
    void aRunOnFilesGivenWithDataTakesItsClassesFromTheArchive(@TempDir Path dir) throws Exception {
        Path sample = home.resolve("data");
        assertThat(sample.resolve("mappings/aws-12.12.2024_attack-16.1-enterprise-T1528.json")).isRegularFile();
        assertThat(sample.resolve("attack/enterprise-attack-16.1-T1528.json")).isRegularFile();
        Map<String, String> env = Map.of("MAPPER_JAVA_OPTS", "-Xlog:class+load=info:stderr",
                "MAPPER_CACHE_DIR", dir.resolve("cache").toString(), "MAPPER_DATA_HOME", dir.resolve("home").toString());
        String launcher = home.resolve("bin/mapper").toString();
        List<String> args = List.of(launcher, "--no-bundled", "--data", sample.toString(), "show", "T1528");
        assertThat(run(dir, env, args.toArray(String[]::new)).exitCode()).as("fills the cache").isZero();

        Run run = run(dir, env, args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("T1528  Steal Application Access Token",
                "aws@12/12/2024@16.1 · aws-12.12.2024_attack-16.1-enterprise-T1528.json");
        for (String name : List.of("java.nio.file.FileTreeWalker", "dev.mapper.load.DataLoader$NamedFile",
                "java.util.concurrent.ThreadPoolExecutor")) {
            assertThat(run.err().lines().filter(line -> line.contains(" " + name + " ")))
                    .as("the class log of %s", name).singleElement().asString().contains("source: shared objects file");
        }
    }

    @Test
    void eachJdkBehindALinkedDirectoryGetsAClassDataArchiveOfItsOwn(@TempDir Path jdks) throws Exception {
        // Two JDK builds (wrappers around this JVM with release files of their own) switched behind one link.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        for (String build : List.of("a", "b")) {
            Path bin = Files.createDirectories(jdks.resolve(build).resolve("bin"));
            Files.writeString(jdks.resolve(build).resolve("release"),
                    "JAVA_VERSION=\"17.0.99\"\nJAVA_RUNTIME_VERSION=\"17.0.99+" + build + "\"\n");
            Path wrapper = Files.writeString(bin.resolve("java"), "#!/bin/sh\nexec '" + java + "' \"$@\"\n");
            assertThat(wrapper.toFile().setExecutable(true)).isTrue();
        }
        Path current = jdks.resolve("current");
        Path copy = Files.createDirectories(jdks.resolve("install"));
        run(copy, Map.of(), "cp", "-R", home.toString(), copy.toString());
        Path launcher = copy.resolve(home.getFileName()).resolve("bin/mapper");
        try (Stream<Path> files = Files.list(launcher.getParent().getParent())) {
            for (Path made : files.filter(f -> f.toString().endsWith(".jsa")).toList()) {
                Files.delete(made); // made by other tests' runs with this JVM
            }
        }

        List<Long> archives = new ArrayList<>();
        for (String build : List.of("a", "b", "a")) {
            Files.deleteIfExists(current);
            Files.createSymbolicLink(current, jdks.resolve(build));
            Run run = run(jdks, Map.of("JAVA_HOME", current.toString()), launcher.toString(), "show", "T1528");
            assertThat(run.exitCode()).as(run.err()).isZero();
            try (Stream<Path> files = Files.list(launcher.getParent().getParent())) {
                archives.add(files.filter(f -> f.toString().endsWith(".jsa")).count());
            }
        }
        assertThat(archives).as("one archive, then a second for the other build, then the first reused")
                .containsExactly(1L, 2L, 2L);
    }

    @Test
    void onARealTerminalTheLauncherColoursAndPagesButNeverIntoAPipe(@TempDir Path dir) throws Exception {
        assumeTrue(which("script") != null, "script (util-linux) not found; a terminal cannot be had");
        Path paged = dir.resolve("paged.txt");
        String mapper = "'" + home.resolve("bin/mapper") + "'";
        Map<String, String> env = Map.of("TERM", "xterm", "COLUMNS", "100", "LINES", "10",
                "MAPPER_PAGER", "cat > '" + paged + "'");

        // stdin is not the terminal here (System.console() is null): stdout alone decides
        Run coloured = run(dir, env, "script", "-qec", "echo | " + mapper + " show T1528 --no-pager", "/dev/null");
        assertThat(coloured.exitCode()).as(coloured.err()).isZero();
        assertThat(coloured.out()).contains("\u001b[1mT1528  Steal Application Access Token");

        Run piped = run(dir, env, "script", "-qec", mapper + " show T1528 | cat", "/dev/null");
        assertThat(piped.out()).contains("T1528  Steal Application Access Token").doesNotContain("\u001b[");
        assertThat(paged).as("never paged into a pipe").doesNotExist();

        Run pagedRun = run(dir, env, "script", "-qec", mapper + " show T1528", "/dev/null");
        assertThat(pagedRun.exitCode()).isZero();
        assertThat(pagedRun.out()).doesNotContain("Steal Application Access Token");
        assertThat(Files.readString(paged)).contains("\u001b[1mT1528  Steal Application Access Token");
    }

    @Test
    void theShippedCompletionScriptCompletesInBash() throws Exception {
        Path script = home.resolve("completion/mapper.bash");

        assertThat(Bash.complete(script, "mapper", "sh")).containsExactly("show");
        assertThat(Files.readString(script))
                .isEqualTo(run(unpacked, Map.of(), home.resolve("bin/mapper").toString(), "completion", "bash").out());
    }

    @Test
    void thereIsAManPageForMapperAndEverySubcommand() throws IOException {
        Path man1 = home.resolve("man/man1");
        List<String> expected = new ArrayList<>();
        addPages(rootCommandLine(), expected);

        try (Stream<Path> pages = Files.list(man1)) {
            assertThat(pages.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(expected);
        }
        String show = Files.readString(man1.resolve("mapper-show.1"));
        assertThat(show).contains(".TH \"MAPPER\\-SHOW\" \"1\"", ".SH \"NAME\"", ".SH \"SYNOPSIS\"", ".SH \"OPTIONS\"",
                ".SH \"EXAMPLES:\"", "mapper show T1528");
    }

    @Test
    void manRendersTheGeneratedPage() throws Exception {
        assumeTrue(which("man") != null, "man not found; rendering with man -l skipped (the roff is checked above)");

        Run run = run(unpacked, Map.of("MANWIDTH", "80", "MANPAGER", "cat", "PAGER", "cat"),
                "man", "-l", home.resolve("man/man1/mapper-show.1").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("NAME", "mapper-show - Show an ATT&CK technique", "SYNOPSIS",
                "--format=FORMAT", "EXAMPLES", "mapper show T1528");
    }

    @Test
    void theZipHoldsTheSameFilesAsTheTarball() throws IOException {
        Path zip = Path.of(System.getProperty("mapper.dist").replaceFirst("\\.tar\\.gz$", ".zip"));
        TreeSet<String> tarFiles;
        try (Stream<Path> files = Files.walk(unpacked)) {
            // The launcher's class-data archive (*.jsa) is made beside the jar on first run; it is not shipped.
            tarFiles = files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".jsa"))
                    .map(p -> unpacked.relativize(p).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            assertThat(zipFile.stream().filter(e -> !e.isDirectory()).map(e -> e.getName()))
                    .containsExactlyInAnyOrderElementsOf(tarFiles);
        }
        assertThat(tarFiles).contains(home.getFileName() + "/LICENSE", home.getFileName() + "/NOTICE",
                home.getFileName() + "/README.md", home.getFileName() + "/docs/install.md",
                home.getFileName() + "/lib/picocli-4.7.7.jar");
    }

    /** mapper.1, mapper-show.1, mapper-export-layer.1...: one page per command, nested ones too. */
    private static void addPages(CommandLine command, List<String> pages) {
        pages.add(command.getCommandSpec().qualifiedName("-") + ".1");
        command.getSubcommands().values().forEach(sub -> addPages(sub, pages));
    }

    private static CommandLine rootCommandLine() {
        return MapperCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    /** A PATH of the tools the launcher uses, without java. */
    private static String toolsButJava(Path dir) throws IOException {
        for (String tool : List.of("dirname", "readlink", "sed", "head")) {
            Files.createSymbolicLink(dir.resolve(tool), which(tool));
        }
        return dir.toString();
    }

    private static Path which(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
