package dev.mapper.cli;

import dev.mapper.load.DataRequest;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Global options, given before or after the subcommand. Where data comes from: {@code --data} paths (or {@code MAPPER_DATA}), the bundled data, {@code --keep-going}.
 */
final class DataOptions {

    static final String ENV_DATA = "MAPPER_DATA";

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
        return new DataRequest(chosen, !noBundled, keepGoing, maxFileSize);
    }
}
