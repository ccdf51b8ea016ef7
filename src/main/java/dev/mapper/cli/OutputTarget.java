package dev.mapper.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where results go: stdout, or with {@code -o PATH} the path, as {@link OutputFile} writes it. */
final class OutputTarget {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE instead of stdout ('-': stdout). A file is replaced atomically, never left "
                    + "half-written, keeping its mode; a link is followed; a device or FIFO is written to.")
    Path file;

    /** {@code -o -} is stdout, as for most tools; {@code -o ./-} names a file called "-". */
    boolean toFile() {
        return file != null && !file.toString().equals("-");
    }
}
