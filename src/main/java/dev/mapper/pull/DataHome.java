package dev.mapper.pull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The directory {@code mapper data pull} installs into and every other command reads by default: the installed
 * files under their publishers' names, and the {@link Manifest}. Files and the manifest are only ever replaced by
 * a rename of a complete file, so a reader (or an interrupted pull) sees the old state or the new, never half.
 */
public final class DataHome {

    /** Where downloads are written before they are checked; what is left there is from a pull that was stopped. */
    static final String STAGING = ".staging";
    private static final String LOCK = ".lock";

    private final Path directory;

    public DataHome(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /**
     * The installed files (absolute) with the CRC32C each had when installed, for the loader to check as it reads;
     * null when the directory holds no manifest (nothing was ever installed there).
     */
    public static Map<Path, Integer> installedFiles(Path directory) {
        Path manifestFile = directory.resolve(Manifest.FILE_NAME);
        if (!Files.isRegularFile(manifestFile)) {
            return null;
        }
        DataHome home = new DataHome(directory);
        Map<Path, Integer> files = new LinkedHashMap<>();
        for (Manifest.Entry entry : home.manifest().entries()) {
            files.put(home.file(entry), entry.crc32c());
        }
        return files;
    }

    /** The manifest; empty when there is none yet. */
    public Manifest manifest() {
        Path file = directory.resolve(Manifest.FILE_NAME);
        try {
            return Manifest.fromJson(file.toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Manifest.empty();
        } catch (IOException e) {
            throw new PullException(PullException.Kind.DATA_HOME, file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Where an entry's file is. */
    public Path file(Manifest.Entry entry) {
        return directory.resolve(entry.path()).toAbsolutePath().normalize();
    }

    /**
     * Takes the data home's lock, so that one pull or remove at a time changes it; when another holds it, says so
     * through {@code waiting} once and waits. Leftovers of a pull that was stopped are deleted once the lock is had.
     */
    Lock lock(Runnable waiting) {
        try {
            Files.createDirectories(directory);
            FileChannel channel = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            boolean said = false;
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // held by another pull in this JVM
                }
                if (lock != null) {
                    sweepStaging();
                    return new Lock(channel, lock);
                }
                if (!said) {
                    waiting.run();
                    said = true;
                }
                Thread.sleep(200);
            }
        } catch (IOException e) {
            throw cannotWrite(directory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PullException(PullException.Kind.DATA_HOME, "interrupted while waiting for the lock of "
                    + directory, e);
        }
    }

    /** The held lock; closing it lets the next pull in. */
    static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Lock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // closing the channel releases the lock in any case
            }
        }
    }

    /**
     * Where one download is written in the staging directory: the same name from one pull to the next (only one pull
     * at a time holds the lock), so that a pull resumes what a stopped one left there ({@link Downloader#fetch}).
     */
    Path stagingFile(Item item) {
        try {
            Path staging = Files.createDirectories(directory.resolve(STAGING));
            return staging.resolve(item.path().replace('/', '_') + ".part");
        } catch (IOException e) {
            throw cannotWrite(directory, e);
        }
    }

    /** Deletes what stopped pulls left in staging, but for downloads that can be resumed: a part with its resume file. */
    private void sweepStaging() throws IOException {
        Path staging = directory.resolve(STAGING);
        if (!Files.isDirectory(staging)) {
            return;
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(staging)) {
            for (Path leftover : leftovers) {
                String name = leftover.getFileName().toString();
                Path part = name.endsWith(".part.resume")
                        ? leftover.resolveSibling(name.substring(0, name.length() - ".resume".length())) : leftover;
                if (!part.getFileName().toString().endsWith(".part") || !Files.isRegularFile(part)
                        || !Files.isRegularFile(Downloader.resumeFile(part))) {
                    Files.deleteIfExists(leftover);
                }
            }
        }
    }

    /** Moves a checked download into place over the file it replaces, if any. */
    void install(Path staged, Item item) {
        Path target = directory.resolve(item.path());
        try {
            Files.createDirectories(target.getParent());
            moveInto(staged, target);
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
    }

    /** Writes the manifest whole: a temporary file, then a rename over the old one. */
    void write(Manifest manifest) {
        Path target = directory.resolve(Manifest.FILE_NAME);
        Path temporary = null;
        try {
            temporary = Files.createTempFile(Files.createDirectories(directory.resolve(STAGING)), Manifest.FILE_NAME,
                    ".part");
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(manifest.toJson()));
                out.force(true);
            }
            moveInto(temporary, target);
        } catch (IOException e) {
            throw cannotWrite(target, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** Deletes an installed file (already gone is fine). */
    void delete(Manifest.Entry entry) {
        Path file = file(entry);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
    }

    /** What an installed file is now, against its entry. */
    public enum FileState { OK, CHANGED, MISSING }

    /** Checks an installed file's SHA-256 against its entry. */
    public FileState check(Manifest.Entry entry) {
        Path file = file(entry);
        if (!Files.isRegularFile(file)) {
            return FileState.MISSING;
        }
        try {
            return Digests.of(file).sha256().equals(entry.sha256()) ? FileState.OK : FileState.CHANGED;
        } catch (IOException e) {
            return FileState.MISSING;
        }
    }

    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // left for the next pull's sweep
            }
        }
    }

    private static void moveInto(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static PullException cannotWrite(Path where, IOException e) {
        return new PullException(PullException.Kind.DATA_HOME, "cannot write " + where + ": " + e.getMessage()
                + " (the data home is as it was)", e);
    }

    /** A file's size, SHA-256 (hex) and CRC32C, from one read. */
    record Digests(long size, String sha256, int crc32c) {

        static Digests of(Path file) throws IOException {
            MessageDigest sha256;
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java has SHA-256", e);
            }
            CRC32C crc = new CRC32C();
            long size = 0;
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha256.update(buffer, 0, n);
                    crc.update(buffer, 0, n);
                    size += n;
                }
            }
            return new Digests(size, HexFormat.of().formatHex(sha256.digest()), (int) crc.getValue());
        }
    }
}
