package dev.mapper.render;

import dev.mapper.model.AttackRelease;
import dev.mapper.model.DiffReport;
import dev.mapper.model.DiffReport.Item;
import dev.mapper.model.DiffReport.Kind;
import dev.mapper.model.DiffReport.TechniqueNote;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingField;
import dev.mapper.model.MappingSet;
import dev.mapper.render.Style.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The table of a {@link DiffReport}: the summary, then what explains the techniques, then every item by kind. */
final class DiffTable {

    private static final Map<Kind, String> MARKS = Map.of(Kind.ADDED, "+", Kind.REMOVED, "-", Kind.CHANGED, "~",
            Kind.MOVED, ">", Kind.DUPLICATED, "=");

    private final TableRenderer table;
    private final int width;

    DiffTable(TableRenderer table, int width) {
        this.table = table;
        this.width = width;
    }

    String render(DiffReport report) {
        StringBuilder b = new StringBuilder();
        b.append(table.style(Role.HEADING, Text.line(report.oldSet().key().toString()) + " → "
                + Text.line(report.newSet().key().toString()))).append('\n');
        // File names, unless both sides have the same name (old/aws.json, new/aws.json) or --verbose asks for paths.
        boolean paths = report.oldSet().source().shortLabel().equals(report.newSet().source().shortLabel());
        table.field(b, "Old", side(report.oldSet(), paths, report.oldMappings(), report.oldDuplicates()));
        table.field(b, "New", side(report.newSet(), paths, report.newMappings(), report.newDuplicates()));
        table.field(b, "ATT&CK", report.attackReleases().isEmpty()
                ? "no ATT&CK data loaded: revoked techniques cannot be recognised as moved"
                : report.attackReleases().stream().map(AttackRelease::displayName)
                        .collect(Collectors.joining(", ")));
        summary(b, report);
        if (!report.techniques().isEmpty()) {
            b.append('\n').append(table.style(Role.HEADING, "Techniques")).append('\n');
            for (TechniqueNote note : report.techniques()) {
                table.hanging(b, "  ", Text.line(note.id()), explain(note));
            }
        }
        for (Kind kind : Kind.values()) {
            List<Item> items = report.items().stream().filter(i -> i.kind() == kind).toList();
            if (items.isEmpty()) {
                continue;
            }
            b.append('\n').append(table.style(Role.HEADING, capitalised(kind) + " (" + items.size() + ")"))
                    .append('\n');
            items.forEach(item -> item(b, item));
        }
        return b.toString();
    }

    private String side(MappingSet set, boolean path, int mappings, int duplicates) {
        return Text.line(path ? set.source().label() : table.options().source(set.source())) + " · " + mappings
                + " mappings"
                + (duplicates == 0 ? "" : " (" + duplicates + " exact duplicate copies folded)");
    }

