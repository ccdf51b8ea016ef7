package dev.mapper.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes an ATT&CK Navigator layer (layer file format 4.5) from plain data: what each technique cell shows and how
 * scores are coloured. It knows the format, not where the data came from, so any report can become a layer.
 * What it adds by itself: the versions current clients accept, a gradient and legend that cover exactly the scores
 * that occur, and {@code showSubtechniques} on the parent of every sub-technique shown.
 */
public final class NavigatorLayer {

    static final String LAYER_VERSION = "4.5";
    /**
     * The Navigator release the layer says it was made for. The Navigator reads 4.5 layers from 4.9.0 on and ignores
     * this field; mitreattack-python's navlayers knows 5.x only and warns about anything else.
     */
    static final String NAVIGATOR_VERSION = "5.1.0";
    /** The longest sheet title spreadsheets (Excel, openpyxl, hence mitreattack-python's ToExcel) accept. */
    public static final int SHEET_TITLE_MAX = 31;
    /** Characters a spreadsheet sheet title cannot hold. */
    private static final Pattern NOT_IN_SHEET_TITLES = Pattern.compile("[:\\\\/?*\\[\\]]");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * A layer. {@code domain} is ATT&CK's ({@code enterprise-attack}, ...); {@code attackVersion} the major ATT&CK
     * version it declares, or null to declare none (the Navigator then opens it on its newest version).
     */
    public record Layer(String name, String description, String domain, String attackVersion, List<Cell> cells,
                        Colouring colouring, List<Entry> metadata, List<Link> links) {
        public Layer {
            cells = List.copyOf(cells);
            metadata = List.copyOf(metadata);
            links = List.copyOf(links);
        }
    }

    /** One technique or sub-technique; a null score leaves it uncoloured. */
    public record Cell(String techniqueId, Integer score, String comment, List<Entry> metadata, List<Link> links) {
        public Cell {
            metadata = List.copyOf(metadata);
            links = List.copyOf(links);
        }
    }

    /** A name/value pair of a layer's or a technique's {@code metadata}. */
    public record Entry(String name, String value) {
    }

    public record Link(String label, String url) {
    }

    /** How scores become colours, and what the legend says about them. */
    public sealed interface Colouring permits Steps, Ramp {
    }

    /**
     * Fixed scores, each with its colour and legend label; the scores must be consecutive integers so that the
     * gradient puts each colour exactly on its score. The legend lists only the steps whose score occurs.
     */
    public record Steps(List<Step> steps) implements Colouring {
        public Steps {
            steps = List.copyOf(steps);
        }
    }

    public record Step(int score, String color, String label) {
    }

    /**
     * A ramp from {@code lowColor} at the lowest score that occurs to {@code highColor} at the highest, with a legend
     * item for each end labelled "N one" or "N many" (e.g. "1 capability", "40 capabilities").
     */
    public record Ramp(String lowColor, String highColor, String one, String many) implements Colouring {
        String label(int score) {
            return score + " " + (score == 1 ? one : many);
        }
    }

    private NavigatorLayer() {
    }

    public static void write(Layer layer, Writer out) throws IOException {
        JsonRenderer.writeDocument(json(layer), out);
    }

    /**
     * The text as a spreadsheet sheet title: characters sheets refuse become '-', and a text too long ends in '…'.
     * Layer names are sheet titles when the layer is exported to Excel.
     */
    public static String sheetTitle(String text) {
        String safe = NOT_IN_SHEET_TITLES.matcher(text).replaceAll("-").strip();
        return safe.codePointCount(0, safe.length()) <= SHEET_TITLE_MAX ? safe
                : safe.substring(0, safe.offsetByCodePoints(0, SHEET_TITLE_MAX - 1)).strip() + "…";
    }

    /** True when the text can be a spreadsheet sheet title as it is. */
    public static boolean isSheetTitle(String text) {
        return sheetTitle(text).equals(text);
    }

