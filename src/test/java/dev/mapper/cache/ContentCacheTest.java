package dev.mapper.cache;

import static dev.mapper.testing.MappingFiles.mappingOfT1528;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.mapper.load.DataFileException;
import dev.mapper.load.DataFileReader;
import dev.mapper.load.DataLoader;
import dev.mapper.load.DataRequest;
import dev.mapper.model.AttackRelease;
import dev.mapper.model.DataSource;
import dev.mapper.model.FileContent;
import dev.mapper.model.LoadedData;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingFile;
import dev.mapper.testing.MappingFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache of loaded files, through {@link DataLoader#load}: a miss writes an entry, a hit is served from it, and
 * whatever makes an entry doubtful (a changed file, damage, another build or format) makes it a miss and a parse.
 * An entry is proven to be what a load used by planting one that says something the file does not.
 */
class ContentCacheTest {

    @TempDir
    Path dir;

    private Path cache() {
        return dir.resolve("cache");
    }

    private Path dataFile(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static String twoMappings(String firstId) {
        return MappingFiles.file("test").add(mappingOfT1528(firstId).rawFields(", \"x_extra\": {\"n\": [1, 2.5, null]}"),
                mappingOfT1528("cap-2").references("https://example.com")).text();
    }

    private LoadedData load(Path... files) {
        return DataLoader.load(new DataRequest(List.of(files), false, false, DataRequest.DEFAULT_MAX_FILE_SIZE, cache()));
    }

    private static LoadedData parse(Path... files) {
        return DataLoader.load(new DataRequest(List.of(files), false, false, DataRequest.DEFAULT_MAX_FILE_SIZE, null));
    }

    private List<Path> entries() throws IOException {
        if (!Files.isDirectory(cache())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache())) {
            return files.sorted().toList();
        }
    }

    private Path onlyEntry() throws IOException {
        assertThat(entries()).hasSize(1);
        return entries().get(0);
    }

    private static ContentCache.Entry entryIn(Path file) throws IOException {
        return ContentCache.Entry.parse(Files.readAllBytes(file));
    }

    private static List<String> capabilityIds(LoadedData data) {
        return data.mappingFiles().stream().flatMap(f -> f.mappings().stream()).map(Mapping::capabilityId).toList();
    }

    /** Rewrites the entry with other content (and whatever else the change makes), keeping a valid checksum. */
    private static void plant(Path entryFile, UnaryOperator<MappingFile> content,
                              UnaryOperator<ContentCache.Entry> change) throws IOException {
        ContentCache.Entry entry = entryIn(entryFile);
        ByteBuffer payload = entry.payload();
        FileContent stored = ContentCodec.decode(payload.array(), payload.arrayOffset() + payload.position(),
                payload.remaining(), DataSource.file("x"));
        byte[] planted = ContentCodec.encode(FileContent.of(content.apply(stored.mappings())));
        ContentCache.Entry replaced = change.apply(new ContentCache.Entry(entry.format(), entry.buildId(), entry.key(),
                entry.fileName(), ByteBuffer.wrap(planted)));
        Files.write(entryFile, replaced.toBytes());
    }

    /** The file with its first mapping's capability ID replaced. */
    private static MappingFile renamedFirst(MappingFile file, String capabilityId) {
        List<Mapping> mappings = new ArrayList<>(file.mappings());
        Mapping m = mappings.get(0);
        mappings.set(0, new Mapping(m.set(), m.line(), m.column(), capabilityId, m.capabilityDescription(),
                m.capabilityGroup(), m.mappingType(), m.attackObjectId(), m.attackObjectName(), m.scoreCategory(),
                m.scoreValue(), m.relatedScore(), m.comments(), m.references(), m.status(), m.author(), m.authorContact(),
                m.authorOrganization(), m.extraFields()));
        return new MappingFile(file.set(), mappings);
    }

    @Test
    void aMissWritesAnEntryAndTheNextLoadIsServedFromIt() throws IOException {
        Path file = dataFile("set.json", twoMappings("cap-1"));

        LoadedData first = load(file);
        Path entry = onlyEntry();
        byte[] written = Files.readAllBytes(entry);
        LoadedData second = load(file);

        assertThat(second).isEqualTo(first).isEqualTo(parse(file));
        assertThat(capabilityIds(second)).containsExactly("cap-1", "cap-2");
        assertThat(Files.readAllBytes(entry)).as("a hit leaves the entry as it is").isEqualTo(written);
        assertThat(entryIn(entry).key().identity()).isEqualTo("file:" + file.toRealPath());

        plant(entry, f -> renamedFirst(f, "from-the-cache"), e -> e);
        assertThat(capabilityIds(load(file))).as("what a hit shows comes from the entry")
                .containsExactly("from-the-cache", "cap-2");
    }

    @Test
    void aFileChangedWithItsSizeAndModificationTimeKeptIsReadAgain() throws IOException {
        Path file = dataFile("set.json", twoMappings("cap-A"));
        FileTime modified = FileTime.fromMillis(1_700_000_000_123L);
        Files.setLastModifiedTime(file, modified);
        load(file);
        Path entry = onlyEntry();
        long size = Files.size(file);

        Files.writeString(file, twoMappings("cap-B"));
        Files.setLastModifiedTime(file, modified);
        assertThat(Files.size(file)).isEqualTo(size);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);

        assertThat(capabilityIds(load(file))).containsExactly("cap-B", "cap-2");
        assertThat(capabilityIds(load(file))).containsExactly("cap-B", "cap-2");
        assertThat(entries()).containsExactly(entry);
        assertThat(entryIn(entry).key().crc()).isNotZero();
    }

    @Test
    void aFileChangedWhileItIsParsedIsNotStoredUnderTheKeyOfWhatWasHashed() throws IOException {
        // Same size and modification time after the change: only the bytes tell.
        Path file = dataFile("set.json", twoMappings("cap-A"));
        FileTime modified = FileTime.fromMillis(1_700_000_000_123L);
        Files.setLastModifiedTime(file, modified);
        ContentCache cache = ContentCache.at(cache(), (name, release) -> false);
        DataSource source = DataSource.file(file.toString());

        FileContent parsed = cache.read(file, "set.json", source, () -> {
            FileContent content = DataFileReader.read(file.toString(), "set.json", source,
                    () -> Files.newInputStream(file), DataRequest.DEFAULT_MAX_FILE_SIZE);
            try {
                Files.writeString(file, twoMappings("cap-B"));
                Files.setLastModifiedTime(file, modified);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return content;
        });

        assertThat(parsed.mappings().mappings().get(0).capabilityId()).isEqualTo("cap-A");
        assertThat(entries()).as("what was parsed is not what the file now holds: nothing stored").isEmpty();
        assertThat(capabilityIds(load(file))).containsExactly("cap-B", "cap-2");
    }

    @Test
    void anEntryThatIsNotAPlainFileIsAMiss() throws IOException {
        Path file = dataFile("set.json", twoMappings("cap-1"));
        load(file);
        Path entry = onlyEntry();
        Files.delete(entry);
        Files.createSymbolicLink(entry, Path.of("/dev/zero"));

        assertThat(load(file)).isEqualTo(parse(file));
        assertThat(Files.isSymbolicLink(entry)).as("replaced by a real entry").isFalse();
        assertThat(load(file)).isEqualTo(parse(file));
    }

    @Test
    void temporaryFilesLeftByKilledRunsAreSweptWhenAnEntryIsWritten() throws IOException {
        Files.createDirectories(cache());
        Path old = Files.writeString(cache().resolve("data-0123456789abcdef.cache.42.tmp"), "half an entry");
        Files.setLastModifiedTime(old, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Path recent = Files.writeString(cache().resolve("data-0123456789abcdef.cache.43.tmp"), "being written");
        Path other = Files.writeString(cache().resolve("notes.tmp"), "not mapper's");
        Files.setLastModifiedTime(other, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));

        load(dataFile("set.json", twoMappings("cap-1")));

        assertThat(old).doesNotExist();
        assertThat(recent).as("perhaps another run's, still being written").exists();
        assertThat(other).exists();
    }

    @Test
    void aDamagedEntryIsIgnoredAndWrittenAnew() throws IOException {
        Path file = dataFile("set.json", twoMappings("cap-1"));
        LoadedData expected = parse(file);
        load(file);
        Path entry = onlyEntry();
        byte[] good = Files.readAllBytes(entry);

        List<byte[]> damaged = new ArrayList<>();
        damaged.add(new byte[0]);
        damaged.add(Arrays.copyOf(good, good.length / 2));
        damaged.add(Arrays.copyOf(good, good.length - 1));
        damaged.add("not a cache entry at all, just text".getBytes(StandardCharsets.UTF_8));
        damaged.add(Arrays.copyOf(good, good.length + 10));
        for (int at : new int[] {0, 5, 12, good.length / 2, good.length - 1}) {
            byte[] flipped = good.clone();
            flipped[at] ^= 0x5a;
            damaged.add(flipped);
        }
        for (byte[] bytes : damaged) {
            Files.write(entry, bytes);

            assertThat(load(file)).isEqualTo(expected);
            assertThat(Files.readAllBytes(entry)).as("rewritten").isEqualTo(good);
        }
    }

    @Test
    void anEntryOfAnotherBuildOrFormatIsIgnoredAndWrittenAnew() throws IOException {
        Path file = dataFile("set.json", twoMappings("cap-1"));
        load(file);
        Path entry = onlyEntry();
        String build = entryIn(entry).buildId();
        assertThat(build).startsWith("mapper ").doesNotContain("${");

        plant(entry, f -> renamedFirst(f, "planted"), e -> new ContentCache.Entry(e.format(), "mapper 0.0.1 built"
                + " another day", e.key(), e.fileName(), e.payload()));
        assertThat(capabilityIds(load(file))).containsExactly("cap-1", "cap-2");
        assertThat(entryIn(entry).buildId()).isEqualTo(build);

        plant(entry, f -> renamedFirst(f, "planted"), e -> new ContentCache.Entry(ContentCodec.VERSION + 1,
                e.buildId(), e.key(), e.fileName(), e.payload()));
        assertThat(capabilityIds(load(file))).containsExactly("cap-1", "cap-2");
        assertThat(entryIn(entry).format()).isEqualTo(ContentCodec.VERSION);

        plant(entry, f -> renamedFirst(f, "planted"), e -> new ContentCache.Entry(e.format(), e.buildId(),
                new ContentCache.Key("file:" + dir.resolve("elsewhere.json"), e.key().size(),
                        e.key().modifiedSeconds(), e.key().modifiedNanos(), e.key().crc()), e.fileName(), e.payload()));
        assertThat(capabilityIds(load(file))).as("an entry for another path, under the same name")
                .containsExactly("cap-1", "cap-2");
    }

    @Test
    void theSameFileUnderAnotherNameIsServedWithThatName() throws IOException {
        Path file = dataFile("set.json", twoMappings("cap-1"));
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), file);
        load(file);
        Path entry = onlyEntry();
        byte[] written = Files.readAllBytes(entry);

        LoadedData viaLink = load(link);

        assertThat(viaLink).isEqualTo(parse(link));
        assertThat(viaLink.mappingFiles().get(0).set().source()).isEqualTo(DataSource.file(link.toString()));
        assertThat(entries()).containsExactly(entry);
        assertThat(Files.readAllBytes(entry)).as("served from the entry of the real file").isEqualTo(written);
    }

    @Test
    void aBundleWhoseVersionComesFromItsNameIsReadAgainUnderAnotherName() throws IOException {
        String bundle = "{\"type\": \"bundle\", \"objects\": [{\"type\": \"attack-pattern\", \"id\": \"attack-pattern--1\","
                + " \"name\": \"Steal Application Access Token\", \"external_references\": [{\"source_name\": "
                + "\"mitre-attack\", \"external_id\": \"T1528\"}]}]}";
        Path file = dataFile("enterprise-attack-15.1.json", bundle);
        Path link = Files.createSymbolicLink(dir.resolve("enterprise-attack-16.0.json"), file);

        AttackRelease named = load(file).releases().get(0);
        AttackRelease viaLink = load(link).releases().get(0);

        assertThat(named.version()).isEqualTo("15.1");
        assertThat(viaLink.version()).isEqualTo("16.0");
        assertThat(viaLink).isEqualTo(parse(link).releases().get(0));
        assertThat(load(file).releases().get(0).version()).isEqualTo("15.1");
    }

    @Test
    void aBrokenFileGivesTheSameErrorEveryTimeAndIsNotCached() throws IOException {
        Path file = dataFile("broken.json", MappingFiles.file("test")
                .add(mappingOfT1528("cap-1").rawFields(", \"references\": 3")).text());

        String first = errorLoading(file);
        String second = errorLoading(file);

        assertThat(first).isEqualTo(second).startsWith(file + ":3:").contains("\"references\" should be an array");
        assertThat(entries()).isEmpty();
    }

    private String errorLoading(Path file) {
        return catchMessage(() -> load(file));
    }

    private static String catchMessage(Runnable run) {
        try {
            run.run();
        } catch (DataFileException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a DataFileException");
    }

    @Test
    void aFileThatIsNotDataIsRememberedWithItsReasonUntilItChanges() throws IOException {
        Path file = dataFile("package.json", "{\"name\": \"not mapper data\"}");
        String reason = file + ": not an ATT&CK STIX bundle or a Mappings Explorer mapping file (expected \"objects\" "
                + "or \"mapping_objects\" at the top level)";

        assertThatThrownBy(() -> load(file)).isInstanceOf(DataFileReader.NotDataException.class).hasMessage(reason);
        Path entry = onlyEntry();
        assertThatThrownBy(() -> load(file)).as("served from the entry, said the same")
                .isInstanceOf(DataFileReader.NotDataException.class).hasMessage(reason);

        ContentCache.Entry written = entryIn(entry);
        byte[] planted = ContentCodec.encode(FileContent.notData(new FileContent.NotData("planted reason", 3, 4, false)));
        Files.write(entry, new ContentCache.Entry(written.format(), written.buildId(), written.key(), written.fileName(),
                ByteBuffer.wrap(planted)).toBytes());
        assertThatThrownBy(() -> load(file)).as("what a hit says comes from the entry, under this run's name")
                .isInstanceOf(DataFileReader.NotDataException.class).hasMessage(file + ":3:4: planted reason");

        Files.writeString(file, twoMappings("cap-1"));
        assertThat(capabilityIds(load(file))).as("a file that became data is read as data")
                .containsExactly("cap-1", "cap-2");
        assertThat(load(file)).isEqualTo(parse(file));
    }

    @Test
    void aDirectoryWithAFileThatIsNotDataWarnsAboutItAtEveryRun() throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.writeString(data.resolve("package.json"), "{\"name\": \"tooling\"}");
        Files.writeString(data.resolve("schema.json"), "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"}");
        Files.writeString(data.resolve("set.json"), twoMappings("cap-1"));

        LoadedData first = load(data);
        LoadedData second = load(data);

        assertThat(entries()).hasSize(3);
        assertThat(second).isEqualTo(first);
        assertThat(second.warnings()).as("a JSON Schema is skipped without a word, cold or warm").hasSize(1).first()
                .asString().startsWith(data.resolve("package.json") + ": not an ATT&CK STIX bundle").endsWith("(skipped)");
        assertThat(capabilityIds(second)).containsExactly("cap-1", "cap-2");
    }

    @Test
    void aCacheDirectoryThatCannotBeCreatedChangesNothing() throws IOException {
        Path file = dataFile("set.json", twoMappings("cap-1"));
        Path blocker = dataFile("a-file", "in the way");
        DataRequest request = new DataRequest(List.of(file), true, false, DataRequest.DEFAULT_MAX_FILE_SIZE,
                blocker.resolve("cache"));

        LoadedData loaded = DataLoader.load(request);

        assertThat(loaded).isEqualTo(DataLoader.load(new DataRequest(List.of(file), true, false,
                DataRequest.DEFAULT_MAX_FILE_SIZE, null)));
        assertThat(Files.readString(blocker)).isEqualTo("in the way");
    }

    @Test
    void aReadOnlyCacheDirectoryChangesNothing() throws IOException {
        Path file = dataFile("set.json", twoMappings("cap-1"));
        Files.createDirectories(cache());
        Files.setPosixFilePermissions(cache(), PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeThat(Files.isWritable(cache())).as("a read-only directory (not for root)").isFalse();

            assertThat(load(file)).isEqualTo(parse(file));
            assertThat(entries()).isEmpty();
        } finally {
            Files.setPosixFilePermissions(cache(), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void bundledDataIsCachedByResourceAndServedAsBundled() throws IOException {
        DataRequest request = new DataRequest(List.of(), true, false, DataRequest.DEFAULT_MAX_FILE_SIZE, cache());

        LoadedData first = DataLoader.load(request);
        List<Path> written = entries();
        LoadedData second = DataLoader.load(request);

        assertThat(written).hasSize(3);
        assertThat(second).isEqualTo(first).isEqualTo(DataLoader.load(DataRequest.bundledOnly()));
        assertThat(second.releases().get(0).bundledSample()).isTrue();
        assertThat(written).allSatisfy(e -> assertThat(entryIn(e).key().identity()).startsWith("resource:data/"));

        Path aws = written.stream().filter(e -> identity(e).contains("aws-")).findFirst().orElseThrow();
        plant(aws, f -> renamedFirst(f, "from-the-cache"), e -> e);
        assertThat(capabilityIds(DataLoader.load(request))).contains("from-the-cache");
    }

    private static String identity(Path entry) {
        try {
            return entryIn(entry).key().identity();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void concurrentLoadsAllSeeWholeEntries() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            files.add(dataFile("set-" + i + ".json", twoMappings("cap-" + i)));
        }
        LoadedData expected = parse(files.toArray(Path[]::new));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<LoadedData>> loads = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                loads.add(pool.submit(() -> load(files.toArray(Path[]::new))));
            }
            for (Future<LoadedData> load : loads) {
                assertThat(load.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(entries()).hasSize(4).allSatisfy(e -> assertThat(e.getFileName().toString()).endsWith(".cache"));
        assertThat(load(files.toArray(Path[]::new))).isEqualTo(expected);
    }
}
