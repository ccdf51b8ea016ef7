package dev.mapper.cache;

import static dev.mapper.testing.MappingFiles.mappingOfT1528;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapper.model.AttackObjects;
import dev.mapper.model.AttackRef;
import dev.mapper.load.DataFileReader;
import dev.mapper.load.DataRequest;
import dev.mapper.model.DataSource;
import dev.mapper.model.DetectionStrategy;
import dev.mapper.model.ExternalReference;
import dev.mapper.model.FileContent;
import dev.mapper.model.Group;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingFile;
import dev.mapper.model.MappingSet;
import dev.mapper.model.Relationship;
import dev.mapper.model.Software;
import dev.mapper.model.Technique;
import dev.mapper.testing.AttackBundle;
import dev.mapper.testing.Corpus;
import dev.mapper.testing.MappingFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The binary form of a loaded file gives back exactly what the JSON reader gave: equal records, the same Java
 * types of unmodelled values in the same order, one shared set per file, and the source of the run that decodes.
 */
class ContentCodecTest {

    private static final Set<String> ATTACK_SOURCES = Set.of("mitre-attack", "mitre-mobile-attack", "mitre-ics-attack");

    static Stream<Path> corpusFiles() {
        return Stream.concat(Corpus.mappingFiles().stream(), Stream.of(Corpus.attack()));
    }

    static Stream<String> bundledFiles() {
        return Stream.of("data/attack/enterprise-attack-16.1-T1528.json",
                "data/mappings/aws-12.12.2024_attack-16.1-enterprise-T1528.json",
                "data/mappings/veris-1.4.0_attack-16.1-enterprise-T1528.json");
    }

    @ParameterizedTest
    @MethodSource("corpusFiles")
    void everyCorpusFileDecodesToWhatTheReaderGave(Path file) throws IOException {
        FileContent parsed = parse(file.toString(), file.getFileName().toString(), Files.readAllBytes(file));

        FileContent decoded = roundTrip(parsed, DataSource.file(file.toString()));

        assertSameContent(decoded, parsed);
        JsonNode tree = Corpus.tree(file);
        if (parsed.mappings() != null) {
            assertThat(decoded.mappings().mappings()).hasSize(tree.path("mapping_objects").size());
        } else {
            assertThat(decoded.release().techniques()).hasSize(attackPatternsWithAnId(tree));
            AttackObjects objects = decoded.release().objects().get();
            assertThat(objects.groups()).hasSize(withAnId(tree, "intrusion-set"));
            assertThat(objects.software()).hasSize(withAnId(tree, "malware") + withAnId(tree, "tool"));
            assertThat(objects.campaigns()).hasSize(withAnId(tree, "campaign"));
            assertThat(objects.mitigations()).hasSize(withAnId(tree, "course-of-action"));
            assertThat(objects.detectionStrategies()).hasSize(withAnId(tree, "x-mitre-detection-strategy"));
        }
    }

    @ParameterizedTest
    @MethodSource("bundledFiles")
    void everyBundledFileDecodesToWhatTheReaderGave(String resource) throws IOException {
        byte[] bytes = resource(resource);
        FileContent parsed = parse(DataSource.bundled(resource),
                resource.substring(resource.lastIndexOf('/') + 1), bytes);

        FileContent decoded = roundTrip(parsed, DataSource.bundled(resource));

        assertSameContent(decoded, parsed);
        JsonNode tree = new ObjectMapper().readTree(bytes);
        if (parsed.mappings() != null) {
            assertThat(decoded.mappings().mappings()).hasSize(tree.path("mapping_objects").size()).isNotEmpty();
        } else {
            assertThat(decoded.release().techniques()).hasSize(attackPatternsWithAnId(tree)).isNotEmpty();
            assertThat(decoded.release().bundledSample()).isTrue();
        }
    }

