package dev.mapper.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Output that could not be written (a closed pipe, a full disk, an unwritable path). */
final class OutputException extends UncheckedIOException {

    OutputException(String message, IOException cause) {
        super(message, cause);
    }
}
