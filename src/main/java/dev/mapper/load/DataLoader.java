package dev.mapper.load;

import dev.mapper.model.AttackRelease;
import dev.mapper.model.DataSource;
import dev.mapper.model.LoadedData;
import dev.mapper.model.MappingFile;
import dev.mapper.model.SetKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads the bundled data and the user's files. A user file replaces a bundled one that holds the same set
 * (mapping files: framework, framework version, ATT&CK version, domain; ATT&CK: domain and version).
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

        for (Path path : request.paths()) {
            if (Files.isDirectory(path)) {
                for (Path file : jsonFilesUnder(path, warnings)) {
                    readInto(file, true, request.keepGoing(), releases, mappingFiles, warnings);
                }
            } else {
                readInto(path, false, request.keepGoing(), releases, mappingFiles, warnings);
            }
        }
        if (request.includeBundled()) {
            addBundled(releases, mappingFiles);
        }
        return new LoadedData(releases, mappingFiles, warnings);
    }

    /** Reads one mapping file named by the user (what {@code diff} compares); anything else is a {@link DataFileException}. */
    public static MappingFile readMappingFile(Path file) {
        requireFile(file);
        DataFileReader.Content content = read(file);
        if (content.mappings() == null) {
            throw new DataFileException(file.toString(), "an ATT&CK STIX bundle, not a Mappings Explorer mapping file", null);
        }
        return content.mappings();
    }

    /** A file that does not exist stops the run even with --keep-going: it is a mistake on the command line. */
    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(file.toString(),
                    Files.exists(file) ? "not a regular file" : "no such file or directory", null);
        }
    }

    private static DataFileReader.Content read(Path file) {
        return DataFileReader.read(file.toString(), file.getFileName().toString(), DataSource.file(file.toString()),
                () -> Files.newInputStream(file));
    }

    private static void readInto(Path file, boolean underDirectory, boolean keepGoing, List<AttackRelease> releases,
                                 List<MappingFile> mappingFiles, List<String> warnings) {
        requireFile(file);
        try {
            add(read(file), releases, mappingFiles);
        } catch (DataFileReader.NotDataException e) {
            if (!underDirectory) {
                throw e;
            }
            warnings.add(e.getMessage() + " (skipped)");
        } catch (DataFileException e) {
            if (!keepGoing) {
                throw e;
            }
            warnings.add(e.getMessage() + " (skipped: --keep-going)");
        }
    }

    private static void add(DataFileReader.Content content, List<AttackRelease> releases, List<MappingFile> mappingFiles) {
        if (content.release() != null) {
            releases.add(content.release());
        } else {
            mappingFiles.add(content.mappings());
        }
    }

    /** Every {@code *.json} below the directory, sorted so that runs are reproducible. */
    private static List<Path> jsonFilesUnder(Path directory, List<String> warnings) {
        try (Stream<Path> walk = Files.walk(directory, FileVisitOption.FOLLOW_LINKS)) {
            return walk.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .collect(Collectors.toList());
        } catch (UncheckedIOException e) {
            throw new DataFileException(directory.toString(), "cannot search directory: " + e.getCause().getMessage(), e);
        } catch (IOException e) {
            throw new DataFileException(directory.toString(), "cannot search directory: " + e.getMessage(), e);
        }
    }

    private static void addBundled(List<AttackRelease> releases, List<MappingFile> mappingFiles) {
        Set<SetKey> userSets = new HashSet<>();
        mappingFiles.forEach(f -> userSets.add(f.set().key()));
        Set<String> userReleases = new HashSet<>();
        releases.forEach(r -> userReleases.add(r.domain() + "@" + r.version()));

        for (String resource : bundledResources()) {
            String path = "data/" + resource;
            DataFileReader.Content content = DataFileReader.read(path, resource.substring(resource.lastIndexOf('/') + 1),
                    DataSource.bundled(path), () -> openResource(path));
            if (content.release() != null) {
                AttackRelease release = content.release();
                if (!userReleases.contains(release.domain() + "@" + release.version())) {
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

    private static InputStream openResource(String path) throws IOException {
        InputStream in = DataLoader.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException("bundled resource " + path + " is missing from the build");
        }
        return in;
    }
}
