package dev.mapper.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;

/** The one configured Jackson setup for reading input files; the limits are listed in docs/limits.md. */
final class Json {

    /**
     * Limits chosen for the published data: the largest official files are a few tens of MB, nested a handful of
     * levels, with descriptions of some KB. These bounds leave wide headroom while stopping pathological input
     * before it costs memory or stack. The document length is set per load from the maximum file size.
     */
    static final StreamReadConstraints READ_CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(64)
            .maxStringLength(8 * 1024 * 1024)
            .maxNumberLength(64)
            .maxNameLength(4096)
            .build();

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(READ_CONSTRAINTS)
            .build();

    private Json() {
    }

    /**
     * Reads values in the middle of a stream (one object of an array at a time). A duplicate key inside such a
     * value is an error with a position, not a silent last-one-wins; mapping files, read field by field, check
     * their own (official files repeat a key with the same value, which loses nothing). Built on first use: telling
     * a file's format needs only a parser, and building a mapper costs a cold JVM about 50 ms, which a run whose
     * data files all come from the cache should not pay for a file that turns out not to be data.
     */
    static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    private static final class Mapper {
        static final ObjectMapper INSTANCE = JsonMapper.builder(FACTORY)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }

    /**
     * A parser that stops after {@code maxBytes}: the file size is checked before reading, and this backstop
     * also holds for input whose size is not known up front or that grows while it is read.
     */
    static JsonParser parser(InputStream in, long maxBytes) throws IOException {
        StreamReadConstraints constraints = READ_CONSTRAINTS.rebuild().maxDocumentLength(maxBytes).build();
        return FACTORY.rebuild().streamReadConstraints(constraints).build().createParser(in);
    }

    /**
     * Reads the value at the parser as plain Java values (maps, lists, strings, numbers), through a tree so that
     * a duplicate key anywhere inside it is an error rather than last-one-wins.
     */
    static Object readValue(JsonParser parser) throws IOException {
        ObjectMapper mapper = mapper();
        return mapper.treeToValue(mapper.readTree(parser), Object.class);
    }

    static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    static int column(JsonParser parser) {
        return parser.currentTokenLocation().getColumnNr();
    }
}
