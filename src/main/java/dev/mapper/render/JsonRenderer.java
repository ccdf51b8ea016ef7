package dev.mapper.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapper.model.Report;
import dev.mapper.model.ReportList;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * {@code --format json}: one pretty-printed JSON document per result, shaped as docs/json.md says; and the one
 * place JSON trees are written: walked onto a streaming generator, not through an ObjectMapper, whose construction
 * takes ~50 ms of a cold start (more than the rest of rendering). The output is the same as the mapper's.
 */
final class JsonRenderer implements Renderer {

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .characterEscapes(new ControlEscapes())
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    /**
     * JSON must escape C0 controls; DEL, C1 controls (U+009B is a CSI of its own) and bidirectional controls it may
     * write raw, and Jackson does: escaped too ({@link Text#isControl}), the value is the same and none reaches a
     * terminal that shows the JSON.
     */
    private static final class ControlEscapes extends CharacterEscapes {

        private static final int[] ASCII = standardAsciiEscapesForJSON();

        static {
            ASCII[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch <= Character.MAX_VALUE && Text.isControl((char) ch)
                    ? new SerializedString(String.format("\\u%04X", ch)) : null;
        }
    }

    @Override
    public void render(Report report, Writer out) throws IOException {
        if (report instanceof ReportList list) {
            writeList(list, out);
        } else {
            writeDocument(JsonShapes.document(report), out);
        }
    }

    /**
     * A list's document, its answers made as {@link ParallelSections} and each written as soon as it and those
     * before it are made: the same bytes as {@link #writeDocument} of the whole.
     */
    private static void writeList(ReportList list, Writer out) throws IOException {
        try (JsonGenerator generator = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
            generator.writeStartObject();
            for (Map.Entry<String, JsonNode> field : JsonShapes.listWithoutAnswers(list).properties()) {
                generator.writeFieldName(field.getKey());
                if (field.getKey().equals(JsonShapes.ANSWERS)) {
                    generator.writeStartArray();
                    ParallelSections.write(list.reports().size(), () -> answers(list),
                            (i, answer) -> write(answer, generator));
                    generator.writeEndArray();
                } else {
                    write(field.getValue(), generator);
                }
            }
            generator.writeEndObject();
        }
        out.write("\n");
    }

    /** The answers of a list by their index, made by one thread. */
    private static IntFunction<ObjectNode> answers(ReportList list) {
        Function<Report, ObjectNode> answers = JsonShapes.answers();
        return i -> answers.apply(list.reports().get(i));
    }

    /** A JSON document as every JSON output of mapper is written: pretty-printed, ending with a newline. */
    static void writeDocument(JsonNode document, Writer out) throws IOException {
        try (JsonGenerator generator = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
            write(document, generator);
        }
        out.write("\n");
    }

    /** A JSON value on one line, without a newline: a jsonl line, a CSV cell. */
    static void writeCompact(JsonNode value, Writer out) throws IOException {
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(value, generator);
        }
    }

    /** The nodes mapper's trees are made of: objects, arrays, strings, numbers, booleans, null. */
    private static void write(JsonNode node, JsonGenerator out) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    out.writeFieldName(field.getKey());
                    write(field.getValue(), out);
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (JsonNode element : node) {
                    write(element, out);
                }
                out.writeEndArray();
            }
            case STRING -> out.writeString(node.textValue());
            case NUMBER -> writeNumber(node, out);
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            case NULL -> out.writeNull();
            default -> throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " node as JSON");
        }
    }

    private static void writeNumber(JsonNode number, JsonGenerator out) throws IOException {
        switch (number.numberType()) {
            case INT -> out.writeNumber(number.intValue());
            case LONG -> out.writeNumber(number.longValue());
            case BIG_INTEGER -> out.writeNumber(number.bigIntegerValue());
            case FLOAT -> out.writeNumber(number.floatValue());
            case DOUBLE -> out.writeNumber(number.doubleValue());
            case BIG_DECIMAL -> out.writeNumber(number.decimalValue());
        }
    }

    static String compact(JsonNode value) throws IOException {
        StringWriter out = new StringWriter();
        writeCompact(value, out);
        return out.toString();
    }
}
