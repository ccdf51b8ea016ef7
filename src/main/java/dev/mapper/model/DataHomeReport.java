package dev.mapper.model;

import java.util.List;

/**
 * {@code data pull}, {@code data status} and {@code data remove}: the files of a data home, each with what it
 * holds, where it came from, and what the command found or did.
 */
public record DataHomeReport(String dataHome, List<Row> rows) implements Report {

    /** What happened to a file (pull, remove) or what it was found to be (status). */
    public enum State {
        INSTALLED, UPDATED, UNCHANGED, WOULD_FETCH, REMOVED, OK, CHANGED, MISSING;

        /** As users read and type it: "would-fetch". */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One file: {@code framework} is "attack" for an ATT&CK release (whose framework version is null); {@code size}
     * is -1 and {@code sha256} null when not known (a dry run); {@code newer} names a newer published version when
     * one was looked for and found.
     */
    public record Row(State state, String label, String framework, String frameworkVersion, String attackVersion,
                      String domain, String path, String url, long size, String sha256, String installed,
                      String newer) {
    }

    public DataHomeReport {
        rows = List.copyOf(rows);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.dataHome(this);
    }
}
