package dev.mapper.load;

import dev.mapper.cache.ContentCache;
import dev.mapper.model.AttackRelease;
import dev.mapper.model.DataSource;
import dev.mapper.model.FileContent;
import dev.mapper.model.LoadedData;
import dev.mapper.model.MappingFile;
import dev.mapper.model.SetKey;
import dev.mapper.model.Sizes;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

/**
 * Loads the bundled data and the user's files. A user file replaces a bundled one that holds the same set
 * (mapping files: framework, framework version, ATT&CK version, domain; ATT&CK: domain and version). A file loaded
 * before and unchanged since is decoded from the request's cache ({@link ContentCache}) instead of parsed.
 */
public final class DataLoader {

    /** Lists the bundled files, one classpath path under {@code data/} per line. */
    static final String BUNDLED_INDEX = "data/bundled.txt";

    private DataLoader() {
    }

    public static LoadedData load(DataRequest request) {
        List<AttackRelease> releases = new ArrayList<>();
        List<MappingFile> mappingFiles = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        ContentCache cache = ContentCache.at(request.cacheDirectory(), StixBundleReader::versionFromName);
        List<Path> named = new ArrayList<>(request.paths());
        named.addAll(installedFiles(request.installed(), warnings));
        List<NamedFile> files = filesNamedBy(named, warnings);
        List<Path> paths = new ArrayList<>();
        for (NamedFile file : files) {
            paths.add(file.path());
        }
        try (ParallelReads reads = new ParallelReads(paths, file -> read(file, request.maxFileSize(), cache))) {
            for (NamedFile file : files) {
                readInto(reads, file.path(), file.underDirectory(), request, releases, mappingFiles, warnings);
                Integer checksum = request.installed().get(file.path());
                if (checksum != null && checksum != checksumOf(file.path(), cache)) {
                    warnings.add(file.path() + ": changed since it was installed (its checksum no longer matches "
                            + "the data home's manifest; mapper data pull installs it again)");
                }
            }
        }
        if (request.includeBundled()) {
            addBundled(releases, mappingFiles, cache);
        }
        return new LoadedData(releases, mappingFiles, warnings);
    }

    /** A file to read, and whether it was found under a directory (where files that are not data are skipped). */
    record NamedFile(Path path, boolean underDirectory) {
    }

