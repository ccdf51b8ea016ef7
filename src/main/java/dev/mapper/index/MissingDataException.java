package dev.mapper.index;

/**
 * A question the loaded data cannot answer honestly: coverage of a domain whose ATT&CK release is not loaded (only
 * the bundled sample, or nothing). The message says what to load.
 */
public class MissingDataException extends RuntimeException {

    public MissingDataException(String message) {
        super(message);
    }
}
