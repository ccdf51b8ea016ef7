package dev.mapper.index;

import java.util.List;

/** An ID that is well formed but known neither to the loaded ATT&CK data nor to any mapping. */
public class UnknownIdException extends RuntimeException {

    private final String id;
    private final List<String> suggestions;

    public UnknownIdException(String kind, String id, List<String> suggestions) {
        this(kind, id, suggestions, null);
    }

    /** With a note said when there is nothing to suggest (why nothing can match). */
    public UnknownIdException(String kind, String id, List<String> suggestions, String noneNote) {
        super("unknown " + kind + " " + id
                + (suggestions.isEmpty() ? (noneNote == null ? "" : "; " + noneNote)
                        : "; did you mean " + String.join(", ", suggestions) + "?"));
        this.id = id;
        this.suggestions = List.copyOf(suggestions);
    }

    private UnknownIdException(UnknownIdException error, String place) {
        super(place + ": " + error.getMessage());
        this.id = error.id;
        this.suggestions = error.suggestions;
    }

    /** The same error, said of a place in a file ({@code have.txt:3:1}). */
    public UnknownIdException at(String place) {
        return new UnknownIdException(this, place);
    }

    public String id() {
        return id;
    }

    public List<String> suggestions() {
        return suggestions;
    }
}
