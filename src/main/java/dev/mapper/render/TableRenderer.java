package dev.mapper.render;

import dev.mapper.model.DiffReport;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingSet;
import dev.mapper.model.MappingType;
import dev.mapper.model.Report;
import dev.mapper.model.SelectionReport;
import dev.mapper.model.Technique;
import dev.mapper.model.TechniqueReport;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@code --format table}: for people. Fits the width, wraps long text, colours only when allowed, and
 * neutralises control characters from the data.
 */
final class TableRenderer implements Renderer, Report.Visitor<String> {

    static final String BOLD = "\u001b[1m";
    static final String DIM = "\u001b[2m";
    private static final String CYAN = "\u001b[36m";
    private static final String RESET = "\u001b[0m";
    private static final int LABEL_WIDTH = 12;

    private final RenderOptions options;

    TableRenderer(RenderOptions options) {
        this.options = options;
    }

    @Override
    public void render(Report report, Writer out) throws IOException {
        out.write(report.accept(this));
    }

    @Override
    public String diff(DiffReport report) {
        return new DiffTable(this, options.width()).render(report);
    }

    @Override
    public String technique(TechniqueReport report) {
        Technique t = report.technique();
        StringBuilder b = new StringBuilder();
        b.append(style(BOLD, Text.line(t.id()) + "  " + Text.line(Objects.requireNonNullElse(t.name(), "(no name)"))))
                .append('\n');
        if (t.revoked()) {
            field(b, "Revoked", t.revokedBy() == null ? "yes" : "yes, by " + t.revokedBy());
        }
        if (t.deprecated()) {
            field(b, "Deprecated", "yes");
        }
        if (t.stixId() == null) {
            field(b, "ATT&CK", "no ATT&CK data loaded for this ID; name from the mapping files");
        } else {
            field(b, "Tactics", report.tactics().isEmpty() ? "-" : report.tactics().stream()
                    .map(tac -> tac.name() + " (" + tac.id() + ")").collect(Collectors.joining(", ")));
            if (t.parentId() != null) {
                field(b, "Parent", t.parentId());
            }
            field(b, "Platforms", t.platforms().isEmpty() ? "-" : String.join(", ", t.platforms()));
            field(b, "URL", t.url());
            field(b, "ATT&CK", capitalise(t.domain()) + " " + t.attackVersion());
            if (!t.mitigations().isEmpty()) {
                field(b, "Mitigations", t.mitigations().stream().map(m -> m.id() + " " + m.name())
                        .collect(Collectors.joining(", ")));
            }
        }
        if (t.description() != null && !t.description().isBlank()) {
            b.append('\n');
            indented(b, "  ", t.description());
        }
        if (t.detection() != null && !t.detection().isBlank()) {
            b.append('\n').append(style(BOLD, "Detection")).append('\n');
            indented(b, "  ", t.detection());
        }
        b.append('\n');
        mappings(b, report);
        return b.toString();
    }

    private void mappings(StringBuilder b, TechniqueReport report) {
        List<Mapping> mappings = report.mappings();
        summary(b, mappings, report.sets().size());

        Map<String, List<Mapping>> byTechnique = new LinkedHashMap<>();
        mappings.forEach(m -> byTechnique.computeIfAbsent(m.techniqueId(),
                k -> new ArrayList<>()).add(m));
        for (Map.Entry<String, List<Mapping>> group : byTechnique.entrySet()) {
            boolean own = group.getKey().equals(report.technique().id());
            String name = own ? report.technique().name() : report.subtechniques().stream()
                    .filter(s -> s.id().equals(group.getKey())).map(Technique::name).filter(Objects::nonNull)
                    .findFirst().orElse(null);
            if (!own) {
                b.append('\n').append(style(BOLD, "Sub-technique " + group.getKey() + "  " + Text.line(name)))
                        .append('\n');
            }
            mappingsBySet(b, group.getValue(), name);
        }
    }

    @Override
    public String selection(SelectionReport report) {
        StringBuilder b = new StringBuilder();
        summary(b, report.mappings(), report.sets().size());
        Map<String, List<Mapping>> byTechnique = new LinkedHashMap<>();
        report.mappings().forEach(m -> byTechnique.computeIfAbsent(
                Objects.requireNonNullElse(m.techniqueId(), "(no technique)"), k -> new ArrayList<>()).add(m));
        for (Map.Entry<String, List<Mapping>> group : byTechnique.entrySet()) {
            Technique t = report.techniques().get(group.getKey());
            String name = t == null ? null : t.name();
            b.append('\n').append(style(BOLD, Text.line(group.getKey()) + "  " + Text.line(name))).append('\n');
            mappingsBySet(b, group.getValue(), name);
        }
        return b.toString();
    }

