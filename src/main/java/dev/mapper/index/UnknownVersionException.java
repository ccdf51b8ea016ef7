package dev.mapper.index;

import java.util.Collection;

/** A --framework-version or --attack-version that no loaded mapping set has: a usage error naming those there are. */
public class UnknownVersionException extends RuntimeException {

    public UnknownVersionException(String what, String version, Collection<String> known) {
        super("no loaded mapping set has " + what + " '" + version + "'"
                + (known.isEmpty() ? " (no mapping set is loaded)" : "; the loaded ones have " + String.join(", ", known)));
    }
}
