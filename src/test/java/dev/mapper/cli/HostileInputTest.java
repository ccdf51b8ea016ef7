package dev.mapper.cli;

import static dev.mapper.testing.MappingFiles.file;
import static dev.mapper.testing.MappingFiles.mappingOfT1528;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapper.render.Format;
import dev.mapper.testing.Cli;
import dev.mapper.testing.Parsed;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Broken, hostile and oversized input through the whole command line: each gives one clear line on stderr and a
 * documented exit code, or loads without losing anything; nothing from the data reaches the terminal raw.
 */
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ONE_MAPPING = withFields("");

    @TempDir
    Path dir;

    /** A file of one mapping, C-1 to T1528, with {@code rawFields} written as given after its other fields. */
    private static String withFields(String rawFields) {
        return file("test").add(mappingOfT1528("C-1").rawFields(rawFields)).text();
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        return Files.write(path, bytes);
    }

    private static Cli.Run show(Path data, String... options) {
        String[] args = new String[options.length + 7];
        args[0] = "--no-bundled";
        args[1] = "--data";
        args[2] = data.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        System.arraycopy(new String[] {"show", "T1528", "--format", "json"}, 0, args, options.length + 3, 4);
        return Cli.run(args);
    }

    private static JsonNode mappings(Cli.Run run) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out()).path("mappings");
    }

    /** One line on stderr naming the file and what is wrong, the exit code, nothing on stdout, no stack trace. */
    private static void assertFails(Cli.Run run, int exitCode, String... messageParts) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("mapper: ").doesNotContain("\tat ", "Exception").contains(messageParts);
        assertThat(run.err().strip().lines()).hasSizeLessThanOrEqualTo(2); // usage errors add a "Try --help" line
    }

    @Test
    void truncatedFileStopsWithItsPositionAndNoStackTraceUnlessVerbose() throws IOException {
        Path path = write("cut.json", ONE_MAPPING.substring(0, ONE_MAPPING.lastIndexOf("mitigates")));

        assertFails(show(path), ExitCodes.BAD_DATA, path + ":3:", "end-of-input");
        assertThat(show(path, "--verbose").err()).contains("\tat ");
    }

    @Test
    void utf8WithByteOrderMarkLoads() throws IOException {
        Path path = write("bom.json", "\uFEFF" + ONE_MAPPING);

        assertThat(mappings(show(path))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"})
    void otherUnicodeEncodingsAreNamedWithOrWithoutByteOrderMark(String encoding) throws IOException {
        Charset charset = Charset.forName(encoding);
        Path plain = write("plain.json", ONE_MAPPING.getBytes(charset));
        Path marked = write("marked.json", ("\uFEFF" + ONE_MAPPING).getBytes(charset));

        assertFails(show(plain), ExitCodes.BAD_DATA, plain + ": the file is encoded as " + encoding + ";", "UTF-8 only");
        assertFails(show(marked), ExitCodes.BAD_DATA, marked + ": the file is encoded as " + encoding
                + " (with a byte order mark)");
        // In a directory too: data in the wrong encoding is an error, not a file to skip.
        assertFails(show(dir), ExitCodes.BAD_DATA, "encoded as " + encoding);
    }

    @Test
    void latin1IsNotMistakenForUtf8() throws IOException {
        Path path = write("latin1.json", file("test").add(mappingOfT1528("Caf\u00e9")).text().getBytes(StandardCharsets.ISO_8859_1));

        assertFails(show(path), ExitCodes.BAD_DATA, path + ":3:", "not valid UTF-8", "Latin-1");
        assertFails(show(dir), ExitCodes.BAD_DATA, "not valid UTF-8");
    }

    @Test
    void duplicateKeysAreReportedWithTheirPosition() throws IOException {
        Path topLevel = write("top.json", ONE_MAPPING.replace("\n]}", "\n],\n\"mapping_objects\": []}"));
        Path inMetadata = write("meta.json", ONE_MAPPING.replace("{\"name\": \"mitigates\",",
                "{\"name\": \"a\", \"name\": \"b\","));
        Path differentValue = write("field.json", withFields(",\n\"capability_id\": \"C-2\""));
        Path stringAndNumber = write("kind.json", withFields(", \"x\": \"1\",\n\"x\": 1"));
        Path insideUnknown = write("unknown.json", withFields(", \"x\": {\"a\": 1,\n\"a\": 1}"));

        assertFails(show(topLevel), ExitCodes.BAD_DATA, topLevel + ":5:1: duplicate top-level field \"mapping_objects\"");
        assertFails(show(inMetadata), ExitCodes.BAD_DATA, inMetadata + ":1:", "duplicate field \"name\"");
        assertFails(show(differentValue), ExitCodes.BAD_DATA,
                differentValue + ":4:1: duplicate field \"capability_id\" with a different value");
        assertFails(show(stringAndNumber), ExitCodes.BAD_DATA, stringAndNumber + ":4:1: duplicate field \"x\"");
        assertFails(show(insideUnknown), ExitCodes.BAD_DATA, insideUnknown + ":4:", "duplicate field \"a\"");
    }

    @Test
    void aKeyRepeatedWithTheSameValueLosesNothingAndLoads() throws IOException {
        // As in the official NIST 800-53 rev4 / ATT&CK 14.1 file ("capability_group": null twice; the builder writes
        // the first).
        Path path = write("same.json", withFields(", \"capability_group\": null"));

        JsonNode mappings = mappings(show(path));
        assertThat(mappings).hasSize(1);
        assertThat(mappings.get(0).path("capability_group").isNull()).isTrue();
        assertThat(mappings.get(0).has("extra_fields")).isFalse();
    }

    @Test
    void duplicateKeysInStixBundlesAreReported() throws IOException {
        String pattern = "{\"type\": \"attack-pattern\", \"id\": \"attack-pattern--1\", \"name\": \"A\",\n\"name\": \"B\"}";
        Path inObject = write("object.json", "{\"type\": \"bundle\", \"objects\": [" + pattern + "]}");
        Path topLevel = write("top.json", "{\"type\": \"bundle\", \"objects\": [],\n\"objects\": []}");

        assertFails(show(inObject), ExitCodes.BAD_DATA, inObject + ":2:", "duplicate field \"name\"");
        assertFails(show(topLevel), ExitCodes.BAD_DATA, topLevel + ":2:1: duplicate top-level field \"objects\"");
    }

    @Test
    void unknownFieldsAreKeptWithTheirValues() throws IOException {
        Path path = write("newer.json", withFields(", \"x_new\": {\"a\": [1, \"b\", null, 2.5]}"));

        JsonNode extra = mappings(show(path)).get(0).path("extra_fields");
        assertThat(extra).isEqualTo(JSON.readTree("{\"x_new\": {\"a\": [1, \"b\", null, 2.5]}}"));
    }

    @Test
    void readLimitsStopPathologicalInputWithAClearError() throws IOException {
        Path deep = write("deep.json", withFields(", \"x\": " + "[".repeat(70) + "]".repeat(70)));
        Path number = write("number.json", withFields(", \"x\": " + "9".repeat(100)));
        Path name = write("name.json", withFields(", \"" + "n".repeat(5000) + "\": 1"));
        Path string = write("string.json", withFields(", \"x\": \"" + "s".repeat(8 * 1024 * 1024 + 1) + "\""));

        assertFails(show(deep), ExitCodes.BAD_DATA, deep + ":3:", "nesting depth", "(64)", "docs/limits.md");
        assertFails(show(number), ExitCodes.BAD_DATA, number + ":3:", "Number value length", "(64)");
        assertFails(show(name), ExitCodes.BAD_DATA, name + ":3:", "Name length", "(4096)");
        assertFails(show(string), ExitCodes.BAD_DATA, string + ":3:", "String value length", "(8388608)");
        Path deepButAllowed = write("ok.json", withFields(", \"x\": " + "[".repeat(50) + "]".repeat(50)));
        assertThat(mappings(show(deepButAllowed))).hasSize(1);
    }

    @Test
    void filesOverTheMaximumSizeAreRefusedUnlessTheLimitIsRaised() throws IOException {
        Path path = write("big.json", withFields(", \"comments\": \"" + "c".repeat(3875) + "\""));

        assertFails(show(path, "--max-file-size", "2K"), ExitCodes.BAD_DATA,
                path + ": the file is 4.3 KiB, over the maximum file size of 2.0 KiB", "--max-file-size");
        assertThat(mappings(show(path, "--max-file-size", "8K"))).hasSize(1);
        assertThat(mappings(show(path, "--max-file-size", "1G"))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "0", "-1", "12T", "99999999999999G"})
    void aMaximumSizeThatIsNotASizeIsAUsageError(String size) throws IOException {
        Path path = write("ok.json", ONE_MAPPING);

        assertFails(show(path, "--max-file-size", size), ExitCodes.USAGE, "'" + size + "' is not a size");
    }

    @Test
    void directoryWalksSkipWhatIsNotDataWithAWarningAndLoadTheRest() throws IOException {
        write("good/a.json", ONE_MAPPING);
        Path notJson = write("notes/readme.json", "# not JSON");
        Path otherJson = write("notes/package.json", "{\"name\": \"something else\"}");
        Path empty = write("notes/empty.json", "");
        write("notes/readme.txt", "ignored: not *.json");
        Files.createSymbolicLink(dir.resolve("good/loop"), dir);
        Files.createSymbolicLink(dir.resolve("good/broken.json"), dir.resolve("nowhere.json"));

        Cli.Run run = show(dir);

        assertThat(mappings(run)).hasSize(1);
        assertThat(run.err().lines()).allMatch(line -> line.startsWith("mapper: warning: "))
                .anyMatch(line -> line.contains(notJson + ":1:1: Unexpected character") && line.endsWith("(skipped)"))
                .anyMatch(line -> line.contains(otherJson + ": not an ATT&CK STIX bundle or a Mappings Explorer"))
                .anyMatch(line -> line.contains(empty + ": empty file"))
                .anyMatch(line -> line.contains("loop: symbolic link loop (skipped)"))
                .anyMatch(line -> line.contains("broken.json: broken symbolic link (skipped)"))
                .noneMatch(line -> line.contains("readme.txt"));
        // Named directly, the same files are errors.
        assertFails(show(notJson), ExitCodes.BAD_DATA, notJson + ":1:1: Unexpected character");
        assertFails(show(otherJson), ExitCodes.BAD_DATA, otherJson + ": not an ATT&CK STIX bundle");
        assertFails(show(dir.resolve("good/broken.json")), ExitCodes.BAD_DATA, "no such file or directory");
        assertFails(show(dir.resolve("missing.json")), ExitCodes.BAD_DATA, "missing.json: no such file or directory");
    }

    @Test
    void aJsonSchemaUnderADirectoryIsSkippedSilentlyAndAnErrorWhenNamed() throws IOException {
        // As the unified schema is published beside the mapping files.
        Path schema = write("mappings/schema.json", "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", "
                + "\"title\": \"ATT&CK Mappings Unified Schema\", \"type\": \"object\", \"properties\": {}}");
        write("mappings/a.json", ONE_MAPPING);

        Cli.Run run = show(dir);

        assertThat(run.err()).isEmpty();
        assertThat(mappings(run)).hasSize(1);
        assertFails(show(schema), ExitCodes.BAD_DATA, schema + ": a JSON Schema, not an ATT&CK STIX bundle or a "
                + "Mappings Explorer mapping file");
    }

    @Test
    void aTopLevelSchemaValueThatIsAnObjectIsSkippedWhole() throws IOException {
        // Its inner keys are not top-level fields: "objects" in it must not make the file a STIX bundle.
        Path data = write("data.json", ONE_MAPPING.replaceFirst("\\{",
                "{\"\\$schema\": {\"objects\": [], \"note\": \"https://json-schema.org/\"}, "));
        Path notes = write("notes.json", "{\"$schema\": {\"metadata\": {}}, \"name\": \"tooling\"}");

        assertFails(show(notes), ExitCodes.BAD_DATA, notes + ": not an ATT&CK STIX bundle or a Mappings Explorer");
        Cli.Run run = show(data);
        assertThat(run.err()).as("detected as a mapping file, then refused by the reader for the unknown field")
                .contains("unexpected top-level field \"$schema\"");
    }

    @Test
    void unreadableFilesAreSkippedUnderADirectoryAndAnErrorWhenNamed() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads every file; run as a user to test");
        write("good/a.json", ONE_MAPPING);
        Path closed = write("closed/b.json", ONE_MAPPING);
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));

        Cli.Run run = show(dir);

        assertThat(mappings(run)).hasSize(1);
        assertThat(run.err()).contains(closed + ": cannot read: permission denied (skipped)");
        assertFails(show(closed), ExitCodes.BAD_DATA, closed + ": cannot read: permission denied");
    }

    /** Escape sequences, a bell, bidi overrides and isolates, NUL, a C1 CSI, quotes, a backslash, U+2028. */
    private static final String HOSTILE =
            "\u001b[2J\u001b]0;owned\u0007 red:\u001b[31mX\u001b[0m \u202eevil\u2066 \u0000\u009b \"q\" \\ \u2028 end";

    /** HOSTILE as every text format shows it: each control character as the six characters of its escape. */
    private static final String HOSTILE_ESCAPED = "\\u001b[2J\\u001b]0;owned\\u0007 red:\\u001b[31mX\\u001b[0m "
            + "\\u202eevil\\u2066 \\u0000\\u009b \"q\" \\ \u2028 end";

    /**
     * What a terminal acts on: C0 controls but tab and line ends, DEL, C1; and bidirectional controls, which
     * reorder what is shown, except in YAML, whose writer counts them printable (the value it holds is exact).
     */
    private static List<Character> terminalControls(String out, boolean bidiToo) {
        return out.chars().filter(c -> (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                || bidiToo && ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)))
                .mapToObj(c -> (char) c).toList();
    }

    /**
     * Every format of {@code show}; github and sarif are for the findings of validate only, html for the matrix
     * (whose hostile data MatrixHtmlTest and MatrixBrowserTest check).
     */
    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"GITHUB", "SARIF", "HTML"}, mode = EnumSource.Mode.EXCLUDE)
    void hostileTextIsNeutralisedForHumansAndReadsBackExactlyFromMachineFormats(Format format) throws IOException {
        String out = showWithComment(HOSTILE, format);

        assertThat(terminalControls(out, format != Format.YAML)).as("control characters a terminal acts on").isEmpty();
        switch (format) {
            case TABLE -> assertThat(out).contains("red:\\u001b[31mX").contains("end").doesNotContain("\t", "\r");
            case MARKDOWN -> assertThat(out).contains("red:\\\\u001b\\[31mX").contains("end").doesNotContain("\t", "\r");
            case CSV, TSV -> assertThat(comment(out, format)).isEqualTo(HOSTILE_ESCAPED);
            default -> assertThat(comment(out, format)).isEqualTo(HOSTILE);
        }
    }

    /** Windows line ends, as several official framework files have them, and a lone CR, which moves the cursor. */
    private static final String LINE_ENDS = "line one\r\nline two\rline three";

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"GITHUB", "SARIF", "HTML"}, mode = EnumSource.Mode.EXCLUDE)
    void lineEndsInDataAreNewlinesForPeopleAndExactInMachineFormats(Format format) throws IOException {
        String out = showWithComment(LINE_ENDS, format);

        switch (format) {
            case TABLE -> assertThat(out).contains("    line one\n    line two\n    line three\n")
                    .doesNotContain("\r", "\uFFFD");
            case MARKDOWN -> assertThat(out).contains("| line one line two line three |").doesNotContain("\r", "\uFFFD");
            case CSV, TSV -> assertThat(comment(out, format)).isEqualTo("line one\nline two\nline three");
            default -> assertThat(comment(out, format)).isEqualTo(LINE_ENDS);
        }
    }

    /** The output of show T1528 in the format, from a file of one mapping with these comments. */
    private String showWithComment(String comments, Format format) throws IOException {
        Path path = write("comment.json", withFields(", \"comments\": " + JSON.writeValueAsString(comments)));

        Cli.Run run = Cli.run("--no-bundled", "--data", path.toString(), "show", "T1528", "--format",
                format.name().toLowerCase(java.util.Locale.ROOT));

        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    /** The comments of the one mapping, read back from a machine format. */
    private static String comment(String out, Format format) {
        return switch (format) {
            case JSON -> Parsed.json(out).path("mappings").get(0).path("comments").asText();
            case JSONL -> Parsed.jsonLines(out).get(0).path("comments").asText();
            case YAML -> Parsed.yaml(out).path("mappings").get(0).path("comments").asText();
            case CSV -> Parsed.delimited(out, ',').get(0).get("comments");
            case TSV -> Parsed.delimited(out, '\t').get(0).get("comments");
            default -> throw new AssertionError("say how " + format + " shows text from data");
        };
    }

    @Test
    void errorMessagesAndWarningsQuotingDataAreNeutralisedToo() throws IOException {
        Path field = write("field.json", ONE_MAPPING.replace("\"metadata\"", "\"\\u001b[2Jboom\": 1, \"metadata\""));
        write("names/evil\u001b[2J.json", "not JSON");
        write("names/a.json", ONE_MAPPING);

        assertFails(show(field), ExitCodes.BAD_DATA, "unexpected top-level field");
        assertThat(show(field).err()).doesNotContain("\u001b");
        Cli.Run run = show(dir.resolve("names"));
        assertThat(run.err()).contains("evil\\u001b[2J.json").doesNotContain("\u001b");
    }
}
