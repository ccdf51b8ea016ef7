package dev.mapper.cli;

/** A check the user asked for failed (validation errors, a coverage gate); the result was still written. */
final class CheckFailedException extends RuntimeException {

    CheckFailedException(String message) {
        super(message);
    }
}
