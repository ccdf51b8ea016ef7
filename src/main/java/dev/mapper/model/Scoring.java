package dev.mapper.model;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a picture of coverage (a Navigator layer, the matrix) rates a technique: by the strongest of its mappings, or
 * by how many capabilities map to it. The two measures are here so that every picture computes them alike.
 */
public enum Scoring {
    /** Strength when every framework among the mappings scores them, else count. */
    AUTO,
    /** The strongest {@code score_value}: minimal, partial, significant. */
    STRENGTH,
    /** The number of distinct capabilities mapped to the technique. */
    COUNT;

    /** What this scoring stands for on these mappings: itself, or for {@code AUTO} strength or count. */
    public Scoring resolve(Collection<Mapping> mappings) {
        if (this != AUTO) {
            return this;
        }
        Map<String, Boolean> scoredByFramework = new TreeMap<>();
        for (Mapping m : mappings) {
            scoredByFramework.merge(m.set().framework(), Score.of(m.scoreValue()) != null, Boolean::logicalOr);
        }
        return scoredByFramework.containsValue(false) ? COUNT : STRENGTH;
    }

    /** The strongest score among the mappings; null when none has one. */
    public static Score strongest(Collection<Mapping> mappings) {
        Score strongest = null;
        for (Mapping m : mappings) {
            Score score = Score.of(m.scoreValue());
            if (score != null && (strongest == null || score.compareTo(strongest) > 0)) {
                strongest = score;
            }
        }
        return strongest;
    }

    /** How many distinct capabilities (per framework: AC-2 of NIST is not an AWS AC-2) the mappings name. */
    public static int capabilityCount(Collection<Mapping> mappings) {
        return (int) mappings.stream().map(m -> m.set().framework() + "\u0000" + m.capabilityId()).distinct().count();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
