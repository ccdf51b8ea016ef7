package dev.mapper.render;

import dev.mapper.model.AttackRelease;
import dev.mapper.model.DataSource;
import dev.mapper.model.Mapping;
import dev.mapper.model.Score;
import dev.mapper.model.SelectionReport;
import dev.mapper.model.Technique;
import dev.mapper.render.NavigatorLayer.Cell;
import dev.mapper.render.NavigatorLayer.Entry;
import dev.mapper.render.NavigatorLayer.Link;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The Navigator layer of a selection of mappings: one cell per technique mapped, scored by the strength of its
 * mappings or by how many capabilities map to it, its tooltip naming the strongest few. The layer declares the
 * major version of the loaded ATT&CK release unless told otherwise; techniques that release revoked are shown on
 * their replacements, and those it lacks are reported, because a Navigator on that version cannot show them.
 */
public final class MappingLayer {

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

    /** How many capabilities a tooltip names before "and N more". */
    static final int TOOLTIP_CAPABILITIES = 5;
    static final String MAPPINGS_EXPLORER = "https://center-for-threat-informed-defense.github.io/mappings-explorer/";
    /** Light to dark for minimal, partial, significant: stronger mappings stand out. */
    private static final NavigatorLayer.Steps STRENGTH_COLOURS = new NavigatorLayer.Steps(List.of(
            new NavigatorLayer.Step(1, "#d9f0d3", "minimal (score 1)"),
            new NavigatorLayer.Step(2, "#7fbf7b", "partial (score 2)"),
            new NavigatorLayer.Step(3, "#1b7837", "significant (score 3)")));
    private static final NavigatorLayer.Ramp COUNT_COLOURS =
            new NavigatorLayer.Ramp("#deebf7", "#08519c", "capability", "capabilities");

    /**
     * What to build: the layer's name, the scoring, and the ATT&CK version to declare (a
     * {@link LayerAttackVersion#isChoice choice}: loaded, none, or a version).
     */
    public record Options(String name, Scoring scoring, String attackVersion) {
    }

    /**
     * The layer, and what a user should hear about it: the release its IDs were checked against (null when the
     * declared version is not the loaded release's), techniques shown on their replacements (ID to replacement),
     * and IDs that release cannot show, each with the reason.
     */
    public record Result(NavigatorLayer.Layer layer, Scoring scoring, AttackRelease checkedAgainst,
                         Map<String, String> moved, Map<String, String> notShown) {
    }

    private MappingLayer() {
    }

