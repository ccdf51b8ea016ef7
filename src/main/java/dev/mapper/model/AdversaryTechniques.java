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
        boolean one = adversaries.size() == 1;
        return "the techniques and sub-techniques " + users() + (one && !viaSoftware ? " uses" : " use") + " ("
                + techniques.size() + ")";
    }

    /** Who uses these techniques: "G0016 APT29", "S0154 Cobalt Strike and its software" (see the other users). */
    public String users() {
        return users(names(adversaries), adversaries.size() == 1, viaSoftware);
    }

    /**
     * Who uses the techniques, as every report words it: {@code adversaries} ("G0016 APT29", or "all 172 groups"),
     * then with {@code viaSoftware} "and its software" ({@code one} adversary) or "and their software".
     */
    public static String users(String adversaries, boolean one, boolean viaSoftware) {
        return adversaries + (!viaSoftware ? "" : one ? " and its software" : " and their software");
    }

    /** "G0016 APT29, G0007 APT28": the adversaries by ID and name, in order. */
    public static String names(List<Adversary> adversaries) {
        StringBuilder b = new StringBuilder();
        for (Adversary adversary : adversaries) {
            b.append(b.isEmpty() ? "" : ", ").append(adversary.id()).append(' ').append(adversary.name());
        }
        return b.toString();
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
