package dev.mapper.index;

import dev.mapper.model.Capability;
import dev.mapper.model.Mapping;
import dev.mapper.model.MappingSet;
import dev.mapper.model.SearchHit;
import dev.mapper.model.SearchHit.Kind;
import dev.mapper.model.SearchReport;
import dev.mapper.model.Technique;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An inverted index, built once, over technique IDs, names and descriptions, capability IDs and descriptions, and
 * mapping comments. A query looks its words up (a word of three letters or more also matches longer words it
 * starts) and ranks only the documents that contain every word.
 */
final class SearchIndex {

    /** Relevance tiers: an exact ID, an exact name, every word in a name, every word in one text, words spread. */
    private static final int EXACT_ID = 1000;
    private static final int EXACT_NAME = 900;
    private static final int IN_NAME = 400;
    private static final int IN_TEXT = 200;
    private static final int SPREAD = 100;
    private static final int PHRASE_IN_NAME = 100;
    private static final int PHRASE_IN_TEXT = 50;
    private static final int EXACT_WORD = 5;
    private static final int MIN_PREFIX = 3;

    /** A searchable field; a title (ID or name) ranks above running text. */
    private record Field(String name, String text, boolean title, boolean id) {
    }

    private record Doc(Kind kind, String techniqueId, Capability capability, Mapping mapping, List<Field> fields) {
    }

    private record Scored(Doc doc, int relevance, List<String> matchedIn, Integer mappingCount) {
    }

    private final MappingIndex index;
    private final Capabilities capabilities;
    private final List<Doc> docs = new ArrayList<>();
    private final TreeMap<String, int[]> postings = new TreeMap<>();

    SearchIndex(MappingIndex index, Capabilities capabilities) {
        this.index = index;
        this.capabilities = capabilities;
        Map<String, Postings> building = new HashMap<>();
        for (String id : index.techniqueIds()) {
            Technique t = index.describe(id);
            add(new Doc(Kind.TECHNIQUE, id, null, null, List.of(new Field("attack_object_id", id, true, true),
                    new Field("attack_object_name", t.name(), true, false),
                    new Field("description", t.description(), false, false))), building);
        }
        for (Capability c : capabilities.all()) {
            add(new Doc(Kind.CAPABILITY, null, c, null, List.of(new Field("capability_id", c.id(), true, true),
                    new Field("capability_description", c.description(), true, false))), building);
        }
        for (MappingSet set : index.sets()) {
            for (Mapping m : index.mappingsIn(set)) {
                if (m.comments() != null && !m.comments().isBlank()) {
                    add(new Doc(Kind.MAPPING, null, null, m, List.of(new Field("comments", m.comments(), false, false))),
                            building);
                }
            }
        }
        building.forEach((term, list) -> postings.put(term, list.toArray()));
    }

    private void add(Doc doc, Map<String, Postings> building) {
        int id = docs.size();
        docs.add(doc);
        for (Field field : doc.fields()) {
            for (String word : words(field.text())) {
                building.computeIfAbsent(word, k -> new Postings()).add(id);
            }
        }
    }

