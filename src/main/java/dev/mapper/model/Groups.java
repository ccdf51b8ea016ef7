package dev.mapper.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Grouping into a map of lists without a lambda: {@code listIn(map, key).add(value)} does what
 * {@code map.computeIfAbsent(key, k -> new ArrayList<>()).add(value)} does, but each such lambda costs ~0.1 ms to
 * link in a cold JVM, which the code every run goes through should not pay (docs/performance.md).
 */
public final class Groups {

    private Groups() {
    }

    /** The map's list for the key, put in empty when there is none. */
    public static <K, V> List<V> listIn(Map<K, List<V>> map, K key) {
        List<V> list = map.get(key);
        if (list == null) {
            list = new ArrayList<>();
            map.put(key, list);
        }
        return list;
    }
}