    /**
     * The files the paths name (directories: every {@code *.json} below them), in order, each once: a file reached
     * twice (named again, under two given directories, or through a link) would otherwise be counted twice.
     */
    static List<NamedFile> filesNamedBy(List<Path> paths, List<String> warnings) {
        List<NamedFile> files = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path path : paths) {
            boolean directory = Files.isDirectory(path);
            for (Path file : directory ? jsonFilesUnder(path, warnings) : List.of(path)) {
                if (seen.add(identity(file))) {
                    files.add(new NamedFile(file, directory));
                }
            }
        }
        return files;
    }

    /**
     * The installed files that are there, in a reproducible order; each missing one is a warning (a user may have
     * deleted it: the rest of the data home is still good).
     */
    private static List<Path> installedFiles(Map<Path, Integer> installed, List<String> warnings) {
        List<Path> present = new ArrayList<>();
        for (Path file : new TreeSet<>(installed.keySet())) {
            if (Files.isRegularFile(file)) {
                present.add(file);
            } else {
                warnings.add(file + ": installed but missing (skipped; mapper data pull installs it again)");
            }
        }
        return present;
    }

    /** The CRC32C of the file's bytes: the one the cache computed this run, else read for this check. */
    private static int checksumOf(Path file, ContentCache cache) {
        Integer computed = cache.checksum(file);
        if (computed != null) {
            return computed;
        }
        CRC32C crc = new CRC32C();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new DataFileException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
        return (int) crc.getValue();
    }

    /** The file's real path when it exists (links resolved), else the path as given. */
    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    /**
     * Reads one data file of either format, whole and without the cache: what {@code mapper data pull} checks a
     * download with before it replaces anything. {@code fileName} is the name the file is published under (an
     * ATT&CK bundle without a collection version takes its version from it). A file that is neither format is a
     * {@link DataFileException}.
     */
    public static FileContent readFile(Path file, String name, String fileName, long maxFileSize) {
        requireFile(file);
        return DataFileReader.read(name, fileName, DataSource.file(file.toString()),
                () -> Files.newInputStream(file), maxFileSize);
    }

    /** Reads one mapping file named by the user (what {@code diff} compares); anything else is a {@link DataFileException}. */
    public static MappingFile readMappingFile(Path file, long maxFileSize) {
        requireFile(file);
        FileContent content = read(file, maxFileSize, ContentCache.OFF);
        if (content.mappings() == null) {
            throw new DataFileException(file.toString(), "an ATT&CK STIX bundle, not a Mappings Explorer mapping file", null);
        }
        return content.mappings();
    }

    /** A file that does not exist stops the run even with --keep-going: it is a mistake on the command line. */
    static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(file.toString(),
                    Files.exists(file) ? "not a regular file" : "no such file or directory", null);
        }
    }

    /** Reads a user's file of either format, within the size limit, from the cache when it holds the file as it is. */
    private static FileContent read(Path file, long maxFileSize, ContentCache cache) {
        String name = file.toString();
        checkReadable(file, name, maxFileSize);
        String fileName = file.getFileName().toString();
        DataSource source = DataSource.file(name);
        return dataOrThrow(name, cache.read(file, fileName, source, () -> notDataAsValue(
                () -> DataFileReader.read(name, fileName, source, () -> Files.newInputStream(file), maxFileSize))));
    }

    /** What reading gives, a file's not being data included, as the cache keeps it: a value, not an exception. */
    private static FileContent notDataAsValue(Supplier<FileContent> read) {
        try {
            return read.get();
        } catch (DataFileReader.NotDataException e) {
            return FileContent.notData(e.reason());
        }
    }

    /** The content of a data file; a file that is not data is the error reading it gives. */
    private static FileContent dataOrThrow(String name, FileContent content) {
        if (content.notData() != null) {
            throw new DataFileReader.NotDataException(name, content.notData());
        }
        return content;
    }

    /** Reads a user's file of either format, within the size limit, telling {@code diagnostics} what is wrong. */
    static FileContent read(Path file, long maxFileSize, Diagnostics diagnostics) {
        String name = file.toString();
        checkReadable(file, name, maxFileSize);
        return DataFileReader.read(name, file.getFileName().toString(), DataSource.file(name),
                () -> Files.newInputStream(file), maxFileSize, diagnostics);
    }

    private static void readInto(ParallelReads reads, Path file, boolean underDirectory, DataRequest request,
                                 List<AttackRelease> releases, List<MappingFile> mappingFiles, List<String> warnings) {
        requireFile(file);
        try {
            add(reads.read(file), releases, mappingFiles);
        } catch (DataFileReader.NotDataException e) {
            if (!underDirectory) {
                throw e;
            }
            if (!e.jsonSchema()) {
                warnings.add(e.getMessage() + " (skipped)");
            }
        } catch (DataFileException e) {
            if (!request.keepGoing()) {
                throw e;
            }
            warnings.add(e.getMessage() + " (skipped: --keep-going)");
        }
    }

    /** Refuses, before any byte is parsed, a file mapper may not open or that is over the size limit. */
    private static void checkReadable(Path file, String name, long maxFileSize) {
        if (!Files.isReadable(file)) {
            throw new DataFileReader.NotDataException(name, "cannot read: permission denied");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new DataFileException(name, "cannot read: " + e.getMessage(), e);
        }
        if (size > maxFileSize) {
            throw new DataFileException(name, "the file is " + Sizes.of(size) + ", over the maximum file size of "
                    + Sizes.of(maxFileSize) + " (raise it with --max-file-size, e.g. --max-file-size 1G)", null);
        }
    }

    private static void add(FileContent content, List<AttackRelease> releases, List<MappingFile> mappingFiles) {
        if (content.release() != null) {
            releases.add(content.release());
        } else {
            mappingFiles.add(content.mappings());
        }
    }

    /**
     * Every {@code *.json} below the directory, sorted so that runs are reproducible. Symbolic links are followed;
     * what cannot be followed or read below the top (a link loop, a broken link, a closed directory) is skipped
     * with a warning, so one bad entry does not hide the rest of the tree.
     */
    static List<Path> jsonFilesUnder(Path directory, List<String> warnings) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(directory, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                                if (attributes.isRegularFile()) {
                                    files.add(file);
                                } else if (attributes.isSymbolicLink()) {
                                    warnings.add(file + ": broken symbolic link (skipped)");
                                }
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                            if (file.equals(directory)) {
                                throw e;
                            }
                            warnings.add(file + ": " + walkProblem(e) + " (skipped)");
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new DataFileException(directory.toString(), "cannot search directory: " + walkProblem(e), e);
        }
        files.sort(null);
        return files;
    }

    private static String walkProblem(IOException e) {
        if (e instanceof FileSystemLoopException) {
            return "symbolic link loop";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot read: permission denied";
        }
        return "cannot read: " + e.getMessage();
    }

    private static void addBundled(List<AttackRelease> releases, List<MappingFile> mappingFiles, ContentCache cache) {
        // Loops, not forEach: each lambda costs ~0.1 ms to link in a cold JVM, and every run reads the bundled data.
        Set<SetKey> userSets = new HashSet<>();
        for (MappingFile file : mappingFiles) {
            userSets.add(file.set().key());
        }
        Set<String> userReleases = new HashSet<>();
        for (AttackRelease release : releases) {
            userReleases.add(release.label());
        }

        for (String resource : bundledResources()) {
            String path = "data/" + resource;
            String fileName = resource.substring(resource.lastIndexOf('/') + 1);
            DataSource source = DataSource.bundled(path);
            byte[] bytes = resourceBytes(path);
            FileContent content = dataOrThrow(path, cache.readResource(path, bytes, fileName, source,
                    () -> notDataAsValue(() -> DataFileReader.read(path, fileName, source,
                            () -> new ByteArrayInputStream(bytes), DataRequest.DEFAULT_MAX_FILE_SIZE))));
            if (content.release() != null) {
                AttackRelease release = content.release();
                if (!userReleases.contains(release.label())) {
                    releases.add(release);
                }
            } else if (!userSets.contains(content.mappings().set().key())) {
                mappingFiles.add(content.mappings());
            }
        }
    }

    private static List<String> bundledResources() {
        List<String> names = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(openResource(BUNDLED_INDEX), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    names.add(line.trim());
                }
            }
        } catch (IOException e) {
            throw new DataFileException(BUNDLED_INDEX, "cannot read the bundled data index: " + e.getMessage(), e);
        }
        return names;
    }

    private static byte[] resourceBytes(String path) {
        try (InputStream in = openResource(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new DataFileException(path, "cannot read: " + e.getMessage(), e);
        }
    }

    private static InputStream openResource(String path) throws IOException {
        InputStream in = DataLoader.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException("bundled resource " + path + " is missing from the build");
        }
        return in;
    }
}
