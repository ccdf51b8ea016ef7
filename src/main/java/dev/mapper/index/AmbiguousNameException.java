package dev.mapper.index;

import java.util.ArrayList;
import java.util.List;

/** A name that matches more than one loaded thing; the message lists the candidates so the user can pick one. */
public class AmbiguousNameException extends RuntimeException {

    /** More candidates than this are counted, not listed. */
    static final int LISTED = 20;

    private final List<String> candidates;
    private final List<String> lines;

    /** {@code kind} is what the name is of, e.g. "capability" or "mapping set". */
    public AmbiguousNameException(String kind, String name, List<String> candidates, String hint) {
        this(lines(kind, name, candidates, hint), candidates);
    }

    private AmbiguousNameException(List<String> lines, List<String> candidates) {
        super(String.join("\n  ", lines));
        this.lines = lines;
        this.candidates = List.copyOf(candidates);
    }

    /** The same ambiguity, said of a place in a file ({@code groups.txt:3:1}). */
    public AmbiguousNameException at(String place) {
        List<String> placed = new ArrayList<>(lines);
        placed.set(0, place + ": " + lines.get(0));
        return new AmbiguousNameException(List.copyOf(placed), candidates);
    }

    public List<String> candidates() {
        return candidates;
    }

    /** The message as lines: what matched, then the candidates listed, then how many more there are. */
    public List<String> lines() {
        return lines;
    }

    private static List<String> lines(String kind, String name, List<String> candidates, String hint) {
        String kinds = kind.endsWith("y") ? kind.substring(0, kind.length() - 1) + "ies" : kind + "s";
        List<String> lines = new ArrayList<>();
        lines.add("'" + name + "' matches " + candidates.size() + " " + kinds + "; " + hint + ":");
        candidates.stream().limit(LISTED).forEach(lines::add);
        if (candidates.size() > LISTED) {
            lines.add("... and " + (candidates.size() - LISTED) + " more");
        }
        return List.copyOf(lines);
    }
}