    static ObjectNode json(Layer layer) {
        ObjectNode node = NODES.objectNode();
        node.put("name", layer.name());
        ObjectNode versions = node.putObject("versions");
        if (layer.attackVersion() != null) {
            versions.put("attack", layer.attackVersion());
        }
        versions.put("navigator", NAVIGATOR_VERSION);
        versions.put("layer", LAYER_VERSION);
        node.put("domain", layer.domain());
        node.put("description", layer.description());
        node.put("sorting", 3);
        ObjectNode layout = node.putObject("layout");
        layout.put("layout", "side");
        layout.put("showID", true);
        layout.put("showName", true);
        layout.put("expandedSubtechniques", "annotated");
        node.put("hideDisabled", false);
        node.set("techniques", techniques(layer.cells()));
        colours(node, layer.colouring(), layer.cells().stream().map(Cell::score).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new)));
        node.set("metadata", entries(layer.metadata()));
        node.set("links", links(layer.links()));
        return node;
    }

    /**
     * The cells in ID order, and the parent of every sub-technique with {@code showSubtechniques}: without it
     * clients that draw the matrix themselves (mitreattack-python's ToExcel) leave the sub-technique out.
     */
    private static ArrayNode techniques(List<Cell> cells) {
        Map<String, ObjectNode> byId = new TreeMap<>();
        for (Cell cell : cells) {
            ObjectNode t = NODES.objectNode();
            t.put("techniqueID", cell.techniqueId());
            if (cell.score() != null) {
                t.put("score", cell.score());
            }
            t.put("comment", cell.comment());
            t.set("metadata", entries(cell.metadata()));
            t.set("links", links(cell.links()));
            byId.put(cell.techniqueId(), t);
        }
        for (Cell cell : cells) {
            int dot = cell.techniqueId().indexOf('.');
            if (dot > 0) {
                String parent = cell.techniqueId().substring(0, dot);
                byId.computeIfAbsent(parent, id -> NODES.objectNode().put("techniqueID", id))
                        .put("showSubtechniques", true);
            }
        }
        ArrayNode array = NODES.arrayNode();
        byId.values().forEach(array::add);
        return array;
    }

    private static void colours(ObjectNode layer, Colouring colouring, TreeSet<Integer> scores) {
        ObjectNode gradient = layer.putObject("gradient");
        ArrayNode colors = gradient.putArray("colors");
        ArrayNode legend = NODES.arrayNode();
        if (colouring instanceof Steps s) {
            s.steps().forEach(step -> colors.add(step.color()));
            gradient.put("minValue", s.steps().get(0).score());
            gradient.put("maxValue", s.steps().get(s.steps().size() - 1).score());
            s.steps().stream().filter(step -> scores.contains(step.score()))
                    .forEach(step -> legend.addObject().put("label", step.label()).put("color", step.color()));
        } else if (colouring instanceof Ramp r) {
            int low = scores.isEmpty() ? 1 : scores.first();
            int high = scores.isEmpty() ? low : scores.last();
            if (low == high) {
                // One score, one colour. The gradient's ends stay apart: mitreattack-python fails on min = max.
                colors.add(r.highColor()).add(r.highColor());
                gradient.put("minValue", low);
                gradient.put("maxValue", low + 1);
                legend.addObject().put("label", r.label(low)).put("color", r.highColor());
            } else {
                colors.add(r.lowColor()).add(r.highColor());
                gradient.put("minValue", low);
                gradient.put("maxValue", high);
                legend.addObject().put("label", r.label(low)).put("color", r.lowColor());
                legend.addObject().put("label", r.label(high)).put("color", r.highColor());
            }
        }
        layer.set("legendItems", legend);
    }

    private static ArrayNode entries(List<Entry> entries) {
        ArrayNode array = NODES.arrayNode();
        entries.forEach(e -> array.addObject().put("name", e.name()).put("value", e.value()));
        return array;
    }

    private static ArrayNode links(List<Link> links) {
        ArrayNode array = NODES.arrayNode();
        links.forEach(l -> array.addObject().put("label", l.label()).put("url", l.url()));
        return array;
    }

}
