package dev.mapper.cli;

import dev.mapper.load.DataRequest;
import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Global options, given before or after the subcommand. Where data comes from: {@code --data} paths (or {@code MAPPER_DATA}), the bundled data, {@code --keep-going},
 * and where loaded files are cached ({@code MAPPER_CACHE_DIR}, {@code --no-cache}).
 */
final class DataOptions {

    static final String ENV_DATA = "MAPPER_DATA";
    static final String ENV_CACHE = "MAPPER_CACHE_DIR";

    @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "PATH",
            description = "A mapping file, ATT&CK STIX bundle, or directory searched recursively for *.json. "
                    + "Repeatable. Default: the paths in $" + ENV_DATA + " (separated by '" + "${sys:path.separator}" + "').")
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
        return new DataRequest(chosen, !noBundled, keepGoing, maxFileSize, noCache ? null : cacheDirectory(System::getenv));
    }

    /**
     * Where the cache of loaded files lives: {@code $MAPPER_CACHE_DIR}, else {@code $XDG_CACHE_HOME/mapper} (when
     * absolute, as the XDG spec asks), else {@code $HOME/.cache/mapper}; null, and no cache, when none is usable.
     */
    static Path cacheDirectory(UnaryOperator<String> environment) {
        try {
            String own = environment.apply(ENV_CACHE);
            if (own != null && !own.isBlank()) {
                return Path.of(own);
            }
            String xdg = environment.apply("XDG_CACHE_HOME");
            if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
                return Path.of(xdg, "mapper");
            }
            String home = environment.apply("HOME");
            return home == null || home.isBlank() ? null : Path.of(home, ".cache", "mapper");
        } catch (InvalidPathException e) {
            return null; // a cache is an optimisation: a path this system cannot use means none
        }
    }
}
