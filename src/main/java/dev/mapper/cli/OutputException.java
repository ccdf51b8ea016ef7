package dev.mapper.cli;

import java.io.IOException;

/** Output that could not be written (a closed pipe, a full disk, an unwritable path). */
final class OutputException extends RuntimeException {

    /** The cause may be null: a PrintWriter that is not ours reports a failure without one. */
    OutputException(String message, IOException cause) {
        super(message, cause);
    }

    /**
     * The reader of a pipe went away (EPIPE; the JVM ignores SIGPIPE, so it arrives as this exception): a consumer
     * such as {@code head -1} that has read all it wants, which is not worth a message.
     */
    boolean brokenPipe() {
        return getCause() != null && "Broken pipe".equalsIgnoreCase(getCause().getMessage());
    }
}
