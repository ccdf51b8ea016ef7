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

    /**
     * Which techniques these are, as a report names its scope: "the techniques and sub-techniques G0016 APT29 uses
     * (119)", "... S0154 Cobalt Strike and its software use (72)". Coverage and the matrix both say it so.
     */
    public String label() {
        StringBuilder b = new StringBuilder("the techniques and sub-techniques ");
        for (int i = 0; i < adversaries.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(adversaries.get(i).id()).append(' ').append(adversaries.get(i).name());
        }
        boolean one = adversaries.size() == 1;
        b.append(viaSoftware ? (one ? " and its software use" : " and their software use") : one ? " uses" : " use");
        return b.append(" (").append(techniques.size()).append(')').toString();
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
