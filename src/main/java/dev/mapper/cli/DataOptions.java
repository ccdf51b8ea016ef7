package dev.mapper.cli;

import dev.mapper.load.DataRequest;
import dev.mapper.pull.DataHome;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Global options, given before or after the subcommand. Where data comes from: {@code --data} paths (or
 * {@code MAPPER_DATA}, or the data home), the bundled data, {@code --keep-going},
 * and where loaded files are cached ({@code MAPPER_CACHE_DIR}, {@code --no-cache}).
 */
final class DataOptions {

    static final String ENV_DATA = "MAPPER_DATA";
    static final String ENV_CACHE = "MAPPER_CACHE_DIR";
    static final String ENV_DATA_HOME = "MAPPER_DATA_HOME";

    @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "PATH", converter = NonEmptyPath.class,
            description = "A mapping file, ATT&CK STIX bundle, or directory searched recursively for *.json (a data "
                    + "home is read as one). Repeatable. Default: the paths in $" + ENV_DATA + " (separated by '"
                    + "${sys:path.separator}" + "'), else the data home that 'mapper data pull' fills.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--no-bundled", scope = ScopeType.INHERIT, description = "Do not load the data bundled with mapper (T1528).")
    boolean noBundled;

    @Option(names = "--keep-going", scope = ScopeType.INHERIT,
            description = "Skip a malformed data file with a warning instead of stopping.")
    boolean keepGoing;

    @Option(names = "--max-file-size", scope = ScopeType.INHERIT, paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "Refuse data files larger than this: bytes, or with K, M or G (default: 128M).")
    long maxFileSize = DataRequest.DEFAULT_MAX_FILE_SIZE;

    @Option(names = "--no-cache", scope = ScopeType.INHERIT,
            description = "Parse every data file: neither read nor write the cache of loaded files, which is kept "
                    + "in $" + ENV_CACHE + ", else $XDG_CACHE_HOME/mapper, else ~/.cache/mapper.")
    boolean noCache;

    /**
     * What to load: the {@code --data} paths, else those of {@code $MAPPER_DATA}, else the data home when something
     * is installed there; the bundled data besides, unless {@code --no-bundled}. A data home named as a path is
     * read as one: the files its manifest lists, each checked against the checksum it was installed with.
     */
    /** A path that is not empty: {@code --data ''} (an unset variable, say) would otherwise read the directory. */
    static final class NonEmptyPath implements CommandLine.ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (value.isBlank()) {
                throw new CommandLine.TypeConversionException("an empty path; give a file or directory");
            }
            return Path.of(value);
        }
    }

    DataRequest request() {
        List<Path> chosen = paths;
        if (chosen.isEmpty()) {
            chosen = new ArrayList<>();
            String env = System.getenv(ENV_DATA);
            if (env != null) {
                for (String part : env.split(File.pathSeparator)) {
                    if (!part.isBlank()) {
                        chosen.add(Path.of(part.trim()));
                    }
                }
            }
        }
        List<Path> files = new ArrayList<>();
        Map<Path, Integer> installed = new HashMap<>();
        if (chosen.isEmpty()) {
            Path home = dataHome(System::getenv);
            Map<Path, Integer> homeFiles = home == null ? null : DataHome.installedFiles(home);
            if (homeFiles != null) {
                installed.putAll(homeFiles);
            }
        }
        for (Path path : chosen) {
            Map<Path, Integer> homeFiles = Files.isDirectory(path) ? DataHome.installedFiles(path) : null;
            if (homeFiles != null) {
                installed.putAll(homeFiles);
            } else {
                files.add(path);
            }
        }
        return new DataRequest(files, !noBundled, keepGoing, maxFileSize,
                noCache ? null : cacheDirectory(System::getenv), installed);
    }

    /** The bundled data alone, through the cache unless {@code --no-cache}: what {@code --version} reports. */
    DataRequest bundledRequest() {
        return new DataRequest(List.of(), true, false, maxFileSize, noCache ? null : cacheDirectory(System::getenv));
    }

    /**
     * Where {@code mapper data pull} installs and every command reads by default: {@code $MAPPER_DATA_HOME}, else
     * {@code $XDG_DATA_HOME/mapper}, else {@code $HOME/.local/share/mapper}; null when none can be named.
     */
    static Path dataHome(UnaryOperator<String> environment) {
        return userDirectory(environment, ENV_DATA_HOME, "XDG_DATA_HOME", ".local/share");
    }

    /**
     * Where the cache of loaded files lives: {@code $MAPPER_CACHE_DIR}, else {@code $XDG_CACHE_HOME/mapper} (when
     * absolute, as the XDG spec asks), else {@code $HOME/.cache/mapper}; null, and no cache, when none is usable.
     */
    static Path cacheDirectory(UnaryOperator<String> environment) {
        return userDirectory(environment, ENV_CACHE, "XDG_CACHE_HOME", ".cache");
    }

    /**
     * mapper's directory of a kind: the one {@code own} names, else {@code mapper} under the XDG variable's
     * directory (when absolute, as the XDG spec asks), else under {@code $HOME/homeDefault}; null when none is
     * usable.
     */
    private static Path userDirectory(UnaryOperator<String> environment, String own, String xdgVariable,
                                      String homeDefault) {
        try {
            String ownValue = environment.apply(own);
            if (ownValue != null && !ownValue.isBlank()) {
                return Path.of(ownValue);
            }
            String xdg = environment.apply(xdgVariable);
            if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
                return Path.of(xdg, "mapper");
            }
            String home = environment.apply("HOME");
            return home == null || home.isBlank() ? null : Path.of(home, homeDefault, "mapper");
        } catch (InvalidPathException e) {
            return null; // a path this system cannot use means none
        }
    }
}
