package dev.mapper.model;

import java.util.Locale;

/**
 * One problem {@code validate} found in a file, at a 1-based line and column (0 when the problem concerns the
 * file as a whole). {@code rule} is a short stable name (e.g. {@code schema}, {@code unknown-technique}) that
 * tools can filter on.
 */
public record Finding(String file, int line, int column, Severity severity, String rule, String message) {

    public enum Severity {
        ERROR, WARNING;

        /** "error" or "warning", as compilers print it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