    /** The hits in the given sets that pass the filter, best first, at most {@code limit}. */
    SearchReport search(String query, Set<MappingSet> sets, MappingFilter filter, int limit) {
        List<String> terms = words(query);
        List<Scored> scored = new ArrayList<>();
        BitSet candidates = candidates(terms);
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            Doc doc = docs.get(i);
            Integer count = mappingCount(doc, sets, filter);
            boolean kept = doc.kind() == Kind.MAPPING
                    ? sets.contains(doc.mapping().set()) && index.passes(doc.mapping(), filter)
                    : count > 0 || (filter.isEmpty() && doc.kind() == Kind.TECHNIQUE);
            if (kept) {
                scored.add(score(doc, query, terms, count));
            }
        }
        // Ties keep index order: techniques by ID, capabilities by framework and ID, mappings by set and position.
        scored.sort(Comparator.comparingInt(Scored::relevance).reversed());
        List<SearchHit> hits = scored.stream().limit(limit).map(s -> new SearchHit(s.doc().kind(), s.matchedIn(),
                s.relevance(), s.doc().techniqueId() == null ? null : index.describe(s.doc().techniqueId()),
                s.doc().capability(), s.doc().mapping(), s.mappingCount())).toList();
        return new SearchReport(query.strip(), hits, scored.size());
    }

    /** Documents containing every term (or, for terms of three letters or more, a word starting with it). */
    private BitSet candidates(List<String> terms) {
        BitSet all = null;
        for (String term : terms) {
            BitSet matching = new BitSet(docs.size());
            Map<String, int[]> words = term.length() < MIN_PREFIX ? (postings.containsKey(term)
                    ? Map.of(term, postings.get(term)) : Map.of())
                    : postings.subMap(term, true, term + Character.MAX_VALUE, false);
            words.values().forEach(ids -> Arrays.stream(ids).forEach(matching::set));
            if (all == null) {
                all = matching;
            } else {
                all.and(matching);
            }
        }
        return all == null ? new BitSet() : all;
    }

    /** For a technique or capability, its mappings in the sets that pass the filter; null for a mapping. */
    private Integer mappingCount(Doc doc, Set<MappingSet> sets, MappingFilter filter) {
        List<Mapping> mappings = switch (doc.kind()) {
            case TECHNIQUE -> index.mappingsFor(doc.techniqueId(), sets);
            case CAPABILITY -> capabilities.mappingsOf(doc.capability()).stream()
                    .filter(m -> sets.contains(m.set())).toList();
            case MAPPING -> null;
        };
        return mappings == null ? null : (int) mappings.stream().filter(m -> index.passes(m, filter)).count();
    }

    private static Scored score(Doc doc, String query, List<String> terms, Integer mappingCount) {
        String exact = query.strip();
        int best = SPREAD;
        List<String> matchedIn = new ArrayList<>();
        Set<String> exactWords = new HashSet<>();
        for (Field field : doc.fields()) {
            if (field.text() == null) {
                continue;
            }
            List<String> words = words(field.text());
            exactWords.addAll(words);
            boolean any = false;
            boolean every = true;
            for (String term : terms) {
                boolean has = words.stream().anyMatch(w -> matches(w, term));
                any |= has;
                every &= has;
            }
            if (!any) {
                continue;
            }
            matchedIn.add(field.name());
            int relevance;
            if (field.title() && (field.id() ? Capability.comparableId(field.text()).equalsIgnoreCase(
                    Capability.comparableId(exact)) : withoutAccents(field.text().strip())
                    .equalsIgnoreCase(withoutAccents(exact)))) {
                relevance = field.id() ? EXACT_ID : EXACT_NAME;
            } else if (every) {
                int phrase = phrase(words, terms) ? (field.title() ? PHRASE_IN_NAME : PHRASE_IN_TEXT) : 0;
                relevance = (field.title() ? IN_NAME : IN_TEXT) + phrase;
            } else {
                relevance = SPREAD;
            }
            best = Math.max(best, relevance);
        }
        for (String term : terms) {
            if (exactWords.contains(term)) {
                best += EXACT_WORD;
            }
        }
        return new Scored(doc, best, matchedIn, mappingCount);
    }

    /** True when the terms follow each other somewhere in the words. */
    private static boolean phrase(List<String> words, List<String> terms) {
        for (int start = 0; start + terms.size() <= words.size(); start++) {
            int j = 0;
            while (j < terms.size() && matches(words.get(start + j), terms.get(j))) {
                j++;
            }
            if (j == terms.size()) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String word, String term) {
        return term.length() < MIN_PREFIX ? word.equals(term) : word.startsWith(term);
    }

    /**
     * Lower-case runs of letters and digits, accents left out and a number without its leading zeros, so that
     * "doppelganging" finds "Doppelgänging" and "AC-2" finds "AC-02": "T1078.004 Cloud-Accounts" is t1078, 4, cloud,
     * accounts.
     */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        String folded = withoutAccents(text);
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean letter = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words.add(withoutLeadingZeros(folded.substring(start, i).toLowerCase(Locale.ROOT)));
                start = -1;
            }
        }
        return words;
    }

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    /** The text with its letters' accents left out (decomposed, marks dropped); ASCII text as it is, at no cost. */
    private static String withoutAccents(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                return COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
            }
        }
        return text;
    }

    /** "02" is "2" and "000" is "0"; a word with a letter is left as it is. */
    private static String withoutLeadingZeros(String word) {
        int zeros = 0;
        while (zeros < word.length() - 1 && word.charAt(zeros) == '0') {
            zeros++;
        }
        if (zeros == 0) {
            return word;
        }
        for (int i = zeros; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                return word;
            }
        }
        return word.substring(zeros);
    }

    /** A growing list of document numbers, each added once (documents are added in increasing order). */
    private static final class Postings {
        private int[] ids = new int[2];
        private int size;

        void add(int id) {
            if (size > 0 && ids[size - 1] == id) {
                return;
            }
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
        }

        int[] toArray() {
            return Arrays.copyOf(ids, size);
        }
    }
}