    /** "Mappings  3 mappings from 2 frameworks", and how many sets were searched when there are none. */
    private void summary(StringBuilder b, List<Mapping> mappings, int setsSearched) {
        long frameworks = mappings.stream().map(m -> m.set().framework()).distinct().count();
        b.append(style(BOLD, "Mappings")).append("  ").append(mappings.size())
                .append(mappings.size() == 1 ? " mapping" : " mappings").append(" from ").append(frameworks)
                .append(frameworks == 1 ? " framework" : " frameworks");
        if (mappings.isEmpty()) {
            b.append(" (").append(setsSearched).append(" sets searched)");
        }
        b.append('\n');
    }

    private void mappingsBySet(StringBuilder b, List<Mapping> mappings, String techniqueName) {
        Map<MappingSet, List<Mapping>> bySet = new LinkedHashMap<>();
        mappings.forEach(m -> bySet.computeIfAbsent(m.set(), k -> new ArrayList<>()).add(m));
        for (Map.Entry<MappingSet, List<Mapping>> entry : bySet.entrySet()) {
            MappingSet set = entry.getKey();
            b.append('\n').append(style(CYAN, Text.line(set.framework()))).append("  ")
                    .append(style(DIM, Text.line(set.key().toString()) + " · " + Text.line(set.source().label())))
                    .append('\n');
            List<Mapping> folded = new ArrayList<>();
            for (Mapping m : entry.getValue()) {
                long copies = entry.getValue().stream().filter(o -> sameContent(o, m)).count();
                if (folded.stream().anyMatch(f -> sameContent(f, m))) {
                    continue;
                }
                folded.add(m);
                mapping(b, m, techniqueName, copies);
            }
        }
    }

    private void mapping(StringBuilder b, Mapping m, String techniqueName, long copies) {
        String capability = m.capabilityId() == null ? "(no capability)" : Text.line(m.capabilityId());
        String description = m.capabilityDescription() == null || m.capabilityDescription().equals(m.capabilityId())
                ? "" : Text.line(m.capabilityDescription());
        b.append("  ").append(style(BOLD, capability));
        if (!description.isEmpty()) {
            if (2 + capability.length() + 2 + description.length() <= options.width()) {
                b.append("  ").append(description);
            } else {
                b.append('\n');
                indented(b, "    ", description);
                b.setLength(b.length() - 1);
            }
        }
        b.append('\n');
        List<String> facts = new ArrayList<>();
        facts.add(m.nonMappable() ? "non-mappable" : Text.line(mappingTypeName(m)));
        if (m.scoreCategory() != null) {
            facts.add(Text.line(m.scoreCategory()));
        }
        if (m.scoreValue() != null) {
            facts.add(Text.line(m.scoreValue()));
        }
        if (m.attackObjectName() != null && !m.attackObjectName().equals(techniqueName)) {
            facts.add("mapped as \"" + Text.line(m.attackObjectName()) + "\"");
        }
        if (copies > 1) {
            facts.add("x" + copies + ": exact duplicates in the source file");
        }
        b.append("    ").append(style(DIM, String.join(" · ", facts))).append('\n');
        if (m.comments() != null && !m.comments().isBlank()) {
            indented(b, "    ", m.comments());
        }
        if (m.references() != null && !m.references().isEmpty()) {
            for (String ref : m.references()) {
                b.append("    ").append(style(DIM, "ref ")).append(Text.line(ref)).append('\n');
            }
        }
    }

    /** The type's display name from the file's metadata ("related-to" for {@code related_to}), else the key. */
    private static String mappingTypeName(Mapping m) {
        MappingType type = m.mappingType() == null ? null : m.set().mappingTypes().get(m.mappingType());
        return type == null || type.name() == null || type.name().isBlank() ? m.mappingType() : type.name();
    }

    /** Exact duplicates: official files contain some. */
    private static boolean sameContent(Mapping a, Mapping b) {
        return Objects.equals(a.set(), b.set()) && a.sameContent(b);
    }

    void field(StringBuilder b, String label, String value) {
        String pad = " ".repeat(LABEL_WIDTH);
        List<String> lines = Text.wrap(value, options.width() - LABEL_WIDTH);
        for (int i = 0; i < lines.size(); i++) {
            if (i == 0) {
                b.append(style(DIM, String.format("%-" + LABEL_WIDTH + "s", label)));
            } else {
                b.append(pad);
            }
            b.append(lines.get(i)).append('\n');
        }
    }

    private void indented(StringBuilder b, String indent, String text) {
        for (String line : Text.wrap(text, options.width() - indent.length())) {
            b.append(line.isEmpty() ? "" : indent + line).append('\n');
        }
    }

    String style(String code, String text) {
        return options.color() ? code + text + RESET : text;
    }

    private static String capitalise(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
