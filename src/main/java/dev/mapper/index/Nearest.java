package dev.mapper.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** What a user probably meant: the known IDs or names nearest to what they typed. */
final class Nearest {

    private Nearest() {
    }

    /** The {@code limit} known IDs nearest the given one: by edit distance, then by the gap between their numbers. */
    static List<String> ids(String id, Collection<String> known, int limit) {
        List<String> candidates = new ArrayList<>(known);
        candidates.sort(Comparator.comparingInt((String k) -> distance(id, k))
                .thenComparingLong(k -> numericGap(id, k))
                .thenComparing(k -> k));
        return Collections.unmodifiableList(candidates.subList(0, Math.min(limit, candidates.size())));
    }

    /** How far apart the numbers in two IDs are (T1528 is nearer T1529 than T1582), for ties in edit distance. */
    private static long numericGap(String a, String b) {
        String da = a.replaceAll("\\D", "");
        String db = b.replaceAll("\\D", "");
        if (da.isEmpty() || db.isEmpty() || da.length() > 12 || db.length() > 12) {
            return Long.MAX_VALUE;
        }
        return Math.abs(Long.parseLong(da) - Long.parseLong(db));
    }

    /** One character wrong, missing or extra, or two neighbours swapped (T1258 for T1528): a slip of the keyboard. */
    static boolean likelyTypo(String typed, String known) {
        if (distance(typed, known) <= 1) {
            return true;
        }
        if (typed.length() != known.length()) {
            return false;
        }
        int first = 0;
        while (first < typed.length() && typed.charAt(first) == known.charAt(first)) {
            first++;
        }
        return first + 1 < typed.length() && typed.charAt(first) == known.charAt(first + 1)
                && typed.charAt(first + 1) == known.charAt(first)
                && typed.substring(first + 2).equals(known.substring(first + 2));
    }

    /** Levenshtein distance between two strings. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