    @Test
    void unmodelledValuesOfEveryJsonTypeKeepTheirJavaTypesAndOrder() throws IOException {
        String everyType = "\"x_string\": \"s\", \"x_int\": 7, \"x_negative\": -2147483648, \"x_long\": 9007199254740993, "
                + "\"x_big\": 123456789012345678901234567890, \"x_negative_big\": -98765432109876543210987654321, "
                + "\"x_double\": 0.1, \"x_exponent\": -1.5e300, \"x_minus_zero\": -0.0, \"x_true\": true, "
                + "\"x_false\": false, \"x_null\": null, \"x_object\": {\"b\": 1, \"a\": [2, {\"c\": null}]}, "
                + "\"x_empty_object\": {}, \"x_empty_array\": [], \"x_nested\": [[[[\"deep\"]]]]";
        String text = "{\"metadata\": {\"mapping_version\": \"1\", \"attack_version\": \"16.1\", "
                + "\"technology_domain\": \"enterprise\", \"creation_date\": \"01/01/2025\", "
                + "\"mapping_framework\": \"test\", \"mapping_framework_version\": \"1\", " + everyType + ", "
                + "\"mapping_types\": {\"mitigates\": {\"name\": \"Mitigates\", \"description\": \"d\"}, \"odd\": 3}, "
                + "\"capability_groups\": {\"g1\": \"Group 1\", \"g2\": null, \"g3\": 4}},\n"
                + "\"mapping_objects\": [\n"
                + mappingOfT1528("c1").references().comments(null).rawFields(", " + everyType).text() + ",\n"
                + mappingOfT1528("c2").references("https://example.com/a", "")
                        .rawFields(", \"mapping_framework\": \"test\"").text() + ",\n"
                + mappingOfT1528("c3").rawFields(", \"references\": null, \"score_value\": \"Partial\"").text()
                + "\n]}\n";

        FileContent parsed = parse("every-type.json", "every-type.json", utf8(text));
        FileContent decoded = roundTrip(parsed, DataSource.file("every-type.json"));

        assertSameContent(decoded, parsed);
        Map<String, Object> extra = decoded.mappings().mappings().get(0).extraFields();
        assertThat(extra.get("x_int")).isInstanceOf(Integer.class);
        assertThat(extra.get("x_long")).isInstanceOf(Long.class).isEqualTo(9007199254740993L);
        assertThat(extra.get("x_big")).hasToString("123456789012345678901234567890");
        assertThat(extra.get("x_minus_zero")).isEqualTo(-0.0);
        assertThat(extra).containsKey("x_null").containsEntry("x_null", null);
        assertThat(decoded.mappings().set().extraMetadata()).containsKeys("x_object", "x_nested");
        assertThat(decoded.mappings().mappings().get(0).references()).isEmpty();
        assertThat(decoded.mappings().mappings().get(2).references()).isNull();
        assertThat(decoded.mappings().set().capabilityGroups()).containsEntry("g2", null).containsEntry("g3", "4");
    }

    @Test
    void unicodeLoneSurrogatesAndLargeStringsSurvive() throws IOException {
        String large = "x".repeat(300_000) + "é" + "😀".repeat(1000);
        String text = MappingFiles.file("test").add(
                mappingOfT1528("ü-日本-😀").rawFields(", \"comments\": \"combining e\\u0301, emoji \\ud83d\\ude00\", "
                        + "\"capability_description\": \"lone \\ud800 and \\udfff surrogates\", "
                        + "\"x_large\": \"" + large + "\", \"x_zero\": \"nul \\u0000 byte\", \"\": \"empty name\"")).text();

        FileContent parsed = parse("unicode.json", "unicode.json", utf8(text));
        FileContent decoded = roundTrip(parsed, DataSource.file("unicode.json"));

        assertSameContent(decoded, parsed);
        Mapping mapping = decoded.mappings().mappings().get(0);
        assertThat(mapping.capabilityId()).isEqualTo("ü-日本-😀");
        assertThat(mapping.capabilityDescription()).isEqualTo("lone \ud800 and \udfff surrogates");
        assertThat(mapping.extraFields().get("x_large")).isEqualTo(large);
    }

    @Test
    void anEmptyFileAndAnEmptyReleaseRoundTrip() throws IOException {
        FileContent parsed = parse("empty.json", "empty.json", utf8(MappingFiles.file("test").text()));
        assertThat(parsed.mappings().mappings()).isEmpty();
        assertSameContent(roundTrip(parsed, DataSource.file("empty.json")), parsed);

        FileContent release = parse("enterprise-attack-9.9.json", "enterprise-attack-9.9.json",
                utf8("{\"type\": \"bundle\", \"objects\": []}"));
        assertThat(release.release().version()).isEqualTo("9.9");
        assertSameContent(roundTrip(release, DataSource.file("enterprise-attack-9.9.json")), release);
    }

