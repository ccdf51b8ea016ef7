package dev.mapper.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The start-up floor under mapper's stack (bench/run.sh): the smallest picocli program shaped like a lookup, one
 * annotated command with seven options of the kinds mapper's have and one parameter, printing one line. It does
 * nothing else, so what it costs is the JVM and picocli; bench/run.sh runs it as the launcher runs mapper (its own
 * class-data archive, the same JVM flags).
 */
@Command(name = "floor", mixinStandardHelpOptions = true, version = "floor 1",
        description = "Prints the ID it is given.")
public final class PicocliFloor implements Callable<Integer> {

    enum Format { TABLE, JSON, CSV }

    @Parameters(paramLabel = "ID", description = "An ID.")
    String id;

    @Option(names = "--format", description = "Output format: ${COMPLETION-CANDIDATES}.")
    Format format = Format.TABLE;

    @Option(names = "--data", paramLabel = "PATH", description = "A data file. Repeatable.")
    List<Path> data = new ArrayList<>();

    @Option(names = "--framework", description = "A framework.")
    String framework;

    @Option(names = "--min-score", description = "A minimum score.")
    int minScore;

    @Option(names = "--all-versions", description = "Every version.")
    boolean allVersions;

    @Option(names = "--no-cache", description = "No cache.")
    boolean noCache;

    @Option(names = "--verbose", description = "More.")
    boolean verbose;

    @Override
    public Integer call() {
        System.out.println(id + " " + format);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new PicocliFloor()).execute(args));
    }
}
