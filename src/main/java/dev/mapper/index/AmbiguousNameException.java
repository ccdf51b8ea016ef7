package dev.mapper.index;

import java.util.List;

/** A name that matches more than one loaded thing; the message lists the candidates so the user can pick one. */
public class AmbiguousNameException extends RuntimeException {

    /** More candidates than this are counted, not listed. */
    static final int LISTED = 20;

    private final List<String> candidates;

    /** {@code kind} is what the name is of, e.g. "capability" or "mapping set". */
    public AmbiguousNameException(String kind, String name, List<String> candidates, String hint) {
        super(message(kind, name, candidates, hint));
        this.candidates = List.copyOf(candidates);
    }

    public List<String> candidates() {
        return candidates;
    }

    private static String message(String kind, String name, List<String> candidates, String hint) {
        String kinds = kind.endsWith("y") ? kind.substring(0, kind.length() - 1) + "ies" : kind + "s";
        StringBuilder b = new StringBuilder("'").append(name).append("' matches ").append(candidates.size())
                .append(' ').append(kinds).append("; ").append(hint).append(':');
        candidates.stream().limit(LISTED).forEach(c -> b.append("\n  ").append(c));
        if (candidates.size() > LISTED) {
            b.append("\n  ... and ").append(candidates.size() - LISTED).append(" more");
        }
        return b.toString();
    }
}
