package dev.mapper.pull;

/** What a pull tells the person waiting for it; called from one thread, in order. */
public interface Progress {

    /** Says nothing. */
    Progress NONE = new Progress() {
    };

    /** A download starts; {@code size} is -1 when the server does not say. */
    default void started(String name, long size) {
    }

    /** {@code bytes} of the file have arrived (a resumed download counts what it already had). */
    default void advanced(long bytes) {
    }

    /** The download ended, with a file or without. */
    default void finished() {
    }

    /** Another pull holds the data home's lock: this one waits for it. */
    default void waiting(String message) {
    }
}
