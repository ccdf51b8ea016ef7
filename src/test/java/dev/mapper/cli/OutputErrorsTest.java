package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mapper.testing.MappingFiles;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output that cannot be written, as a shell user meets it: mapper in its own process, its stdout redirected to a
 * full device, closed, or piped into a reader that stops early. docs/exit-codes.md says what each gives.
 */
class OutputErrorsTest {

    @TempDir
    Path dir;

    private static void assumeDevFull() {
        assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full on this system; full-device tests skipped");
    }

    @Test
    void aFullDeviceIsAnOutputError() throws Exception {
        assumeDevFull();

        Cli.Run run = Processes.inBash(dir, "\"$@\" > /dev/full", "show", "T1528");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OUTPUT_ERROR);
        assertThat(run.err()).isEqualTo("mapper: cannot write to stdout: No space left on device\n");
    }

    @Test
    void anExportToAFullDeviceIsAnOutputError() throws Exception {
        assumeDevFull();
        Path data = manyMappings();

        Cli.Run run = Processes.inBash(dir, "\"$@\" > /dev/full",
                "--data", data.toString(), "export", "mappings", "-f", "csv");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OUTPUT_ERROR);
        assertThat(run.err()).isEqualTo("mapper: cannot write to stdout: No space left on device\n");
    }

    @Test
    void helpToAFullDeviceIsAnOutputErrorToo() throws Exception {
        assumeDevFull();

        Cli.Run run = Processes.inBash(dir, "\"$@\" > /dev/full", "--help");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OUTPUT_ERROR);
        assertThat(run.err()).isEqualTo("mapper: cannot write to stdout: No space left on device\n");
    }

    @Test
    void aClosedStdoutIsAnOutputError() throws Exception {
        Cli.Run run = Processes.inBash(dir, "\"$@\" >&-", "show", "T1528");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OUTPUT_ERROR);
        assertThat(run.err()).isEqualTo("mapper: cannot write to stdout: Bad file descriptor\n");
    }

    @Test
    void aReaderThatStopsEarlyEndsMapperQuietlyWith141() throws Exception {
        Path data = manyMappings();

        Cli.Run run = Processes.inBash(dir, "\"$@\" | head -1; exit ${PIPESTATUS[0]}",
                "--data", data.toString(), "export", "mappings", "-f", "csv");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BROKEN_PIPE).isEqualTo(128 + 13);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("capability_id,").hasLineCount(1);
    }

    /** A mapping file whose CSV export is far more than a pipe holds (64 KiB on Linux). */
    private Path manyMappings() throws Exception {
        return Files.writeString(dir.resolve("many.json"), MappingFiles.manyMappings(5000));
    }
}