    private void summary(StringBuilder b, DiffReport report) {
        b.append('\n').append(table.style(Role.HEADING, "Summary")).append("  ")
                .append(report.hasDifferences() ? report.items().size() + " differences" : "no differences")
                .append('\n');
        Map<Kind, Integer> counts = report.counts();
        for (Kind kind : Kind.values()) {
            b.append(String.format("  %-11s%6d", kind.label(), counts.get(kind))).append('\n');
        }
        b.append(String.format("  %-11s%6d", "unchanged", report.unchanged())).append('\n');
        if (!report.changedFields().isEmpty()) {
            table.field(b, "Fields", "changed or moved mappings differ in " + report.changedFields().entrySet()
                    .stream().map(e -> e.getKey().officialName() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
        coverage(b, "Gained", "techniques now covered that were not", report.coverageGained(), true);
        coverage(b, "Lost", "techniques no longer covered", report.coverageLost(), false);
    }

    private void coverage(StringBuilder b, String label, String meaning, List<TechniqueNote> notes, boolean gained) {
        if (notes.isEmpty()) {
            return;
        }
        table.field(b, label, notes.size() + " " + meaning + ": " + notes.stream()
                .map(n -> n.id() + name(gained ? n.newName() : n.oldName())).collect(Collectors.joining(", ")));
    }

    /** What happened to a technique, in words: renamed, revoked, deprecated. */
    static String explain(TechniqueNote note) {
        List<String> facts = new ArrayList<>();
        if (note.renamed()) {
            facts.add("renamed \"" + Text.line(note.oldName()) + "\" → \"" + Text.line(note.newName()) + "\"");
        }
        if (note.revokedBy() != null) {
            facts.add("revoked by " + Text.line(note.revokedBy()) + " in ATT&CK " + Text.line(note.attackVersion()));
        }
        if (note.deprecated()) {
            facts.add("deprecated in ATT&CK " + Text.line(note.attackVersion()));
        }
        return String.join("; ", facts);
    }

    private void item(StringBuilder b, Item item) {
        Mapping shown = item.newMapping() != null ? item.newMapping() : item.oldMapping();
        String technique = item.attackObjectId() == null ? "(no technique)"
                : (item.movedFrom() == null ? "" : Text.line(item.movedFrom()) + " → ") + Text.line(item.attackObjectId());
        String capability = item.capabilityId() == null ? "(no capability)" : Text.line(item.capabilityId());
        String what = technique + name(shown.attackObjectName())
                + (item.scoreCategory() == null ? "" : " · " + Text.line(item.scoreCategory()));
        // The capability, then what it maps to: on the same line when it fits, else wrapped under it.
        int head = 2 + 2 + capability.length() + 2;
        List<String> lines = head + what.length() <= width ? List.of(what) : Text.wrap(what, width - 6);
        b.append("  ").append(MARKS.get(item.kind())).append(' ').append(table.style(Role.HEADING, capability));
        if (lines.size() == 1 && head + lines.get(0).length() <= width) {
            b.append("  ").append(lines.get(0)).append('\n');
        } else {
            b.append('\n');
            lines.forEach(line -> b.append("      ").append(line).append('\n'));
        }
        switch (item.kind()) {
            case ADDED, REMOVED -> {
                List<String> facts = new ArrayList<>();
                facts.add(shown.nonMappable() ? "non-mappable" : Text.line(shown.mappingType()));
                if (shown.scoreValue() != null) {
                    facts.add(Text.line(shown.scoreValue()));
                }
                int copies = Math.max(item.oldCopies(), item.newCopies());
                if (copies > 1) {
                    facts.add("x" + copies + ": exact duplicates in the file");
                }
                b.append("      ").append(table.style(Role.MUTED, String.join(" · ", facts))).append('\n');
            }
            case DUPLICATED -> copies(b, item);
            case CHANGED, MOVED -> {
                for (MappingField field : item.fields()) {
                    change(b, field, item.oldMapping(), item.newMapping());
                }
                if (item.oldCopies() != item.newCopies()) {
                    copies(b, item);
                }
            }
        }
    }

    private void copies(StringBuilder b, Item item) {
        b.append("      ").append(table.style(Role.MUTED,
                "exact copies in the file: x" + item.oldCopies() + " → x" + item.newCopies())).append('\n');
    }

    /** One changed field: on one line when it fits, else the old and new values on lines of their own. */
    private void change(StringBuilder b, MappingField field, Mapping oldMapping, Mapping newMapping) {
        String before = value(field.value(oldMapping));
        String after = value(field.value(newMapping));
        String oneLine = "      " + field.officialName() + ": " + before + " → " + after;
        if (oneLine.length() <= width) {
            b.append(oneLine).append('\n');
            return;
        }
        b.append("      ").append(field.officialName()).append(':').append('\n');
        marked(b, "-", before);
        marked(b, "+", after);
    }

    private void marked(StringBuilder b, String mark, String text) {
        List<String> lines = Text.wrap(text, width - 10);
        for (int i = 0; i < lines.size(); i++) {
            b.append(i == 0 ? "        " + mark + " " : "          ").append(lines.get(i)).append('\n');
        }
    }

    /** A field value as text; null, empty text and an empty list stay distinguishable, since they differ. */
    private static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "[]" : list.stream().map(Object::toString).map(Text::line)
                    .collect(Collectors.joining(", "));
        }
        String text = Text.line(String.valueOf(value));
        return text.isEmpty() ? "\"\"" : text;
    }

    private static String name(String name) {
        return name == null || name.isBlank() ? "" : " " + Text.line(name);
    }

    private static String capitalised(Kind kind) {
        String label = kind.label();
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
