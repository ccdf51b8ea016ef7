package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Cli.Run;
import dev.mapper.testing.FixtureServer;
import dev.mapper.testing.FixtureServer.Cut;
import dev.mapper.testing.FixtureServer.Stall;
import dev.mapper.testing.FixtureServer.Status;
import dev.mapper.testing.FixtureServer.Trickle;
import dev.mapper.testing.OfficialData;
import dev.mapper.testing.Processes;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mapper data pull}, {@code status} and {@code remove} against a server on 127.0.0.1 that serves small
 * files in the official formats at the official layout (a collection index, ATT&CK bundles, Mappings Explorer
 * files), and misbehaves on request. Every failure must leave the data home exactly as it was.
 */
class DataPullTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENTERPRISE_2 = "/attack/enterprise-attack-18.0.json";
    private static final String ENTERPRISE_1 = "/attack/enterprise-attack-17.0.json";
    private static final String MOBILE_2 = "/attack/mobile-attack-18.0.json";
    private static final String AWS = "/mapex/data/aws/attack-18.0/aws-12.12.2024/enterprise/"
            + "aws-12.12.2024_attack-18.0-enterprise.json";
    private static final String AWS_OLD = "/mapex/data/aws/attack-17.0/aws-09.21.2021/enterprise/"
            + "aws-09.21.2021_attack-17.0-enterprise.json";
    private static final String VERIS = "/mapex/data/veris/attack-18.0/veris-1.4.0/enterprise/"
            + "veris-1.4.0_attack-18.0-enterprise.json";
    private static final String VERIS_MOBILE = "/mapex/data/veris/attack-18.0/veris-1.4.0/mobile/"
            + "veris-1.4.0_attack-18.0-mobile.json";

    @TempDir
    Path dir;

    private FixtureServer server;
    private Path home;
    private Path sourceList;

    @BeforeEach
    void serve() throws IOException {
        server = new FixtureServer();
        home = dir.resolve("home");
        server.serve(ENTERPRISE_2, OfficialData.attackBundle("enterprise", "18.0", 0, "T1078", "T1528"))
                .serve(ENTERPRISE_1, OfficialData.attackBundle("enterprise", "17.0", 0, "T1078"))
                .serve(MOBILE_2, OfficialData.attackBundle("mobile", "18.0", 0, "T1404"))
                .serve(AWS, OfficialData.mappingFile("aws", "12/12/2024", "18.0", "enterprise", "T1078", "T1528"))
                .serve(AWS_OLD, OfficialData.mappingFile("aws", "09/21/2021", "17.0", "enterprise", "T1078"))
                .serve(VERIS, OfficialData.mappingFile("veris", "1.4.0", "18.0", "enterprise", "T1078"))
                .serve(VERIS_MOBILE, OfficialData.mappingFile("veris", "1.4.0", "18.0", "mobile", "T1404"));
        serveIndex(ENTERPRISE_1, ENTERPRISE_2, MOBILE_2);
        sourceList = dir.resolve("sources.txt");
        Files.writeString(sourceList, String.join("\n",
                "# the official layout, on the test's server",
                "attack-index " + server.url("/attack/index.json"),
                "mappings-url " + server.url("/mapex/data/{framework}/attack-{attack_version}/"
                        + "{framework}-{framework_version}/{domain}/"
                        + "{framework}-{framework_version}_attack-{attack_version}-{domain}.json"),
                "mappings aws 12/12/2024 18.0 enterprise",
                "mappings aws 09/21/2021 17.0 enterprise",
                "mappings veris 1.4.0 18.0 enterprise mobile", ""));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Serves an index listing the given bundle paths (domain and version read from their names). */
    private void serveIndex(String... bundles) {
        List<String> releases = new ArrayList<>();
        for (String bundle : bundles) {
            String name = bundle.substring(bundle.lastIndexOf('/') + 1, bundle.length() - ".json".length());
            releases.add(name.substring(0, name.indexOf("-attack")));
            releases.add(name.substring(name.lastIndexOf('-') + 1));
            releases.add(server.url(bundle));
        }
        server.serve("/attack/index.json", OfficialData.collectionIndex(releases.toArray(String[]::new)));
    }

    private Run pull(String... more) {
        return Cli.run(pullArgs(more));
    }

    private String[] pullArgs(String... more) {
        List<String> args = new ArrayList<>(List.of("data", "pull", "--data-home", home.toString(),
                "--source-list", sourceList.toString(), "--allow-http", "--format", "json"));
        args.addAll(List.of(more));
        if (!args.contains("--retries")) {
            args.addAll(List.of("--retries", "1"));
        }
        return args.toArray(String[]::new);
    }

    private static Map<String, String> states(Run run) throws IOException {
        Map<String, String> states = new TreeMap<>();
        for (JsonNode item : JSON.readTree(run.out()).get("items")) {
            states.put(item.get("name").asText(), item.get("state").asText());
        }
        return states;
    }

    /** Every file of the data home (but its lock and staging directory) and its SHA-256. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = home.relativize(file).toString();
                if (!relative.equals(".lock") && !relative.startsWith(".staging")) {
                    files.put(relative, sha256(Files.readAllBytes(file)));
                }
            }
        }
        return files;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private Path installed(String servedPath) {
        String name = servedPath.substring(servedPath.lastIndexOf('/') + 1);
        return servedPath.startsWith("/attack/") ? home.resolve("attack").resolve(name)
                : home.resolve("mappings").resolve(name.substring(0, name.indexOf('-'))).resolve(name);
    }

    private byte[] served(String path) throws IOException {
        return Files.readAllBytes(installed(path));
    }

    @Test
    void fullPullInstallsTheNewestOfEachDomainAndFrameworkAndShowReadsThem() throws Exception {
        Run run = pull();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(states(run)).isEqualTo(Map.of("enterprise-attack 18.0", "installed", "mobile-attack 18.0",
                "installed", "aws@12/12/2024@18.0", "installed", "veris@1.4.0@18.0", "installed",
                "veris@1.4.0@18.0@mobile", "installed"));
        assertThat(Files.exists(installed(ENTERPRISE_1))).isFalse();
        assertThat(Files.exists(installed(AWS_OLD))).isFalse();
        // The manifest records each file as served: URL, size and SHA-256 computed here from the bytes.
        JsonNode manifest = JSON.readTree(home.resolve("mapper-manifest.json").toFile());
        assertThat(manifest.get("files")).hasSize(5);
        for (JsonNode file : manifest.get("files")) {
            byte[] bytes = Files.readAllBytes(home.resolve(file.get("path").asText()));
            assertThat(file.get("sha256").asText()).isEqualTo(sha256(bytes));
            assertThat(file.get("size").asLong()).isEqualTo(bytes.length);
            assertThat(file.get("url").asText()).startsWith(server.url("/"));
            assertThat(file.get("etag").asText()).isNotEmpty();
        }

        Run show = Cli.run("--data", home.toString(), "show", "T1078", "--format", "json");
        assertThat(show.exitCode()).as(show.err()).isZero();
        JsonNode report = JSON.readTree(show.out());
        assertThat(report.at("/technique/name").asText()).isEqualTo("Technique T1078 of enterprise 18.0");
        assertThat(report.get("mappings").findValuesAsText("mapping_framework")).as(show.out() + show.err()).containsExactlyInAnyOrder("aws",
                "veris");
        assertThat(show.err()).isEmpty();
    }

    @Test
    void theDataHomeIsWhatEveryCommandReadsWhenNoDataIsGivenAndMapperDataComesFirst() throws Exception {
        assertThat(pull().exitCode()).isZero();

        Run show = Processes.mapper(Map.of("MAPPER_DATA_HOME", home.toString()), List.of(), "show", "T1078",
                "--format", "json");
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(JSON.readTree(show.out()).get("mappings").findValuesAsText("mapping_framework"))
                .containsExactlyInAnyOrder("aws", "veris");

        Path other = dir.resolve("other.json");
        Files.write(other, OfficialData.mappingFile("kev", "1", "18.0", "enterprise", "T1078"));
        Run overridden = Processes.mapper(Map.of("MAPPER_DATA_HOME", home.toString(), "MAPPER_DATA",
                other.toString()), List.of(), "show", "T1078", "--format", "json");
        assertThat(JSON.readTree(overridden.out()).get("mappings").findValuesAsText("mapping_framework"))
                .containsExactly("kev");
    }

    @Test
    void anUnchangedRepullTransfersNoBody() throws Exception {
        assertThat(pull().exitCode()).isZero();
        Map<String, String> before = snapshot();
        server.resetCounts();

        Run again = pull();

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(states(again).values()).containsOnly("unchanged");
        assertThat(server.bodyBytes()).as("body bytes: the index's only")
                .isEqualTo(server.body("/attack/index.json").length);
        assertThat(server.requests(AWS)).singleElement().satisfies(r -> assertThat(r.ifNoneMatch()).isNotNull());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aChangedFileIsReplacedAndTheOthersAreLeftAlone() throws Exception {
        assertThat(pull().exitCode()).isZero();
        byte[] changed = OfficialData.mappingFile("aws", "12/12/2024", "18.0", "enterprise", "T1078", "T1528", "T1530");
        server.serve(AWS, changed);

        Run run = pull();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(states(run)).containsEntry("aws@12/12/2024@18.0", "updated")
                .containsEntry("enterprise-attack 18.0", "unchanged");
        assertThat(served(AWS)).isEqualTo(changed);
    }

    @Test
    void aFileTheServerDoesNotHaveStopsThePullAndChangesNothing() throws Exception {
        assertThat(pull().exitCode()).isZero();
        Map<String, String> before = snapshot();
        server.serve(AWS, OfficialData.mappingFile("aws", "12/12/2024", "18.0", "enterprise", "T1530"));
        server.trouble(AWS, new Status(404));

        Run run = pull();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.err()).contains(AWS).contains("HTTP 404 (not found)");
        assertThat(run.out()).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aServerErrorIsRetriedAndThenTheFileIsInstalled() throws Exception {
        server.trouble(AWS, new Status(500));

        Run run = pull();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(server.requests(AWS)).hasSize(2);
        assertThat(states(run)).containsEntry("aws@12/12/2024@18.0", "installed");
    }

    @Test
    void aServerErrorThatLastsStopsThePullAndChangesNothing() throws Exception {
        assertThat(pull().exitCode()).isZero();
        Map<String, String> before = snapshot();
        server.serve(AWS, OfficialData.mappingFile("aws", "12/12/2024", "18.0", "enterprise", "T1530"));
        server.trouble(AWS, new Status(503), new Status(503));

        Run run = pull();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NETWORK);
        assertThat(run.err()).contains("HTTP 503").contains("2 attempts");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aServerThatStallsTimesOutAndChangesNothing() throws Exception {
        assertThat(pull().exitCode()).isZero();
        Map<String, String> before = snapshot();
        server.serve(ENTERPRISE_2, OfficialData.attackBundle("enterprise", "18.0", 2000, "T1078", "T1528"));
        server.trouble(ENTERPRISE_2, new Stall(100, Duration.ofSeconds(5)));

        Run run = pull("--timeout", "1", "--retries", "0");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NETWORK);
        assertThat(run.err()).contains(ENTERPRISE_2).contains("no data for 1 s");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aSlowServerThatKeepsSendingIsWaitedFor() throws Exception {
        byte[] bundle = OfficialData.attackBundle("enterprise", "18.0", 2000, "T1078", "T1528");
        server.serve(ENTERPRISE_2, bundle);
        // Eight pieces, 350 ms apart: the whole takes longer than the timeout, no pause comes near it.
        server.trouble(ENTERPRISE_2, new Trickle(bundle.length / 8 + 1, Duration.ofMillis(350)));

        Run run = pull("--timeout", "2", "--retries", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(served(ENTERPRISE_2)).isEqualTo(bundle);
    }

    /**
     * A pull stopped while it downloads (SIGTERM here; Ctrl-C's SIGINT ends the JVM the same way) leaves the data home
     * as it was, its files and manifest, with the partial download in the staging directory, which the next pull
     * resumes where it stopped and clears as it installs the file.
     */
    @Test
    void aPullStoppedWhileItDownloadsLeavesTheDataHomeAsItWasAndTheNextResumes() throws Exception {
        assertThat(pull().exitCode()).isZero();
        Map<String, String> before = snapshot();
        byte[] changed = OfficialData.attackBundle("enterprise", "18.0", 5000, "T1078", "T1528");
        server.serve(ENTERPRISE_2, changed);
        server.trouble(ENTERPRISE_2, new Trickle(changed.length / 100 + 1, Duration.ofMillis(100))); // ≈ 10 s
        Path staging = home.resolve(".staging");

        Process mapper = Processes.start(pullArgs());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (stagedBytes(staging) == 0 && mapper.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(mapper.isAlive()).as("still downloading").isTrue();
            assertThat(stagedBytes(staging)).as("part of the new bundle staged").isPositive();
            mapper.destroy(); // SIGTERM

            assertThat(mapper.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(mapper.exitValue()).isEqualTo(128 + 15);
        } finally {
            mapper.destroyForcibly();
        }
        assertThat(snapshot()).as("the data home's files and manifest").isEqualTo(before);
        long left = stagedBytes(staging);

        Run again = pull();

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(states(again)).containsEntry("enterprise-attack 18.0", "updated");
        assertThat(served(ENTERPRISE_2)).isEqualTo(changed);
        assertThat(lastRequest(ENTERPRISE_2).range()).as("resumed").isEqualTo("bytes=" + left + "-");
        assertThat(staging).isEmptyDirectory();
    }

    @Test
    void aDownloadThatTheNetworkCutShortIsResumedByTheNextPull() throws Exception {
        assertThat(pull().exitCode()).isZero();
        byte[] changed = OfficialData.attackBundle("enterprise", "18.0", 5000, "T1078");
        server.serve(ENTERPRISE_2, changed);
        server.trouble(ENTERPRISE_2, new Cut(1000), new Cut(0));
        assertThat(pull().exitCode()).isEqualTo(ExitCodes.NETWORK);

        Run again = pull();

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(lastRequest(ENTERPRISE_2).range()).isEqualTo("bytes=1000-");
        assertThat(served(ENTERPRISE_2)).isEqualTo(changed);
        assertThat(home.resolve(".staging")).isEmptyDirectory();
    }

    /** A part left in staging without what resuming it needs is deleted by the next pull, not resumed. */
    @Test
    void aPartLeftWithoutItsResumeFileIsDeleted() throws Exception {
        assertThat(pull().exitCode()).isZero();
        Path stray = Files.writeString(home.resolve(".staging/attack_enterprise-attack-18.0.json.part"), "{\"type\"");
        byte[] changed = OfficialData.attackBundle("enterprise", "18.0", 3000, "T1078");
        server.serve(ENTERPRISE_2, changed);

        Run again = pull();

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(lastRequest(ENTERPRISE_2).range()).isNull();
        assertThat(served(ENTERPRISE_2)).isEqualTo(changed);
        assertThat(stray).doesNotExist();
    }

    private FixtureServer.Request lastRequest(String path) {
        List<FixtureServer.Request> requests = server.requests(path);
        return requests.get(requests.size() - 1);
    }

    /** The bytes of the partial downloads in the staging directory; 0 when there is none. */
    private static long stagedBytes(Path staging) throws IOException {
        if (!Files.isDirectory(staging)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(staging)) {
            long bytes = 0;
            for (Path file : files.filter(f -> f.toString().endsWith(".part")).toList()) {
                try {
                    bytes += Files.size(file);
                } catch (NoSuchFileException e) {
                    // installed, or deleted, since the listing
                }
            }
            return bytes;
        }
    }

    @Test
    void aConnectionCutMidBodyIsResumedWhereItStopped() throws Exception {
        byte[] bundle = OfficialData.attackBundle("enterprise", "18.0", 5000, "T1078", "T1528");
        server.serve(ENTERPRISE_2, bundle);
        server.trouble(ENTERPRISE_2, new Cut(4000));

        Run run = pull();

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<FixtureServer.Request> requests = server.requests(ENTERPRISE_2);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).range()).matches("bytes=\\d+-");
        assertThat(served(ENTERPRISE_2)).isEqualTo(bundle);
    }

    @Test
    void aConnectionCutEveryTimeStopsThePullAndChangesNothing() throws Exception {
        assertThat(pull().exitCode()).isZero();
        Map<String, String> before = snapshot();
        server.serve(ENTERPRISE_2, OfficialData.attackBundle("enterprise", "18.0", 5000, "T1078"));
        server.trouble(ENTERPRISE_2, new Cut(1000), new Cut(0));

        Run run = pull();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NETWORK);
        assertThat(run.err()).contains("the connection was cut");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anHtmlPageInsteadOfTheFileIsRefusedAndChangesNothing() throws Exception {
        assertThat(pull().exitCode()).isZero();
        Map<String, String> before = snapshot();
        server.serve(AWS, "<!DOCTYPE html><html><body>Rate limit exceeded</body></html>".getBytes(
                StandardCharsets.UTF_8));

        Run run = pull();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_DATA);
        assertThat(run.err()).contains(AWS).contains("the data home is as it was");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aTruncatedFileIsRefusedAndChangesNothing() throws Exception {
        assertThat(pull().exitCode()).isZero();
        Map<String, String> before = snapshot();
        byte[] whole = OfficialData.mappingFile("aws", "12/12/2024", "18.0", "enterprise", "T1078", "T1530");
        server.serve(AWS, java.util.Arrays.copyOf(whole, whole.length / 2));

        Run run = pull();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_DATA);
        assertThat(run.err()).matches("(?s)mapper: " + java.util.regex.Pattern.quote(server.url(AWS)) + ":\\d+:\\d+: .*");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotWhatItsNameSaysIsRefused() throws Exception {
        server.serve(ENTERPRISE_2, OfficialData.attackBundle("mobile", "18.0", 0, "T1404"));

        Run run = pull();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_DATA);
        assertThat(run.err()).contains("holds mobile-attack 18.0, expected enterprise-attack 18.0");
        assertThat(Files.exists(installed(ENTERPRISE_2))).isFalse();
    }

    @Test
    void aFullDiskStopsThePullAndChangesNothing() throws Exception {
        assertThat(pull().exitCode()).isZero();
        Map<String, String> before = snapshot();
        // A file size limit (ulimit -f, in KiB) makes every write past it fail as a full disk does.
        server.serve(ENTERPRISE_2, OfficialData.attackBundle("enterprise", "18.0", 300_000, "T1078", "T1528"));

        Run run = Processes.mapper(Map.of(), List.of("bash", "-c", "ulimit -f 128; exec \"$@\"", "bash"),
                "data", "pull", "--data-home", home.toString(), "--source-list", sourceList.toString(),
                "--allow-http", "--retries", "0");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OUTPUT_ERROR);
        assertThat(run.err()).contains("cannot write").contains("the data home is as it was");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void withoutANetworkThePullFailsAtOnceAndChangesNothing() throws Exception {
        assertThat(pull().exitCode()).isZero();
        Map<String, String> before = snapshot();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Files.writeString(sourceList, Files.readString(sourceList).replace(server.url("/attack/index.json"),
                "http://127.0.0.1:" + closedPort + "/index.json"));

        long start = System.nanoTime();
        Run run = pull("--retries", "3");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NETWORK);
        assertThat(run.err()).startsWith("mapper: cannot reach 127.0.0.1: ").contains("no network?");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no retries").isLessThan(Duration.ofSeconds(5));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void plainHttpIsRefusedUnlessAllowed() {
        Run run = Cli.run("data", "pull", "--data-home", home.toString(), "--source-list", sourceList.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("plain http is refused").contains("--allow-http");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void concurrentPullsOfOneDataHomeTakeTurns() throws Exception {
        byte[] bundle = OfficialData.attackBundle("enterprise", "18.0", 2000, "T1078", "T1528");
        server.serve(ENTERPRISE_2, bundle);
        server.trouble(ENTERPRISE_2, new Stall(100, Duration.ofMillis(1500)));

        CompletableFuture<Run> first = CompletableFuture.supplyAsync(() -> pull());
        Thread.sleep(500);
        Run second = pull();
        Run firstRun = first.get();

        assertThat(firstRun.exitCode()).as(firstRun.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(firstRun.err() + second.err()).contains("waiting for another mapper data pull");
        assertThat(states(firstRun).values()).containsOnly("installed");
        assertThat(states(second).values()).containsOnly("unchanged");
        assertThat(served(ENTERPRISE_2)).isEqualTo(bundle);
        assertThat(JSON.readTree(home.resolve("mapper-manifest.json").toFile()).get("files")).hasSize(5);
    }

    @Test
    void aNewerReleaseReplacesTheOneItSupersedesButNotOnesAskedForByVersion() throws Exception {
        assertThat(pull("--attack-version", "17.0").exitCode()).isZero();
        assertThat(pull().exitCode()).isZero();
        assertThat(Files.exists(installed(ENTERPRISE_1))).as("pinned 17.0 kept").isTrue();
        String enterprise3 = "/attack/enterprise-attack-19.0.json";
        server.serve(enterprise3, OfficialData.attackBundle("enterprise", "19.0", 0, "T1078"));
        serveIndex(ENTERPRISE_1, ENTERPRISE_2, enterprise3, MOBILE_2);

        Run run = pull();

        assertThat(states(run)).containsEntry("enterprise-attack 19.0", "installed")
                .containsEntry("enterprise-attack 18.0", "removed");
        assertThat(Files.exists(installed(ENTERPRISE_2))).isFalse();
        assertThat(Files.exists(installed(ENTERPRISE_1))).isTrue();
    }

    @Test
    void selectionFlagsNarrowWhatIsFetched() throws Exception {
        Run run = pull("--domain", "enterprise", "--framework", "attack", "--framework", "aws", "--all-versions");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(states(run).keySet()).containsExactlyInAnyOrder("enterprise-attack 17.0", "enterprise-attack 18.0",
                "aws@12/12/2024@18.0", "aws@09/21/2021@17.0");

        Run unknown = pull("--framework", "nosuch");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("unknown framework 'nosuch' (known: attack, aws, veris)");
    }

    @Test
    void aDryRunListsWhatWouldBeFetchedWithItsSizeAndWritesNothing() throws Exception {
        Run run = pull("--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode items = JSON.readTree(run.out()).get("items");
        assertThat(items).hasSize(5);
        for (JsonNode item : items) {
            assertThat(item.get("state").asText()).isEqualTo("would-fetch");
            String path = item.get("url").asText().substring(server.url("").length());
            assertThat(item.get("size").asLong()).isEqualTo(server.body(path).length);
        }
        assertThat(Files.exists(home)).isFalse();
        assertThat(server.requests().stream().filter(r -> r.method().equals("GET")).map(r -> r.path()))
                .containsExactly("/attack/index.json");
    }

    @Test
    void statusChecksEveryFileAndEveryLoadWarnsOfAChangedOrMissingOne() throws Exception {
        assertThat(pull().exitCode()).isZero();
        Run fine = Cli.run("data", "status", "--data-home", home.toString(), "--format", "json");
        assertThat(fine.exitCode()).as(fine.err()).isZero();
        assertThat(states(fine).values()).hasSize(5).containsOnly("ok");

        Path aws = installed(AWS);
        Files.writeString(aws, Files.readString(aws).replace("T1528", "T1530"));
        Files.delete(installed(VERIS_MOBILE));

        Run status = Cli.run("data", "status", "--data-home", home.toString(), "--format", "json");
        assertThat(status.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(states(status)).containsEntry("aws@12/12/2024@18.0", "changed")
                .containsEntry("veris@1.4.0@18.0@mobile", "missing").containsEntry("enterprise-attack 18.0", "ok");
        assertThat(status.err()).contains("2 installed file(s) changed or missing");

        for (String cache : List.of("--no-cache", "--keep-going")) {
            Run show = Cli.run("--data", home.toString(), cache, "show", "T1078");
            assertThat(show.exitCode()).as(show.err()).isZero();
            assertThat(show.err()).contains(aws + ": changed since it was installed")
                    .contains(installed(VERIS_MOBILE) + ": installed but missing");
        }

        Run repaired = pull();
        assertThat(states(repaired)).containsEntry("aws@12/12/2024@18.0", "updated")
                .containsEntry("veris@1.4.0@18.0@mobile", "updated");
        assertThat(Cli.run("data", "status", "--data-home", home.toString()).exitCode()).isZero();
    }

    @Test
    void statusOnlineNamesNewerVersions() throws Exception {
        assertThat(pull("--attack-version", "17.0").exitCode()).isZero();

        Run status = Cli.run("data", "status", "--online", "--data-home", home.toString(), "--source-list",
                sourceList.toString(), "--allow-http", "--format", "json");

        assertThat(status.exitCode()).as(status.err()).isZero();
        JsonNode items = JSON.readTree(status.out()).get("items");
        assertThat(items.findValuesAsText("newer")).containsExactlyInAnyOrder("enterprise-attack 18.0",
                "aws@12/12/2024@18.0");
    }

    @Test
    void removeDeletesWhatTheFiltersMatch() throws Exception {
        assertThat(pull().exitCode()).isZero();

        Run run = Cli.run("data", "remove", "--data-home", home.toString(), "--framework", "veris", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(states(run)).isEqualTo(Map.of("veris@1.4.0@18.0", "removed", "veris@1.4.0@18.0@mobile", "removed"));
        assertThat(Files.exists(installed(VERIS))).isFalse();
        assertThat(JSON.readTree(home.resolve("mapper-manifest.json").toFile()).get("files")).hasSize(3);
        assertThat(Cli.run("data", "remove", "--data-home", home.toString(), "--framework", "veris").exitCode())
                .isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(Cli.run("data", "remove", "--data-home", home.toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aDataHomeIsAMirrorForAnotherOnADiskOrOverHttp() throws Exception {
        assertThat(pull().exitCode()).isZero();
        Map<String, String> original = snapshot();
        Path copy = dir.resolve("copy");

        Run fromDisk = Cli.run("data", "pull", "--data-home", copy.toString(), "--source", home.toString(),
                "--format", "json");

        assertThat(fromDisk.exitCode()).as(fromDisk.err()).isZero();
        assertThat(states(fromDisk).values()).hasSize(5).containsOnly("installed");
        for (String file : original.keySet()) {
            if (!file.equals("mapper-manifest.json")) {
                assertThat(sha256(Files.readAllBytes(copy.resolve(file)))).as(file).isEqualTo(original.get(file));
            }
        }

        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                server.serve("/mirror/" + home.relativize(file), Files.readAllBytes(file));
            }
        }
        Path third = dir.resolve("third");
        Run overHttp = Cli.run("data", "pull", "--data-home", third.toString(), "--source", server.url("/mirror/"),
                "--allow-http", "--format", "json");
        assertThat(overHttp.exitCode()).as(overHttp.err()).isZero();
        assertThat(states(overHttp).values()).hasSize(5).containsOnly("installed");
    }

    @Test
    void aMirrorFileWhoseChecksumDiffersFromItsManifestIsRefused() throws Exception {
        assertThat(pull().exitCode()).isZero();
        Path aws = installed(AWS);
        Files.writeString(aws, Files.readString(aws).replace("T1528", "T1530"));

        Run run = Cli.run("data", "pull", "--data-home", dir.resolve("copy").toString(), "--source",
                home.toString(), "--framework", "aws");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_DATA);
        assertThat(run.err()).contains("its SHA-256 differs from the one the mirror's manifest gives");
    }

    @Test
    void theDataHomeIsNamedByItsOwnVariableElseXdgElseHome() {
        assertThat(DataOptions.dataHome(Map.of("MAPPER_DATA_HOME", "/d", "XDG_DATA_HOME", "/x", "HOME", "/h")::get))
                .isEqualTo(Path.of("/d"));
        assertThat(DataOptions.dataHome(Map.of("XDG_DATA_HOME", "/x", "HOME", "/h")::get))
                .isEqualTo(Path.of("/x/mapper"));
        assertThat(DataOptions.dataHome(Map.of("XDG_DATA_HOME", "relative", "HOME", "/h")::get))
                .isEqualTo(Path.of("/h/.local/share/mapper"));
        assertThat(DataOptions.dataHome(Map.<String, String>of()::get)).isNull();
    }

    @Test
    void everyFormatRendersTheDataHomeReport() throws Exception {
        assertThat(pull().exitCode()).isZero();
        for (String format : List.of("table", "json", "jsonl", "csv", "tsv", "markdown", "yaml")) {
            Run status = Cli.run("data", "status", "--data-home", home.toString(), "--format", format);
            assertThat(status.exitCode()).as(format + status.err()).isZero();
            assertThat(status.out()).as(format).contains("aws@12/12/2024@18.0").contains("ok");
        }
    }

    @Test
    void aBundleWithoutACollectionVersionTakesItFromItsPublishedName() throws Exception {
        JsonNode bundle = JSON.readTree(OfficialData.attackBundle("enterprise", "18.0", 0, "T1078"));
        ((com.fasterxml.jackson.databind.node.ArrayNode) bundle.get("objects")).remove(0);
        server.serve(ENTERPRISE_2, JSON.writeValueAsBytes(bundle));

        Run run = pull("--framework", "attack", "--domain", "enterprise");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(states(run)).containsEntry("enterprise-attack 18.0", "installed");
    }
}
