package dev.mapper.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.UUID;

/**
 * What {@code -o PATH} does with the path (docs/limits.md, "Output files"). A regular file, or a new one, is
 * replaced atomically: written beside it under a temporary name, then renamed over it, so that readers see the old
 * file or the whole new one, and a failure leaves the old one in place. The replacement keeps the mode and, where
 * permitted, the owner and group of the file it replaces; a new file gets the umask's mode. Symbolic links are
 * followed: the file they lead to is replaced, the link kept. Anything else that exists is not ours to replace: a
 * device ({@code /dev/null}, {@code /dev/full}, a terminal), a FIFO or an open descriptor ({@code /dev/stdout}) is
 * written to as a stream, as a shell's {@code >} would; a directory or a socket is refused. A run stopped by a
 * signal while it writes leaves no temporary file either.
 */
final class OutputFile {

    /** As many links as Linux follows in one path before it reports a loop (ELOOP). */
    private static final int MAX_LINKS = 40;

    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private OutputFile() {
    }

    static void write(Path path, Commands.Output output) {
        try {
            Path target = followLinks(path);
            if (Files.isDirectory(target)) {
                throw new FileSystemException(path.toString(), null, "it is a directory");
            }
            if (isSocket(target)) {
                throw new FileSystemException(path.toString(), null, "it is a socket");
            }
            if (isDescriptor(target) || Files.exists(target) && !Files.isRegularFile(target)) {
                writeThrough(target, output);
            } else {
                replace(target, output);
            }
        } catch (IOException e) {
            throw new OutputException("cannot write " + path + ": " + describe(e), e);
        }
    }

    /**
     * The path with its directories made real and the links of its last part followed, one at a time, up to a
     * file or a descriptor of {@code /proc/PID/fd}: those links name open files (a pipe reads {@code pipe:[123]}),
     * not paths.
     */
    private static Path followLinks(Path given) throws IOException {
        Path path = given.toAbsolutePath();
        for (int links = 0; path.getParent() != null; links++) {
            Path dir = path.getParent().toRealPath();
            path = dir.resolve(path.getFileName());
            if (isDescriptor(path) || !Files.isSymbolicLink(path)) {
                return path;
            }
            if (links == MAX_LINKS) {
                throw new FileSystemException(given.toString(), null, "too many levels of symbolic links");
            }
            path = dir.resolve(Files.readSymbolicLink(path));
        }
        return path;
    }

    /** {@code /proc/PID/fd/N}, where {@code /dev/stdout}, {@code /dev/stderr} and {@code /dev/fd/N} lead. */
    private static boolean isDescriptor(Path path) {
        return path.startsWith("/proc") && path.getNameCount() == 4 && path.getName(2).toString().equals("fd");
    }

    /** The file type bits of the mode, where the platform gives them (the "unix" view is Linux's and macOS's). */
    private static boolean isSocket(Path path) {
        try {
            return ((Integer) Files.getAttribute(path, "unix:mode") & S_IFMT) == S_IFSOCK;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false; // not there, or no such view: not a socket we can tell apart
        }
    }

    /** Appending, which for a device or a FIFO changes nothing and for a descriptor keeps what the shell wrote. */
    private static void writeThrough(Path target, Commands.Output output) throws IOException {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(
                Files.newOutputStream(target, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                StandardCharsets.UTF_8))) {
            output.writeTo(out);
        }
    }

    private static void replace(Path target, Commands.Output output) throws IOException {
        PosixFileAttributes existing = null;
        if (Files.exists(target)) {
            if (!Files.isWritable(target)) {
                throw new AccessDeniedException(target.toString()); // as a shell's > would refuse it
            }
            if (isPosix(target)) {
                existing = Files.readAttributes(target, PosixFileAttributes.class);
            }
        }
        // A name of our own rather than Files.createTempFile, which makes every file 0600 whatever the umask.
        String name = target.getFileName().toString();
        Path temp = target.resolveSibling("." + name.substring(0, Math.min(name.length(), 200)) + "."
                + UUID.randomUUID() + ".tmp");
        // Created no more open than the file it replaces (the umask can only take permissions away), then given its
        // exact mode; a new file is created as the umask says.
        FileAttribute<?>[] mode = existing == null ? new FileAttribute<?>[0]
                : new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(existing.permissions())};
        boolean renamed = false;
        Thread removeOnSignal = new TemporaryFileRemover(temp);
        Runtime.getRuntime().addShutdownHook(removeOnSignal);
        try {
            try (FileChannel channel = FileChannel.open(temp,
                    EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), mode);
                    Writer out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8))) {
                output.writeTo(out);
                out.flush();
                channel.force(true); // on disk before the rename, so that a crash cannot leave an empty file
            }
            if (existing != null) {
                keepOwnerAndMode(temp, existing);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            renamed = true;
        } finally {
            if (!renamed) {
                deleteQuietly(temp);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(removeOnSignal);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs now; after a rename it finds nothing to remove
            }
        }
    }

    /**
     * Removes the temporary file when the JVM is stopped while it exists (Ctrl-C, SIGTERM from a CI job's
     * timeout): a {@code finally} does not run then, shutdown hooks do. Registered only while the file exists.
     */
    private static final class TemporaryFileRemover extends Thread {
        private final Path temp;

        TemporaryFileRemover(Path temp) {
            super("remove " + temp.getFileName());
            this.temp = temp;
        }

        @Override
        public void run() {
            deleteQuietly(temp);
        }
    }

    /** Removes what a failed write left, without hiding the failure behind another. */
    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the directory became unwritable or went away: nothing more can be done
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Owner and group where permitted (root may give any; others their own groups), then the mode. */
    private static void keepOwnerAndMode(Path temp, PosixFileAttributes existing) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        try {
            view.setOwner(existing.owner());
        } catch (FileSystemException notPermitted) {
            // the file becomes ours, as it would with any editor
        }
        try {
            view.setGroup(existing.group());
        } catch (FileSystemException notPermitted) {
            // a group we are not in
        }
        view.setPermissions(existing.permissions()); // after chown, which may clear bits
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage();
    }
}
