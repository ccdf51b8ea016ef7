package dev.mapper.index;

import dev.mapper.model.DiffReport;
import dev.mapper.model.DiffReport.Item;
import dev.mapper.model.DiffReport.Kind;
import dev.mapper.model.DiffReport.TechniqueNote;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingField;
import dev.mapper.model.MappingFile;
import dev.mapper.model.Technique;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between two mapping files; the rules are in docs/diff.md. Mappings match on (capability_id,
 * attack_object_id, score_category); exact duplicates inside a file fold into one variant with a copy count; when a
 * key has several variants on a side, identical ones pair first, then the closest (fewest differing fields).
 * ATT&CK revocations from the index turn a remove + add onto the replacing technique into a move.
 */
public final class MappingDiff {

    /** What matches a mapping across files; null parts are values of their own (non-mappable, unscored). */
    private record Key(String capabilityId, String attackId, String scoreCategory) {

        static Key of(Mapping m) {
            return new Key(m.capabilityId(), m.techniqueId(), m.scoreCategory());
        }
    }

    /** A distinct mapping of one file: its first occurrence and how many exact copies the file holds. */
    private static final class Variant {
        final Mapping mapping;
        int copies = 1;

        Variant(Mapping mapping) {
            this.mapping = mapping;
        }
    }

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<Key> KEY_ORDER = Comparator.comparing(Key::attackId, NULLS_FIRST)
            .thenComparing(Key::capabilityId, NULLS_FIRST).thenComparing(Key::scoreCategory, NULLS_FIRST);
    private static final Comparator<Item> ITEM_ORDER = Comparator.comparing(Item::kind)
            .thenComparing(Item::attackObjectId, NULLS_FIRST).thenComparing(Item::capabilityId, NULLS_FIRST)
            .thenComparing(Item::scoreCategory, NULLS_FIRST);

    /** The fields compared between matched mappings: everything but the key. */
    private static final List<MappingField> COMPARED = List.of(MappingField.values()).stream()
            .filter(f -> f != MappingField.CAPABILITY_ID && f != MappingField.ATTACK_OBJECT_ID
                    && f != MappingField.SCORE_CATEGORY)
            .toList();

    private final MappingIndex index;
    private final List<Item> items = new ArrayList<>();
    private int unchanged;

    private MappingDiff(MappingIndex index) {
        this.index = index;
    }

    /** Compares OLD with NEW; the index supplies the ATT&CK data (revocations, deprecations). */
    public static DiffReport diff(MappingFile oldFile, MappingFile newFile, MappingIndex index) {
        return new MappingDiff(index).compare(oldFile, newFile);
    }

    private DiffReport compare(MappingFile oldFile, MappingFile newFile) {
        Map<Key, List<Variant>> olds = variants(oldFile);
        Map<Key, List<Variant>> news = variants(newFile);
        TreeMap<Key, List<Variant>> onlyOld = new TreeMap<>(KEY_ORDER);
        TreeMap<Key, List<Variant>> onlyNew = new TreeMap<>(KEY_ORDER);
        olds.forEach((key, variants) -> {
            if (news.containsKey(key)) {
                pair(key, variants, news.get(key), Kind.CHANGED, null);
            } else {
                onlyOld.put(key, variants);
            }
        });
        news.forEach((key, variants) -> {
            if (!olds.containsKey(key)) {
                onlyNew.put(key, variants);
            }
        });
        moves(onlyOld, onlyNew);
        onlyOld.forEach((key, variants) -> variants.forEach(v -> items.add(item(Kind.REMOVED, key, null, v, null, List.of()))));
        onlyNew.forEach((key, variants) -> variants.forEach(v -> items.add(item(Kind.ADDED, key, null, null, v, List.of()))));
        items.sort(ITEM_ORDER);

        Map<String, String> oldNames = names(oldFile);
        Map<String, String> newNames = names(newFile);
        SortedSet<String> oldCovered = covered(oldFile);
        SortedSet<String> newCovered = covered(newFile);
        List<TechniqueNote> gained = new ArrayList<>();
        List<TechniqueNote> lost = new ArrayList<>();
        SortedSet<String> involved = new TreeSet<>();
        newCovered.stream().filter(id -> !oldCovered.contains(id)).forEach(id -> gained.add(note(id, oldNames, newNames)));
        oldCovered.stream().filter(id -> !newCovered.contains(id)).forEach(id -> lost.add(note(id, oldNames, newNames)));
        for (Item item : items) {
            if (item.attackObjectId() != null) {
                involved.add(item.attackObjectId());
            }
            if (item.movedFrom() != null) {
                involved.add(item.movedFrom());
            }
        }
        gained.forEach(n -> involved.add(n.id()));
        lost.forEach(n -> involved.add(n.id()));
        List<TechniqueNote> notes = involved.stream().map(id -> note(id, oldNames, newNames))
                .filter(n -> n.renamed() || n.revokedBy() != null || n.deprecated()).toList();
        return new DiffReport(oldFile.set(), oldFile.mappings().size(), duplicates(olds),
                newFile.set(), newFile.mappings().size(), duplicates(news),
                unchanged, items, gained, lost, notes, index.releases());
    }