    /** The domains of the selected mappings; a layer shows one. */
    public static Set<String> domains(SelectionReport report) {
        return report.mappings().stream().map(m -> m.set().domain()).collect(Collectors.toCollection(TreeSet::new));
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

    public static Result build(SelectionReport report, Options options) {
        Scoring scoring = resolve(options.scoring(), report);
        String domain = domains(report).stream().findFirst().orElse("enterprise");
        LayerAttackVersion version = LayerAttackVersion.choose(options.attackVersion(), report.releases(), domain);
        AttackRelease checked = version.checkedAgainst();

        Map<String, String> moved = new TreeMap<>();
        Map<String, String> notShown = new TreeMap<>();
        Map<String, List<Mapping>> byCell = new TreeMap<>();
        for (Mapping m : mapped(report)) {
            String id = m.techniqueId();
            if (checked != null) {
                Technique current = report.current(id);
                if (current != null && !current.id().equals(id) && version.shows(current)) {
                    moved.put(id, current.id());
                    id = current.id();
                } else if (!version.shows(current)) {
                    notShown.put(id, version.whyNotShown(report.techniques().get(id)));
                }
            }
            byCell.computeIfAbsent(id, k -> new ArrayList<>()).add(m);
        }
        boolean severalFrameworks = report.mappings().stream().map(m -> m.set().framework()).distinct().count() > 1;
        List<Cell> cells = new ArrayList<>();
        byCell.forEach((id, mappings) -> cells.add(cell(id, mappings, scoring, report, moved, checked,
                severalFrameworks)));

        List<Entry> metadata = new ArrayList<>();
        metadata.add(new Entry("generated by", "mapper"));
        metadata.add(new Entry("score", scoring.toString()));
        metadata.add(new Entry("mapping sets", report.sets().stream()
                .filter(set -> report.mappings().stream().anyMatch(m -> m.set().equals(set)))
                .map(set -> set.key().toString()).collect(Collectors.joining(", "))));
        attackData(report, byCell.keySet()).forEach(label -> metadata.add(new Entry("ATT&CK data", label)));
        String description = scoring == Scoring.STRENGTH
                ? "Score = the strongest mapping of each technique (1 minimal, 2 partial, 3 significant)"
                : "Score = the number of capabilities mapped to each technique";
        NavigatorLayer.Layer layer = new NavigatorLayer.Layer(options.name(), description, domain + "-attack",
                version.declared(), cells, scoring == Scoring.STRENGTH ? STRENGTH_COLOURS : COUNT_COLOURS, metadata,
                List.of(new Link("Mappings Explorer", MAPPINGS_EXPLORER)));
        return new Result(layer, scoring, checked, moved, notShown);
    }

    /** Mappings that place a technique: a real mapping (not "nothing maps here") to a well-formed technique ID. */
    private static List<Mapping> mapped(SelectionReport report) {
        return report.mappings().stream()
                .filter(m -> !m.nonMappable() && Technique.isWellFormedId(m.techniqueId()))
                .toList();
    }

    private static Cell cell(String id, List<Mapping> mappings, Scoring scoring, SelectionReport report,
                             Map<String, String> moved, AttackRelease checked, boolean severalFrameworks) {
        // Each capability once, with its strongest mapping, strongest first.
        Map<String, Mapping> strongest = new LinkedHashMap<>();
        for (Mapping m : mappings) {
            strongest.merge(m.set().framework() + " " + m.capabilityId(), m,
                    (a, b) -> strength(b) > strength(a) ? b : a);
        }
        List<Mapping> ranked = strongest.values().stream()
                .sorted(Comparator.comparingInt(MappingLayer::strength).reversed()
                        .thenComparing(m -> m.set().framework())
                        .thenComparing(Mapping::capabilityId, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        Integer score = scoring == Scoring.COUNT ? Integer.valueOf(ranked.size())
                : ranked.stream().map(m -> Score.of(m.scoreValue())).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).map(s -> s.ordinal() + 1).orElse(null);

        List<String> named = ranked.stream().limit(TOOLTIP_CAPABILITIES)
                .map(m -> (severalFrameworks ? m.set().framework() + " " : "") + m.capabilityId() + " (" + how(m) + ")")
                .toList();
        String comment = String.join("; ", named)
                + (ranked.size() > named.size() ? "; and " + (ranked.size() - named.size()) + " more" : "");
        List<Entry> metadata = new ArrayList<>();
        metadata.add(new Entry("capabilities", String.valueOf(ranked.size())));
        List<String> mappedAs = moved.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey)
                .toList();
        if (!mappedAs.isEmpty()) {
            metadata.add(new Entry("mapped as", String.join(", ", mappedAs) + " (revoked in ATT&CK "
                    + checked.label() + ")"));
        }
        Technique technique = report.techniques().get(id);
        String url = technique != null && technique.url() != null ? technique.url()
                : "https://attack.mitre.org/techniques/" + id.replace('.', '/') + "/";
        return new Cell(id, score, comment, metadata, List.of(new Link(id + " on ATT&CK", url)));
    }

    /** 1 to 3 for a scored mapping, 0 for an unscored one. */
    private static int strength(Mapping m) {
        Score s = Score.of(m.scoreValue());
        return s == null ? 0 : s.ordinal() + 1;
    }

    /** "protect partial" for a scored mapping, its mapping type for others. */
    private static String how(Mapping m) {
        if (m.scoreCategory() == null && m.scoreValue() == null) {
            return m.mappingType();
        }
        return Objects.requireNonNullElse(m.scoreCategory(), "-") + " " + Objects.requireNonNullElse(m.scoreValue(),
                "-");
    }

    /** The ATT&CK releases that describe the layer's techniques, the bundled sample marked as such. */
    private static List<String> attackData(SelectionReport report, Set<String> ids) {
        Set<String> labels = new TreeSet<>();
        for (String id : ids) {
            Technique t = report.techniques().get(id);
            if (t == null || t.stixId() == null) {
                continue;
            }
            report.releases().stream()
                    .filter(r -> r.domain().equalsIgnoreCase(t.domain()) && r.version().equals(t.attackVersion()))
                    .findFirst()
                    .ifPresent(r -> labels.add(r.label() + (r.source().equals(DataSource.BUNDLED)
                            ? " (bundled sample)" : "")));
        }
        return List.copyOf(labels);
    }
}
