package dev.mapper.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

/**
 * What shell completion offers for option values and arguments. The script is generated once, so these are
 * fixed lists, not the loaded data: see docs/completion.md.
 */
final class CompletionCandidates {

    private CompletionCandidates() {
    }

    /** The {@code mapping_framework} values of the frameworks Mappings Explorer publishes. */
    static final class Frameworks implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("aws", "azure", "gcp", "kev", "m365", "nist_800_53", "veris").iterator();
        }
    }

    /** Active ATT&CK Enterprise technique IDs, from a resource read only when completion asks for them. */
    static final class TechniqueIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            try (InputStream in = TechniqueIds.class.getResourceAsStream("technique-ids.txt");
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList().iterator();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