    /** The file's mappings by key, in file order, exact duplicates folded. */
    private static Map<Key, List<Variant>> variants(MappingFile file) {
        Map<Key, List<Variant>> byKey = new LinkedHashMap<>();
        for (Mapping m : file.mappings()) {
            List<Variant> variants = byKey.computeIfAbsent(Key.of(m), k -> new ArrayList<>());
            Optional<Variant> same = variants.stream().filter(v -> differences(v.mapping, m).isEmpty()).findFirst();
            if (same.isPresent()) {
                same.get().copies++;
            } else {
                variants.add(new Variant(m));
            }
        }
        return byKey;
    }

    private static int duplicates(Map<Key, List<Variant>> variants) {
        return variants.values().stream().flatMap(List::stream).mapToInt(v -> v.copies - 1).sum();
    }

    /**
     * Matches one key's variants (or a moved key's): identical ones first, then closest first; the rest are removed
     * or added.
     */
    private void pair(Key key, List<Variant> olds, List<Variant> news, Kind kind, String movedFrom) {
        List<Variant> oldLeft = new ArrayList<>(olds);
        List<Variant> newLeft = new ArrayList<>(news);
        for (Variant o : olds) {
            Optional<Variant> same = newLeft.stream().filter(n -> differences(o.mapping, n.mapping).isEmpty()).findFirst();
            if (same.isEmpty()) {
                continue;
            }
            Variant n = same.get();
            oldLeft.remove(o);
            newLeft.remove(n);
            if (kind == Kind.MOVED) {
                items.add(item(Kind.MOVED, key, movedFrom, o, n, List.of()));
            } else if (o.copies != n.copies) {
                items.add(item(Kind.DUPLICATED, key, null, o, n, List.of()));
            } else {
                unchanged++;
            }
        }
        while (!oldLeft.isEmpty() && !newLeft.isEmpty()) {
            Variant bestOld = null;
            Variant bestNew = null;
            List<MappingField> bestFields = null;
            for (Variant o : oldLeft) {
                for (Variant n : newLeft) {
                    List<MappingField> fields = differences(o.mapping, n.mapping);
                    if (bestFields == null || fields.size() < bestFields.size()) {
                        bestOld = o;
                        bestNew = n;
                        bestFields = fields;
                    }
                }
            }
            oldLeft.remove(bestOld);
            newLeft.remove(bestNew);
            items.add(item(kind, key, movedFrom, bestOld, bestNew, bestFields));
        }
        oldLeft.forEach(o -> items.add(item(Kind.REMOVED, movedFrom == null ? key : oldKey(key, movedFrom), null, o, null, List.of())));
        newLeft.forEach(n -> items.add(item(Kind.ADDED, key, null, null, n, List.of())));
    }

    private static Key oldKey(Key newKey, String oldAttackId) {
        return new Key(newKey.capabilityId(), oldAttackId, newKey.scoreCategory());
    }

    /**
     * For each key only OLD has, follows its technique's revoked-by chain in the ATT&CK data; the first replacement
     * under which NEW has the same capability and category, and OLD does not, makes a move. Each NEW key explains at
     * most one OLD key (techniques merged into one: the first in ID order moves, the others are removed).
     */
    private void moves(TreeMap<Key, List<Variant>> onlyOld, TreeMap<Key, List<Variant>> onlyNew) {
        for (Key key : List.copyOf(onlyOld.keySet())) {
            Set<String> seen = new HashSet<>();
            String id = key.attackId();
            while (id != null && seen.add(id)) {
                id = index.technique(id).map(Technique::revokedBy).map(Technique::normaliseId).orElse(null);
                Key target = new Key(key.capabilityId(), id, key.scoreCategory());
                if (id != null && onlyNew.containsKey(target)) {
                    pair(target, onlyOld.remove(key), onlyNew.remove(target), Kind.MOVED, key.attackId());
                    break;
                }
            }
        }
    }

    /** The compared fields that differ. */
    private static List<MappingField> differences(Mapping a, Mapping b) {
        List<MappingField> fields = new ArrayList<>();
        for (MappingField field : COMPARED) {
            if (!Objects.equals(field.value(a), field.value(b))) {
                fields.add(field);
            }
        }
        return fields;
    }

    private static Item item(Kind kind, Key key, String movedFrom, Variant o, Variant n, List<MappingField> fields) {
        return new Item(kind, key.capabilityId(), key.attackId(), key.scoreCategory(), movedFrom, fields,
                o == null ? null : o.mapping, o == null ? 0 : o.copies, n == null ? null : n.mapping,
                n == null ? 0 : n.copies);
    }

    /** Techniques with at least one mapping that is not a non-mappable entry. */
    private static SortedSet<String> covered(MappingFile file) {
        SortedSet<String> ids = new TreeSet<>();
        for (Mapping m : file.mappings()) {
            String id = m.techniqueId();
            if (id != null && !m.nonMappable()) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The first {@code attack_object_name} the file gives each technique. */
    private static Map<String, String> names(MappingFile file) {
        Map<String, String> names = new HashMap<>();
        for (Mapping m : file.mappings()) {
            String id = m.techniqueId();
            if (id != null && m.attackObjectName() != null) {
                names.putIfAbsent(id, m.attackObjectName());
            }
        }
        return names;
    }

    private TechniqueNote note(String id, Map<String, String> oldNames, Map<String, String> newNames) {
        Optional<Technique> attack = index.technique(id);
        return new TechniqueNote(id, oldNames.get(id), newNames.get(id),
                attack.map(Technique::attackVersion).orElse(null), attack.map(Technique::revokedBy).orElse(null),
                attack.map(Technique::deprecated).orElse(false));
    }
}
