package dev.mapper.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a list of IDs from a text file: separated by whitespace or commas, {@code #} starts a comment. */
public final class IdListReader {

    private IdListReader() {
    }

    public static List<String> read(Path file) {
        List<String> ids = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int comment = line.indexOf('#');
                for (String token : (comment < 0 ? line : line.substring(0, comment)).split("[\\s,]+")) {
                    if (!token.isEmpty()) {
                        ids.add(token);
                    }
                }
            }
        } catch (IOException e) {
            throw new DataFileException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
        return ids;
    }
}
