package dev.mapper.cli;

import dev.mapper.pull.Catalog;
import dev.mapper.pull.Downloader;
import dev.mapper.pull.Offer;
import dev.mapper.pull.SourceList;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** Where official data is fetched from, and how: for {@code data pull} and {@code data status --online}. */
final class SourceOptions {

    @Option(names = "--source", paramLabel = "DIR|URL",
            description = "Install from a mirror instead of the official sites: a data home that another mapper "
                    + "filled, as a directory (a copy on a disk) or an http(s) URL that serves one.")
    String source;

    @Option(names = "--source-list", paramLabel = "FILE",
            description = "Use this list of official sources instead of mapper's own (same format: see docs/data.md).")
    Path sourceList;

    @Option(names = "--allow-http", description = "Allow plain http URLs (a mirror on a network you trust).")
    boolean allowHttp;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Give up on a connection, a response or a stalled download after this long "
                    + "(default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
            description = "Retry a download that failed in a way that may pass (server error, timeout, cut "
                    + "connection) this many times, waiting longer each time (default: ${DEFAULT-VALUE}).")
    int retries;

    Downloader downloader() {
        Duration timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
        return new Downloader(new Downloader.Settings(timeout, timeout, Math.max(0, retries), Duration.ofSeconds(1),
                allowHttp, System::getenv));
    }

    /** What the chosen source offers (this asks the network, or reads the mirror). */
    List<Offer> offers(Downloader downloader) {
        if (source != null) {
            return Catalog.mirror(source, downloader);
        }
        return Catalog.official(sourceList != null ? SourceList.read(sourceList) : SourceList.official(), downloader);
    }
}
