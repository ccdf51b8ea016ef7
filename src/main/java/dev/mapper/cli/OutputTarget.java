package dev.mapper.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where results go: stdout, or with {@code -o FILE} a file that is replaced atomically. */
final class OutputTarget {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE instead of stdout; FILE is replaced atomically, never left half-written.")
    Path file;

    boolean toFile() {
        return file != null;
    }
}