    @Test
    void aReleasesOtherObjectsRoundTripAndAreDecodedOnlyWhenAsked() throws IOException {
        AttackBundle bundle = AttackBundle.of("enterprise", "18.1")
                .credentialAccess()
                .technique("T1528", "Steal Application Access Token")
                .cites("T1528", "Auth0 2019", "https://auth0.com/a", "Auth0. (2019). Tokens.")
                .technique("T1001", "Old Technique")
                .group("G0001", "Group One", "Group One", "First Alias")
                .group("G0002", "Old Group")
                .malware("S0001", "Malware One", "Malware One", "Evil")
                .tool("S0002", "Idle Tool")
                .campaign("C0001", "Campaign One")
                .mitigation("M1001", "Mitigation One")
                .detectionStrategy("DET0001", "Detect T1528", "AN0001")
                .uses("G0001", "T1528", "Group One steals tokens.").uses("G0001", "S0001", null)
                .uses("S0001", "T1001", "Malware One does the old thing.").uses("C0001", "T1528", "In the campaign.")
                .attributedTo("C0001", "G0001").mitigates("M1001", "T1528").detects("DET0001", "T1528")
                .revokedBy("G0002", "G0001").revokedBy("T1001", "T1528").deprecated("S0002");
        FileContent parsed = parse("enterprise-attack-18.1.json", "enterprise-attack-18.1.json", utf8(bundle.json()));
        byte[] bytes = ContentCodec.encode(parsed);

        FileContent decoded = ContentCodec.decode(bytes, 0, bytes.length, DataSource.file("enterprise-attack-18.1.json"));

        assertSameContent(decoded, parsed);
        AttackObjects objects = decoded.release().objects().get();
        assertThat(objects.groups()).extracting(Group::id, Group::revoked, Group::revokedBy)
                .containsExactly(tuple("G0001", false, null), tuple("G0002", true, "G0001"));
        assertThat(objects.groups().get(0).aliases()).containsExactly("Group One", "First Alias");
        assertThat(objects.software()).extracting(Software::id, Software::type, Software::deprecated)
                .containsExactly(tuple("S0001", "malware", false), tuple("S0002", "tool", true));
        assertThat(objects.campaigns().get(0).firstSeen()).isEqualTo("2020-01-01T00:00:00.000Z");
        assertThat(objects.mitigations().get(0).description()).isEqualTo("Mitigation One described.");
        DetectionStrategy strategy = objects.detectionStrategies().get(0);
        assertThat(strategy.analytics()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("AN0001");
            assertThat(a.logSources()).containsExactly(
                    new DetectionStrategy.LogSource("Component of AN0001", "AWS:CloudTrail", "GetSecretValue"));
        });
        assertThat(objects.relationships()).extracting(Relationship::type).containsExactly("uses", "uses", "uses",
                "uses", "attributed-to");
        Technique t1528 = decoded.release().techniques().get(0);
        assertThat(t1528.mitigations()).containsExactly(new AttackRef("M1001", "Mitigation One",
                "https://attack.mitre.org/mitigations/M1001"));
        assertThat(t1528.detectionStrategies()).extracting(AttackRef::id).containsExactly("DET0001");
        assertThat(t1528.references()).as("the sources its text cites, the ATT&CK ID left out").containsExactly(
                new ExternalReference("Auth0 2019", "https://auth0.com/a", "Auth0. (2019). Tokens."));

