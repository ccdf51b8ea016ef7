package dev.mapper.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one configured Jackson setup for reading input files. */
final class Json {

    /**
     * Limits chosen for the published data: the largest official files are a few tens of MB, nested a handful of
     * levels, with descriptions of some KB. These bounds leave wide headroom while stopping pathological input.
     */
    static final StreamReadConstraints READ_CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(64)
            .maxStringLength(8 * 1024 * 1024)
            .maxNumberLength(64)
            .maxNameLength(4096)
            .build();

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(READ_CONSTRAINTS)
            .build();

    /**
     * Reads values in the middle of a stream (one object of an array at a time). A duplicate key inside such a
     * value is an error with a position, not a silent last-one-wins; mapping objects, read field by field, check
     * their own (official files repeat a key with the same value, which loses nothing).
     */
    static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private Json() {
    }

    static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    static int column(JsonParser parser) {
        return parser.currentTokenLocation().getColumnNr();
    }
}
