package dev.mapper.index;

import java.util.List;

/** A name that matches more than one loaded thing; the message lists the candidates. */
public class AmbiguousNameException extends RuntimeException {

    private final List<String> candidates;

    public AmbiguousNameException(String kind, String name, List<String> candidates, String hint) {
        super(kind + " " + name + " matches more than one: " + String.join(", ", candidates) + "; " + hint);
        this.candidates = List.copyOf(candidates);
    }

    public List<String> candidates() {
        return candidates;
    }
}