        // The objects are a section of their own, read only when asked: damage there does not stop the decoding
        // of techniques (the cache's checksum catches it before), only the question that needs them.
        byte[] damaged = bytes.clone();
        damaged[damaged.length - 3] ^= (byte) 0xff;
        FileContent techniquesOnly = ContentCodec.decode(damaged, 0, damaged.length, DataSource.file("x.json"));
        assertThat(techniquesOnly.release().techniques()).isEqualTo(parsed.release().techniques());
    }

    @Test
    void decodingTakesTheSourceOfThisRunAndSharesOneSetPerFile() throws IOException {
        FileContent parsed = parse("old/name.json", "name.json",
                resource("data/mappings/aws-12.12.2024_attack-16.1-enterprise-T1528.json"));

        FileContent decoded = roundTrip(parsed, DataSource.file("new/name.json"));

        MappingSet set = decoded.mappings().set();
        assertThat(set.source()).isEqualTo(DataSource.file("new/name.json"));
        assertThat(decoded.mappings().mappings()).isNotEmpty().allSatisfy(m -> assertThat(m.set()).isSameAs(set));
    }

    @Test
    void aValueOfATypeJsonReadingNeverGivesIsRefused() throws IOException {
        FileContent parsed = parse("one.json", "one.json", utf8(MappingFiles.file("test").add(mappingOfT1528("c1"))
                .text()));
        Mapping m = parsed.mappings().mappings().get(0);
        for (Object odd : List.of(new Object(), new java.util.HashMap<>(Map.of("a", 1)), List.of("immutable"),
                (short) 3)) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("x", odd);
            Mapping withOdd = new Mapping(m.set(), m.line(), m.column(), m.capabilityId(), null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, extra);
            FileContent content = FileContent.of(new MappingFile(m.set(), List.of(withOdd)));

            assertThatThrownBy(() -> ContentCodec.encode(content))
                    .as("%s", odd.getClass()).isInstanceOf(ContentCodec.UnsupportedValueException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"data/mappings/aws-12.12.2024_attack-16.1-enterprise-T1528.json",
        "data/attack/enterprise-attack-16.1-T1528.json"})
    void everyTruncationIsAnExceptionAndNoFlippedByteIsAnError(String resource) throws IOException {
        FileContent parsed = parse(resource, "x.json", resource(resource));
        byte[] bytes = ContentCodec.encode(parsed);

        for (int length = 0; length < bytes.length; length++) {
            int n = length;
            assertThatThrownBy(() -> ContentCodec.decode(bytes, 0, n, DataSource.file("x")))
                    .as("truncated to %d of %d bytes", n, bytes.length).isInstanceOf(RuntimeException.class);
        }
        for (int at = 0; at < bytes.length; at++) {
            for (int flip : new int[] {0x01, 0x80, 0xff}) {
                byte[] damaged = bytes.clone();
                damaged[at] ^= (byte) flip;
                try {
                    assertThat(ContentCodec.decode(damaged, 0, damaged.length, DataSource.file("x"))).isNotNull();
                } catch (RuntimeException expected) {
                    // What the cache turns into a miss (the entry's checksum catches the damage that decodes).
                }
            }
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static FileContent parse(String name, String fileName, byte[] bytes) {
        return parse(DataSource.file(name), fileName, bytes);
    }

    private static FileContent parse(DataSource source, String fileName, byte[] bytes) {
        return DataFileReader.read(source.location(), fileName, source, () -> new ByteArrayInputStream(bytes),
                DataRequest.DEFAULT_MAX_FILE_SIZE);
    }

    private static FileContent roundTrip(FileContent content, DataSource source) {
        byte[] bytes = ContentCodec.encode(content);
        return ContentCodec.decode(bytes, 0, bytes.length, source);
    }

    /** Equal records, and the same Java types, recursively, in every unmodelled value; one set per file. */
    static void assertSameContent(FileContent actual, FileContent expected) {
        assertThat(actual).isEqualTo(expected);
        if (expected.mappings() != null) {
            MappingSet set = actual.mappings().set();
            assertSameTypes(set.extraMetadata(), expected.mappings().set().extraMetadata(), "metadata");
            List<Mapping> mappings = actual.mappings().mappings();
            for (int i = 0; i < mappings.size(); i++) {
                assertThat(mappings.get(i).set()).isSameAs(set);
                assertSameTypes(mappings.get(i).extraFields(), expected.mappings().mappings().get(i).extraFields(),
                        "mapping " + i);
                assertThat(mappings.get(i).references() == null)
                        .isEqualTo(expected.mappings().mappings().get(i).references() == null);
            }
        }
    }

    private static void assertSameTypes(Object actual, Object expected, String where) {
        if (expected == null) {
            assertThat(actual).as(where).isNull();
            return;
        }
        assertThat(actual).as(where).isExactlyInstanceOf(expected.getClass());
        if (expected instanceof Map<?, ?> map) {
            assertThat(new ArrayList<>(((Map<?, ?>) actual).keySet())).as(where).isEqualTo(new ArrayList<>(map.keySet()));
            map.forEach((key, value) -> assertSameTypes(((Map<?, ?>) actual).get(key), value, where + "/" + key));
        } else if (expected instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                assertSameTypes(((List<?>) actual).get(i), list.get(i), where + "/" + i);
            }
        }
    }

    /** Independently of the reader: attack-pattern objects with an ATT&CK ID, as a plain tree walk finds them. */
    private static int attackPatternsWithAnId(JsonNode bundle) {
        return withAnId(bundle, "attack-pattern");
    }

    /** Objects of the type with an ATT&CK ID. */
    private static int withAnId(JsonNode bundle, String type) {
        int n = 0;
        for (JsonNode object : bundle.path("objects")) {
            if (object.path("type").asText().equals(type)) {
                for (JsonNode ref : object.path("external_references")) {
                    if (ATTACK_SOURCES.contains(ref.path("source_name").asText()) && ref.hasNonNull("external_id")) {
                        n++;
                        break;
                    }
                }
            }
        }
        return n;
    }

    private static byte[] resource(String resource) throws IOException {
        try (InputStream in = ContentCodecTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
