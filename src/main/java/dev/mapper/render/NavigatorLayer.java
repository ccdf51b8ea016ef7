package dev.mapper.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapper.model.Mapping;
import dev.mapper.model.Score;
import dev.mapper.model.SelectionReport;
import dev.mapper.model.Technique;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An ATT&CK Navigator layer (layer file format 4.5) of a selection: one technique entry per technique mapped, scored
 * by the strength of its mappings or by how many capabilities map to it, with a gradient and legend that say which.
 */
public final class NavigatorLayer {

    /** How a technique's score is computed. */
    public enum Scoring {
        /** Strength when every framework in the selection scores its mappings, else count. */
        AUTO,
        /** The strongest {@code score_value}: 1 minimal, 2 partial, 3 significant. */
        STRENGTH,
        /** The number of distinct capabilities mapped to the technique. */
        COUNT;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String LAYER_VERSION = "4.5";
    /** The first Navigator release that reads layer format 4.5. */
    static final String NAVIGATOR_VERSION = "4.9.1";
    /** Light to dark for minimal, partial, significant: stronger mappings stand out. */
    private static final List<String> STRENGTH_COLORS = List.of("#d9f0d3", "#7fbf7b", "#1b7837");
    /** The ends of the count gradient: one capability, the most any technique has. */
    private static final List<String> COUNT_COLORS = List.of("#deebf7", "#08519c");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private NavigatorLayer() {
    }

    /** The domains of the selected mappings; a layer shows one. */
    public static Set<String> domains(SelectionReport report) {
        return report.mappings().stream().map(m -> m.set().domain()).collect(Collectors.toCollection(
                TreeSet::new));
    }

    /** The scoring {@code AUTO} stands for on this selection. */
    public static Scoring resolve(Scoring scoring, SelectionReport report) {
        if (scoring != Scoring.AUTO) {
            return scoring;
        }
        Map<String, Boolean> scoredByFramework = new TreeMap<>();
        for (Mapping m : mapped(report)) {
            scoredByFramework.merge(m.set().framework(), Score.of(m.scoreValue()) != null, Boolean::logicalOr);
        }
        return scoredByFramework.containsValue(false) ? Scoring.COUNT : Scoring.STRENGTH;
    }

    public static void write(SelectionReport report, String name, Scoring requested, Writer out) throws IOException {
        JsonRenderer.writeDocument(layer(report, name, resolve(requested, report)), out);
    }

    static ObjectNode layer(SelectionReport report, String name, Scoring scoring) {
        Map<String, List<Mapping>> byTechnique = new TreeMap<>();
        for (Mapping m : mapped(report)) {
            byTechnique.computeIfAbsent(m.techniqueId(), k -> new ArrayList<>()).add(m);
        }
        String domain = domains(report).stream().findFirst().orElse("enterprise");
        ObjectNode layer = NODES.objectNode();
        layer.put("name", name);
        ObjectNode versions = layer.putObject("versions");
        String attackVersion = attackVersion(report);
        if (attackVersion != null) {
            versions.put("attack", attackVersion.split("\\.")[0]);
        }
        versions.put("navigator", NAVIGATOR_VERSION);
        versions.put("layer", LAYER_VERSION);
        layer.put("domain", domain + "-attack");
        layer.put("description", scoring == Scoring.STRENGTH
                ? "Score = the strongest mapping of each technique: 1 minimal, 2 partial, 3 significant."
                : "Score = the number of capabilities mapped to each technique.");
        layer.put("sorting", 3);
        ObjectNode layout = layer.putObject("layout");
        layout.put("layout", "side");
        layout.put("showID", true);
        layout.put("showName", true);
        layout.put("expandedSubtechniques", "annotated");
        layer.put("hideDisabled", false);
        ArrayNode techniques = layer.putArray("techniques");
        int maxScore = 0;
        for (Map.Entry<String, List<Mapping>> entry : byTechnique.entrySet()) {
            Integer score = score(entry.getValue(), scoring);
            maxScore = Math.max(maxScore, score == null ? 0 : score);
            techniques.add(technique(entry.getKey(), entry.getValue(), score, report.techniques().get(entry.getKey())));
        }
        gradientAndLegend(layer, scoring, maxScore);
        ArrayNode metadata = layer.putArray("metadata");
        metadata.addObject().put("name", "generated by").put("value", "mapper");
        metadata.addObject().put("name", "score").put("value", scoring.toString());
        metadata.addObject().put("name", "mapping sets").put("value", report.sets().stream()
                .filter(set -> report.mappings().stream().anyMatch(m -> m.set().equals(set)))
                .map(set -> set.key().toString()).collect(Collectors.joining(", ")));
        report.releases().forEach(r -> metadata.addObject().put("name", "ATT&CK data")
                .put("value", r.label()));
        return layer;
    }

