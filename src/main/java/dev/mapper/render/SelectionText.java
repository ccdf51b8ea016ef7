package dev.mapper.render;

import java.util.List;
import java.util.Map;

/**
 * What a report's header says was selected (the mapping sets, filters, capabilities you have, adversaries): every
 * format of matrix and coverage words it with this, so that the same options read the same everywhere.
 */
final class SelectionText {

    private SelectionText() {
    }

    /**
     * The selecting options as given, each by its name in words with its values: "framework aws; min score
     * significant; group G0016; include software"; "all mappings" when none was given.
     */
    static String of(Map<String, List<String>> selection) {
        if (selection.isEmpty()) {
            return "all mappings";
        }
        StringBuilder b = new StringBuilder();
        selection.forEach((option, values) -> {
            b.append(b.length() == 0 ? "" : "; ").append(option.replace('_', ' '));
            if (!values.isEmpty()) {
                b.append(' ').append(String.join(", ", values));
            }
        });
        return b.toString();
    }
}
