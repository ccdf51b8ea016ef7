package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mapper.testing.Bash;
import dev.mapper.testing.Cli;
import dev.mapper.testing.MappingFiles;
import dev.mapper.testing.Processes;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -o PATH} as docs/limits.md ("Output files") promises: a file replaced atomically with its mode and owner
 * kept, links followed, devices, FIFOs and descriptors written to and never replaced, directories and sockets
 * refused. CI runs as root, where replacing a device is possible: those cases are tried on device nodes of the
 * test's own (mknod) before the real ones.
 */
class OutputFileTest {

    @TempDir
    Path dir;

    private static String bundledTable() {
        return Cli.run("show", "T1528").out();
    }

    @Test
    void dashIsStdout() throws Exception {
        Cli.Run run = Processes.inBash(dir, "\"$@\"", "show", "T1528", "-o", "-");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(bundledTable());
        assertThat(dir.resolve("-")).doesNotExist();
    }

    @Test
    void aLinkIsFollowedAndKept() throws Exception {
        Path target = dir.resolve("target.json");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("target.json"));

        Cli.Run run = Cli.run("show", "T1528", "-f", "json", "-o", link.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(link).isSymbolicLink();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("target.json"));
        assertThat(Files.readString(target)).isEqualTo(Cli.run("show", "T1528", "-f", "json").out());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");
        assertThat(entries()).containsExactlyInAnyOrder("target.json", "link.json");
    }

    @Test
    void aDanglingLinkCreatesItsTarget() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), dir.resolve("sub/new.txt"));
        Files.createDirectory(dir.resolve("sub"));

        assertThat(Cli.run("show", "T1528", "-o", link.toString()).exitCode()).isZero();

        assertThat(link).isSymbolicLink();
        assertThat(dir.resolve("sub/new.txt")).isRegularFile();
        assertThat(Files.readString(dir.resolve("sub/new.txt"))).isEqualTo(bundledTable());
    }

    @Test
    void anExistingFileKeepsItsMode() throws Exception {
        List<String> modes = new ArrayList<>(List.of("rw-r--r--", "rw-------", "rw-rw-r--"));
        if (isRoot()) {
            modes.add("r--r-----"); // only root may write a read-only file
        }
        for (String mode : modes) {
            Path file = dir.resolve("out-" + mode + ".txt");
            Files.writeString(file, "old");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));

            Cli.Run run = Cli.run("show", "T1528", "-o", file.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(mode).isEqualTo(mode);
            assertThat(Files.readString(file)).isEqualTo(bundledTable());
        }
    }

    @Test
    void aNewFileGetsTheUmasksMode() throws Exception {
        Cli.Run run = Processes.inBash(dir, "umask 022; \"$@\" -o a.txt; umask 027; \"$@\" -o b.txt", "show", "T1528");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a.txt"))))
                .isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("b.txt"))))
                .isEqualTo("rw-r-----");
    }

    @Test
    void anExistingFileKeepsItsOwnerAndGroupAsRoot() throws Exception {
        assumeTrue(isRoot(), "only root can give a file to another user; owner test skipped");
        Path file = dir.resolve("theirs.txt");
        Files.writeString(file, "old");
        Files.setAttribute(file, "unix:uid", 1234);
        Files.setAttribute(file, "unix:gid", 4321);

        assertThat(Cli.run("show", "T1528", "-o", file.toString()).exitCode()).isZero();

        assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(1234);
        assertThat(Files.getAttribute(file, "unix:gid")).isEqualTo(4321);
        assertThat(Files.readString(file)).isEqualTo(bundledTable());
    }

    @Test
    void aFileWeMayNotWriteIsRefusedLikeAShellWould() throws Exception {
        assumeFalse(isRoot(), "root may write any file; read-only refusal tested as other users");
        Path file = dir.resolve("read-only.txt");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));

        Cli.Run run = Cli.run("show", "T1528", "-o", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OUTPUT_ERROR);
        assertThat(run.err()).isEqualTo("mapper: cannot write " + file + ": permission denied\n");
        assertThat(file).hasContent("old");
    }

    @Test
    void aFullDeviceIsWrittenToNotReplaced() throws Exception {
        Path ownNode = dir.resolve("full");
        if (mknod(ownNode, 7)) {
            assertDeviceFullAfterOutput(ownNode);
        }
        Path devFull = Path.of("/dev/full");
        assumeTrue(Files.exists(devFull), "no /dev/full on this system; full-device test skipped");
        assertDeviceFullAfterOutput(devFull);
    }

    private static void assertDeviceFullAfterOutput(Path device) throws Exception {
        Cli.Run run = Cli.run("show", "T1528", "-o", device.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OUTPUT_ERROR);
        assertThat(run.err()).isEqualTo("mapper: cannot write " + device + ": No space left on device\n");
        assertThat(isCharacterDevice(device)).as("%s is still a character device", device).isTrue();
    }

    @Test
    void theNullDeviceIsWrittenToNotReplaced() throws Exception {
        Path device = dir.resolve("null");
        assumeTrue(mknod(device, 3), "mknod not permitted here (not root); a device of our own is needed");

        Cli.Run run = Cli.run("show", "T1528", "-o", device.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(isCharacterDevice(device)).isTrue();
    }

    @Test
    void aFifoIsWrittenTo() throws Exception {
        Path fifo = mkfifo();
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        Cli.Run run = Cli.run("show", "T1528", "-o", fifo.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(reader.get(30, TimeUnit.SECONDS)).isEqualTo(bundledTable());
        assertThat(Files.getAttribute(fifo, "unix:mode")).satisfies(mode -> assertThat((Integer) mode & 0170000)
                .as("still a FIFO").isEqualTo(0010000));
    }

    @Test
    void aFifoWhoseReaderLeavesEndsMapperQuietly() throws Exception {
        Path fifo = mkfifo();
        Path data = Files.writeString(dir.resolve("many.json"), MappingFiles.manyMappings(5000));
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readNBytes(10);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        Cli.Run run = Cli.run("--data", data.toString(), "export", "mappings", "-f", "csv", "-o", fifo.toString());

        assertThat(new String(reader.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8)).isEqualTo("capability");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BROKEN_PIPE);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aDescriptorIsWrittenToAppendingLikeTheShell() throws Exception {
        // A link of our own to what /dev/stdout links to: the real /dev/stdout is the system's.
        Files.createSymbolicLink(dir.resolve("stdout"), Path.of("/proc/self/fd/1"));
        assumeTrue(Files.exists(Path.of("/proc/self/fd/1")), "no /proc/self/fd here");

        Cli.Run piped = Processes.inBash(dir, "\"$@\" | cat", "show", "T1528", "-o", "./stdout");
        Cli.Run appended = Processes.inBash(dir, "echo first > log; \"$@\" >> log; cat log", "show", "T1528", "-o", "./stdout");

        assertThat(piped.exitCode()).as(piped.err()).isZero();
        assertThat(piped.out()).isEqualTo(bundledTable());
        assertThat(appended.out()).isEqualTo("first\n" + bundledTable());
        assertThat(dir.resolve("stdout")).isSymbolicLink();
    }

    @Test
    void aDirectoryIsRefused() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub"));

        Cli.Run run = Cli.run("show", "T1528", "-o", sub.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OUTPUT_ERROR);
        assertThat(run.err()).isEqualTo("mapper: cannot write " + sub + ": it is a directory\n");
        assertThat(sub).isDirectory();
        assertThat(entries()).containsExactly("sub");
    }

    @Test
    void aSocketIsRefused() throws Exception {
        Path socket = dir.resolve("s.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));

            Cli.Run run = Cli.run("show", "T1528", "-o", socket.toString());

            assertThat(run.exitCode()).isEqualTo(ExitCodes.OUTPUT_ERROR);
            assertThat(run.err()).isEqualTo("mapper: cannot write " + socket + ": it is a socket\n");
            assertThat((Integer) Files.getAttribute(socket, "unix:mode") & 0170000).isEqualTo(0140000);
        }
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path data = Files.writeString(dir.resolve("many.json"), MappingFiles.manyMappings(5000));
        Path file = Files.writeString(dir.resolve("out.csv"), "old");

        // A file size limit (ulimit -f, in KiB) makes a write past it fail as a full disk would.
        Cli.Run run = Processes.inBash(dir, "ulimit -f 64; \"$@\"", "--data", data.toString(),
                "export", "mappings", "-f", "csv", "-o", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OUTPUT_ERROR);
        assertThat(run.err()).isEqualTo("mapper: cannot write " + file + ": File too large\n");
        assertThat(file).hasContent("old");
        assertThat(entries()).containsExactlyInAnyOrder("many.json", "out.csv");
    }

    @Test
    void aRunStoppedBySigtermWhileWritingLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Bash.assumeAvailable();
        Path data = Files.writeString(dir.resolve("many.json"), MappingFiles.manyMappings(50_000));
        Path file = Files.writeString(dir.resolve("out.json"), "old");

        Process mapper = Processes.start("--data", data.toString(), "export", "mappings", "-f", "json", "-o",
                file.toString());
        try {
            // Caught writing: held still (SIGSTOP) while the temporary file is there, then sent SIGTERM.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (entries().size() < 3 && mapper.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            signal("STOP", mapper);
            assertThat(entries()).as("a temporary file beside out.json while mapper writes")
                    .hasSize(3).anyMatch(name -> name.matches("\\.out\\.json\\..*\\.tmp"));
            mapper.destroy(); // SIGTERM
            signal("CONT", mapper);

            assertThat(mapper.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(mapper.exitValue()).isEqualTo(128 + 15);
            assertThat(file).hasContent("old");
            assertThat(entries()).containsExactlyInAnyOrder("many.json", "out.json");
        } finally {
            mapper.destroyForcibly();
        }
    }

    private static void signal(String name, Process process) throws Exception {
        assertThat(new ProcessBuilder("bash", "-c", "kill -" + name + " " + process.pid()).start().waitFor())
                .as("kill -%s", name).isZero();
    }

    @Test
    void aFailedRunLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("keep.txt");
        Files.writeString(file, "old");

        Cli.Run run = Cli.run("show", "T1528", "-f", "github", "-o", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(file).hasContent("old");
        assertThat(entries()).containsExactly("keep.txt");
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private boolean isRoot() throws IOException {
        return Integer.valueOf(0).equals(Files.getAttribute(dir, "unix:uid"));
    }

    private Path mkfifo() throws Exception {
        Path fifo = dir.resolve("fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "no mkfifo here");
        return fifo;
    }

    /** A character device with Linux's memory-device major 1 (3: null, 7: full); false where not permitted. */
    private static boolean mknod(Path path, int minor) throws Exception {
        return new ProcessBuilder("mknod", path.toString(), "c", "1", String.valueOf(minor))
                .redirectErrorStream(true).start().waitFor() == 0;
    }

    private static boolean isCharacterDevice(Path path) throws IOException {
        return ((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000) == 0020000;
    }
}