    /** Mappings that place a technique: a real mapping (not "nothing maps here") to a well-formed technique ID. */
    private static List<Mapping> mapped(SelectionReport report) {
        return report.mappings().stream()
                .filter(m -> !m.nonMappable() && Technique.isWellFormedId(m.techniqueId()))
                .toList();
    }

    /** The newest ATT&CK version the selected mappings were made against. */
    private static String attackVersion(SelectionReport report) {
        return report.mappings().stream().map(m -> m.set().attackVersion()).filter(Objects::nonNull)
                .max(Comparator.comparing(NavigatorLayer::versionNumbers, Arrays::compare))
                .orElse(null);
    }

    private static int[] versionNumbers(String version) {
        return Arrays.stream(version.split("\\.")).mapToInt(p -> p.matches("\\d{1,9}") ? Integer.parseInt(p) : 0)
                .toArray();
    }

    /** The score, or null (unscored) under strength scoring when no mapping of the technique has a score. */
    private static Integer score(List<Mapping> mappings, Scoring scoring) {
        if (scoring == Scoring.COUNT) {
            return (int) mappings.stream().map(m -> m.set().framework() + "\u0000" + m.capabilityId()).distinct()
                    .count();
        }
        return mappings.stream().map(m -> Score.of(m.scoreValue())).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).map(s -> s.ordinal() + 1).orElse(null);
    }

    private static ObjectNode technique(String id, List<Mapping> mappings, Integer score, Technique attack) {
        ObjectNode node = NODES.objectNode();
        node.put("techniqueID", id);
        if (score != null) {
            node.put("score", score);
        }
        Set<String> lines = new LinkedHashSet<>();
        ArrayNode metadata = NODES.arrayNode();
        for (Mapping m : mappings) {
            String what = m.scoreCategory() != null || m.scoreValue() != null
                    ? Objects.requireNonNullElse(m.scoreCategory(), "-") + ": " + Objects.requireNonNullElse(
                    m.scoreValue(), "-")
                    : m.mappingType();
            String capability = m.set().framework() + " " + m.capabilityId();
            if (lines.add(capability + (m.capabilityDescription() == null
                    || m.capabilityDescription().equals(m.capabilityId()) ? "" : " (" + m.capabilityDescription() + ")")
                    + ": " + what)) {
                metadata.addObject().put("name", capability).put("value", what);
            }
        }
        node.put("comment", String.join("\n", lines));
        node.set("metadata", metadata);
        ArrayNode links = node.putArray("links");
        links.addObject().put("label", id + " on ATT&CK").put("url", attack != null && attack.url() != null
                ? attack.url() : "https://attack.mitre.org/techniques/" + id.replace('.', '/') + "/");
        return node;
    }

    private static void gradientAndLegend(ObjectNode layer, Scoring scoring, int maxScore) {
        ObjectNode gradient = layer.putObject("gradient");
        ArrayNode legend = NODES.arrayNode();
        if (scoring == Scoring.STRENGTH) {
            gradient.set("colors", NODES.arrayNode().addAll(STRENGTH_COLORS.stream().map(NODES::textNode).toList()));
            gradient.put("minValue", 1);
            gradient.put("maxValue", 3);
            for (Score s : Score.values()) {
                legend.addObject().put("label", s + " (score " + (s.ordinal() + 1) + ")")
                        .put("color", STRENGTH_COLORS.get(s.ordinal()));
            }
        } else {
            int max = Math.max(2, maxScore);
            gradient.set("colors", NODES.arrayNode().addAll(COUNT_COLORS.stream().map(NODES::textNode).toList()));
            gradient.put("minValue", 1);
            gradient.put("maxValue", max);
            legend.addObject().put("label", "1 capability").put("color", COUNT_COLORS.get(0));
            legend.addObject().put("label", max + " capabilities").put("color", COUNT_COLORS.get(1));
        }
        layer.set("legendItems", legend);
    }
}
