package dev.mapper.cli;

/** Every exit code mapper uses, in one place (documented in docs/exit-codes.md). */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** A check failed: validation errors, a coverage gate, differences with {@code diff --exit-code}. */
    public static final int CHECK_FAILED = 1;
    /** The command line is wrong: unknown option, malformed ID, bad value. */
    public static final int USAGE = 2;
    /** A well-formed ID or name that the loaded data does not know. */
    public static final int NOT_FOUND = 3;
    /** A name that matches more than one thing; the candidates are listed. */
    public static final int AMBIGUOUS = 4;
    /** A data file could not be read: malformed, unreadable, wrong format, over a limit. */
    public static final int BAD_DATA = 5;
    /** Output could not be written, nor (data pull, data remove) the data home. */
    public static final int OUTPUT_ERROR = 6;
    /** A download failed: no network, a host that cannot be reached, a timeout, an HTTP error. */
    public static final int NETWORK = 7;
    /**
     * The loaded data cannot answer the question honestly: coverage of a domain whose ATT&CK release is not loaded
     * (only the bundled sample, or nothing). The message names what to load.
     */
    public static final int MISSING_DATA = 8;
    /** Set by the launcher script, not by Java: no Java 17+ found, or a source checkout that could not be built. */
    public static final int CANNOT_RUN = 69;
    /** A bug in mapper itself; please report it with the output of {@code --verbose}. */
    public static final int INTERNAL_ERROR = 70;
    /**
     * The reader of the output closed the pipe early ({@code mapper ... | head -1}): the code a process killed by
     * SIGPIPE has in a shell, 128 + 13, with no message.
     */
    public static final int BROKEN_PIPE = 141;

    private ExitCodes() {
    }
}
