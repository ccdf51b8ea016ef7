package dev.mapper.cache;

import dev.mapper.model.AttackRelease;
import dev.mapper.model.DataSource;
import dev.mapper.model.FileContent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

/**
 * A cache of what data files hold, one entry per file, so that a run whose files are unchanged decodes a compact
 * binary ({@link ContentCodec}) instead of parsing JSON: derived data, private to mapper, never an input. An entry is used only when everything matches: the entry
 * format, the build of mapper that wrote it, and the file's real path, size, modification time and a CRC32C of its
 * bytes (computed every run). Anything else, including an entry that is damaged in any way, is a miss: the file
 * is parsed, and the entry written again. Successful reads are stored, and so is a file's not being data (with the
 * reason, said again at every run); errors are never cached.
 *
 * <p>The cache is an optimisation and never changes what a run prints or returns: a directory that cannot be
 * created or written costs the next run a parse, and nothing is said about it.
 */
public final class ContentCache {

    /** No cache: every read parses. */
    public static final ContentCache OFF = new ContentCache(null, null, null);

    private static final int MAGIC = 0x4d415043; // "MAPC"
    private static final String ENTRY_PREFIX = "data-";
    private static final String ENTRY_SUFFIX = ".cache";
    private static final String TEMPORARY_SUFFIX = ".tmp";
    private static final long TEMPORARY_FILE_LIFETIME_MILLIS = 10 * 60 * 1000;
    /** Each reading thread hashes through a direct buffer of its own (CRC32C of a direct buffer is an intrinsic). */
    private static final ThreadLocal<ByteBuffer> HASH_BUFFER =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(1 << 20));

    private final Path directory;
    private final String buildId;
    private final BiPredicate<String, AttackRelease> versionFromName;
    /** Leftover temporary files are looked for once a run, at its first store. */
    private final AtomicBoolean swept = new AtomicBoolean();
    /** The CRC32C of each file read this run, for a caller that checks it (a data home's manifest). */
    private final Map<Path, Integer> checksums = new ConcurrentHashMap<>();

    private ContentCache(Path directory, String buildId, BiPredicate<String, AttackRelease> versionFromName) {
        this.directory = directory;
        this.buildId = buildId;
        this.versionFromName = versionFromName;
    }

    /**
     * The cache in the directory; {@link #OFF} for none, or when this build of mapper cannot name itself.
     *
     * @param versionFromName whether a release read from a file of that name may have taken its version from the
     *                        name: its entry is then valid under that name only
     */
    public static ContentCache at(Path directory, BiPredicate<String, AttackRelease> versionFromName) {
        String build = BuildId.VALUE;
        return directory == null || build == null ? OFF : new ContentCache(directory, build, versionFromName);
    }

    /**
     * The content of a user's file: from its entry when that is valid, else from {@code parse} (whose exceptions
     * pass through untouched, and are never stored), then stored.
     *
     * @param fileName the file name as the user's path gives it: an ATT&CK bundle without a version of its own
     *                 takes it from there
     */
    public FileContent read(Path file, String fileName, DataSource source, Supplier<FileContent> parse) {
        if (directory == null) {
            return parse.get();
        }
        Key key = keyOf(file);
        if (key == null) {
            return parse.get();
        }
        checksums.put(file, key.crc());
        // Stored only if the file still has the key after the parse: the bytes parsed are the bytes hashed.
        return cachedOrParsed(key, fileName, source, parse, () -> key.equals(keyOf(file)));
    }

    /** The CRC32C of the file's bytes as {@link #read} found them this run; null when it did not hash the file. */
    public Integer checksum(Path file) {
        return checksums.get(file);
    }

    /** The content of a resource bundled with mapper, whose bytes are given; as {@link #read}. */
    public FileContent readResource(String resource, byte[] bytes, String fileName, DataSource source,
                                    Supplier<FileContent> parse) {
        if (directory == null) {
            return parse.get();
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        Key key = new Key("resource:".concat(resource), bytes.length, 0, 0, (int) crc.getValue());
        return cachedOrParsed(key, fileName, source, parse, () -> true);
    }

    /** The file an entry for the key would be in (the entry names the key in full: a shared name is a miss). */
    Path entryFile(String identity) {
        long hash = 0xcbf29ce484222325L; // FNV-1a, 64 bits
        for (int i = 0; i < identity.length(); i++) {
            hash = (hash ^ identity.charAt(i)) * 0x100000001b3L;
        }
        String hex = Long.toHexString(hash);
        return directory.resolve(new StringBuilder(ENTRY_PREFIX).append("0".repeat(16 - hex.length())).append(hex)
                .append(ENTRY_SUFFIX).toString());
    }

    private FileContent cachedOrParsed(Key key, String fileName, DataSource source, Supplier<FileContent> parse,
                                       BooleanSupplier unchanged) {
        Path entryFile = entryFile(key.identity());
        FileContent cached = cached(entryFile, key, fileName, source);
        if (cached != null) {
            return cached;
        }
        FileContent parsed = parse.get();
        if (unchanged.getAsBoolean()) { // a file that changed while it was parsed is not stored under its old key
            String nameUsed = parsed.release() != null && versionFromName.test(fileName, parsed.release())
                    ? fileName : "";
            store(entryFile, key, nameUsed, () -> ContentCodec.encode(parsed));
        }
        return parsed;
    }

    /** The entry's content when it is valid for the key; null for a miss, whatever the reason. */
    private FileContent cached(Path entryFile, Key key, String fileName, DataSource source) {
        try {
            // Only a plain file of a plausible size is read: never a link to a device or a FIFO, nor a huge file.
            BasicFileAttributes attributes = Files.readAttributes(entryFile, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile() || attributes.size() > 2 * key.size() + (1 << 20)) {
                return null;
            }
            Entry entry = Entry.parse(Files.readAllBytes(entryFile));
            if (entry.format() != ContentCodec.VERSION || !entry.buildId().equals(buildId) || !entry.key().equals(key)
                    || !(entry.fileName().isEmpty() || entry.fileName().equals(fileName))) {
                return null;
            }
            ByteBuffer payload = entry.payload();
            return ContentCodec.decode(payload.array(), payload.arrayOffset() + payload.position(),
                    payload.remaining(), source);
        } catch (IOException | RuntimeException e) {
            return null; // none yet, damaged, truncated, another format: parsed instead, and written anew
        }
    }

    /** Writes the entry under a temporary name, then renames it: a concurrent run sees the old entry or the new. */
    private void store(Path entryFile, Key key, String nameUsed, Supplier<byte[]> payload) {
        try {
            byte[] bytes = new Entry(ContentCodec.VERSION, buildId, key, nameUsed, ByteBuffer.wrap(payload.get()))
                    .toBytes();
            Files.createDirectories(directory);
            if (swept.compareAndSet(false, true)) {
                sweepTemporaryFiles();
            }
            Path temporary = Files.createTempFile(directory, entryFile.getFileName() + ".", TEMPORARY_SUFFIX);
            try {
                Files.write(temporary, bytes);
                try {
                    Files.move(temporary, entryFile, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, entryFile, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | RuntimeException e) {
            // Not writable, disk full, a value the format does not keep: the next run parses again.
        }
    }

    /**
     * Deletes temporary files that a run killed while writing left behind (no run writes one for long), so that
     * they do not pile up.
     */
    private void sweepTemporaryFiles() {
        long before = System.currentTimeMillis() - TEMPORARY_FILE_LIFETIME_MILLIS;
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory,
                ENTRY_PREFIX + "*" + ENTRY_SUFFIX + ".*" + TEMPORARY_SUFFIX)) {
            for (Path leftover : leftovers) {
                if (Files.getLastModifiedTime(leftover, LinkOption.NOFOLLOW_LINKS).toMillis() < before) {
                    Files.deleteIfExists(leftover);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Left for the next store to try.
        }
    }

    /** The file's key now; null when it cannot be had (the file vanished, or is changing as it is hashed). */
    private static Key keyOf(Path file) {
        try {
            Path real = file.toRealPath();
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
            if (!attributes.isRegularFile() || attributes.size() == 0) {
                return null;
            }
            Instant modified = attributes.lastModifiedTime().toInstant();
            try (FileChannel channel = FileChannel.open(real, StandardOpenOption.READ)) {
                long size = channel.size();
                if (size != attributes.size()) {
                    return null;
                }
                // Read, not mapped: a mapped file that another process truncates kills the JVM (SIGBUS) when the
                // hash reaches the missing pages; a read just comes up short.
                CRC32C crc = new CRC32C();
                ByteBuffer buffer = HASH_BUFFER.get();
                long hashed = 0;
                for (int n; (n = channel.read(buffer.clear())) >= 0; ) {
                    crc.update(buffer.flip());
                    hashed += n;
                }
                if (hashed != size) {
                    return null;
                }
                return new Key("file:".concat(real.toString()), size, modified.getEpochSecond(), modified.getNano(),
                        (int) crc.getValue());
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * What an entry is valid for: the file (its real path, or a bundled resource), its size, its modification
     * time (seconds and nanoseconds; 0 for a resource) and the CRC32C of its bytes.
     */
    record Key(String identity, long size, long modifiedSeconds, int modifiedNanos, int crc) {

        // Written out: a record's generated equals and hashCode, like string concatenation with '+', bootstrap
        // method handles on first use, which costs a cold JVM tens of milliseconds (the hit path avoids both).
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && identity.equals(key.identity) && size == key.size
                    && modifiedSeconds == key.modifiedSeconds && modifiedNanos == key.modifiedNanos && crc == key.crc;
        }

        @Override
        public int hashCode() {
            return identity.hashCode() ^ Long.hashCode(size) ^ crc;
        }
    }

    /**
     * One entry file: a header (magic, format version, build, key, and the file name when the content depends on
     * it), then the payload with its length and CRC32C.
     */
    record Entry(int format, String buildId, Key key, String fileName, ByteBuffer payload) {

        byte[] toBytes() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(payload.remaining() + 256);
            DataOutputStream data = new DataOutputStream(out);
            data.writeInt(MAGIC);
            data.writeInt(format);
            data.writeUTF(buildId);
            data.writeUTF(key.identity());
            data.writeLong(key.size());
            data.writeLong(key.modifiedSeconds());
            data.writeInt(key.modifiedNanos());
            data.writeInt(key.crc());
            data.writeUTF(fileName);
            CRC32C crc = new CRC32C();
            crc.update(payload.duplicate());
            data.writeInt(payload.remaining());
            data.writeInt((int) crc.getValue());
            data.write(payload.array(), payload.arrayOffset() + payload.position(), payload.remaining());
            data.flush();
            return out.toByteArray();
        }

        /** The entry in the bytes; an {@link IOException} when they are not a whole, undamaged entry. */
        static Entry parse(byte[] bytes) throws IOException {
            ByteArrayInputStream in = new ByteArrayInputStream(bytes);
            DataInputStream data = new DataInputStream(in);
            if (data.readInt() != MAGIC) {
                throw new IOException("not a mapper cache entry");
            }
            int format = data.readInt();
            String buildId = data.readUTF();
            Key key = new Key(data.readUTF(), data.readLong(), data.readLong(), data.readInt(), data.readInt());
            String fileName = data.readUTF();
            int length = data.readInt();
            int expectedCrc = data.readInt();
            int offset = bytes.length - in.available();
            if (length != bytes.length - offset) {
                throw new IOException("payload of " + (bytes.length - offset) + " bytes, expected " + length);
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes, offset, length);
            if ((int) crc.getValue() != expectedCrc) {
                throw new IOException("payload checksum mismatch");
            }
            return new Entry(format, buildId, key, fileName, ByteBuffer.wrap(bytes, offset, length).slice());
        }
    }

    /**
     * Which build of mapper this is ({@code build-id.txt}, filled in by Maven: version and build time to the
     * millisecond): entries written by another build are never trusted, since what it read or how it encoded may
     * differ. Null, and so no cache, when the resource is missing or was not filled in (a build outside Maven).
     */
    private static final class BuildId {
        static final String VALUE = read();

        private static String read() {
            try (InputStream in = ContentCache.class.getResourceAsStream("build-id.txt")) {
                if (in == null) {
                    return null;
                }
                String id = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                return id.isEmpty() || id.contains("${") ? null : id;
            } catch (IOException e) {
                return null;
            }
        }
    }
}
