package dev.mapper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mapper.testing.MatrixFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The terminal matrix of {@link MatrixFixture}, compared with snapshots in src/test/resources/snapshots (escape
 * codes written as {@code \e}): at 80 and 120 columns, with and without colour (256 colours), and names with
 * sub-techniques listed when there is room. After a deliberate change, regenerate them with
 * {@code mvn test -Dtest=MatrixSnapshotTest -Dmapper.snapshots.update=true} and review the diff.
 */
class MatrixSnapshotTest {

    private static final Path SNAPSHOTS = Path.of("src", "test", "resources", "snapshots");

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeFixture() throws Exception {
        MatrixFixture.write(dir);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "matrix-80         |  80 | never  | ''",
        "matrix-80-color   |  80 | always | ''",
        "matrix-120        | 120 | never  | ''",
        "matrix-120-color  | 120 | always | ''",
        "matrix-80-names   |  80 | never  | --tactic entry,staying,impact --subtechniques --framework cloudx",
        "matrix-120-count  | 120 | always | --score count"})
    void theTableIsAsItsSnapshot(String name, int columns, String color, String options) throws Exception {
        List<String> args = new ArrayList<>(List.of("--no-bundled", "--data", dir.toString(), "matrix", "--color",
                color, "--no-pager"));
        if (!options.isEmpty()) {
            args.addAll(List.of(options.split(" ")));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Terminal terminal = new Terminal(Map.of("COLUMNS", String.valueOf(columns), "TERM", "xterm-256color"), false);
        String[] argv = args.toArray(String[]::new);
        int code = MapperCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), terminal, argv)
                .execute(argv);
        assertThat(code).as(err.toString()).isZero();
        String actual = out.toString().replace("\u001b", "\\e");

        Path snapshot = SNAPSHOTS.resolve(name + ".txt");
        if (Boolean.getBoolean("mapper.snapshots.update")) {
            Files.writeString(snapshot, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(snapshot));
        if (color.equals("never")) {
            assertThat(actual.lines()).allMatch(line -> line.length() <= columns, "fits in " + columns + " columns");
        }
    }
}
