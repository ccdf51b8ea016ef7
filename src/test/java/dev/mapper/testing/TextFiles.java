package dev.mapper.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writing the files the test builders make. */
final class TextFiles {

    private TextFiles() {
    }

    /** Writes the text to {@code file} (UTF-8), making its folder, and returns the path. */
    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
