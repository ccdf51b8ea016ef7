package dev.mapper.load;

import java.util.HashMap;
import java.util.Map;

/** Where values stood in one file, by JSON Pointer ({@code /mapping_objects/3/attack_object_id}). */
final class Positions {

    private final Map<String, Long> byPointer = new HashMap<>();

    void put(String pointer, int line, int column) {
        byPointer.put(pointer, ((long) line << 32) | (column & 0xffffffffL));
    }

    boolean has(String pointer) {
        return byPointer.containsKey(pointer);
    }

    /** The 1-based line, or 0 when the pointer was never recorded. */
    int line(String pointer) {
        Long packed = byPointer.get(pointer);
        return packed == null ? 0 : (int) (packed >>> 32);
    }

    int column(String pointer) {
        Long packed = byPointer.get(pointer);
        return packed == null ? 0 : (int) (long) packed;
    }

    /** A pointer from its parts, escaped as RFC 6901 says. */
    static String pointer(Object... parts) {
        StringBuilder b = new StringBuilder();
        for (Object part : parts) {
            b.append('/').append(String.valueOf(part).replace("~", "~0").replace("/", "~1"));
        }
        return b.toString();
    }
}
