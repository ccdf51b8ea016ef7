package dev.mapper.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The techniques some adversaries use, each with the IDs of those that use it, by technique ID: what adversary
 * coverage, gaps and layers count. Only techniques that count are here (current, passing the filters).
 */
public record AdversaryTechniques(List<Adversary> adversaries, boolean viaSoftware, List<Used> techniques) {

    /** A technique and the IDs of the adversaries that use it, in the order the adversaries were given. */
    public record Used(Technique technique, List<String> usedBy) {
        public Used {
            usedBy = List.copyOf(usedBy);
        }
    }

    public AdversaryTechniques {
        adversaries = List.copyOf(adversaries);
        techniques = List.copyOf(techniques);
    }

    /** The techniques' IDs, in order. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>(techniques.size());
        for (Used used : techniques) {
            ids.add(used.technique().id());
        }
        return ids;
    }
}
