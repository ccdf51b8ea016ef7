package dev.mapper.load;

import dev.mapper.model.FileContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Reads files on one thread per core, ahead of a loader that takes the results in its own order: what it sees,
 * errors and warnings included, is what reading the files one by one gives. Largest files start first, so that
 * the ATT&CK bundle on one core and the mapping files on the other finish together.
 */
final class ParallelReads implements AutoCloseable {

    private final ExecutorService pool;
    private final Map<Path, Future<FileContent>> started = new HashMap<>();
    private final Function<Path, FileContent> reader;

    /** {@code files} are distinct, as {@code DataLoader.filesNamedBy} lists them. */
    ParallelReads(List<Path> files, Function<Path, FileContent> reader) {
        this.reader = reader;
        int threads = Math.min(files.size(), Runtime.getRuntime().availableProcessors());
        if (threads < 2) {
            pool = null;
            return;
        }
        pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "mapper-read");
            thread.setDaemon(true); // a failed load must not wait for reads nobody will take
            return thread;
        });
        files.stream().filter(Files::isRegularFile)
                .sorted(Comparator.comparingLong((Path file) -> file.toFile().length()).reversed())
                .forEach(file -> started.put(file, pool.submit(() -> reader.apply(file))));
    }

    /** The file's content, read ahead or now. */
    FileContent read(Path file) {
        Future<FileContent> ahead = started.remove(file);
        if (ahead == null) {
            return reader.apply(file);
        }
        try {
            return ahead.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataFileException(file.toString(), "interrupted while reading", e);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
