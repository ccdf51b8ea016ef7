package dev.mapper.pull;

/**
 * Why a pull, status or remove could not do what was asked; the message is the line users read. Nothing in the
 * data home has changed because of the failed step (each file is replaced whole or not at all).
 */
public final class PullException extends RuntimeException {

    /** What went wrong, which decides the exit code. */
    public enum Kind {
        /** A mistake in the request: an unknown framework, an unreadable source list. */
        USAGE,
        /** Nothing published (or installed) matches the selection. */
        NOT_FOUND,
        /** The network or the server: no connection, a timeout, an HTTP error. */
        NETWORK,
        /** A download is not what its name says: not JSON, truncated, another domain or version. */
        BAD_DATA,
        /** The data home cannot be written: no space, no permission. */
        DATA_HOME
    }

    private final Kind kind;

    public PullException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
