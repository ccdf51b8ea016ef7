package dev.mapper.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Completion as bash does it: sources a completion script, fills COMP_WORDS/COMP_CWORD like readline for the
 * words typed so far, calls the function that {@code complete -p mapper} names, and reads COMPREPLY.
 */
public final class Bash {

    private static final String COMPLETE = String.join("\n",
            "source \"$1\"",
            "shift",
            "fn=$(complete -p mapper | sed -n 's/.*-F \\([^ ]*\\).*/\\1/p')",
            "COMP_WORDS=(\"$@\"); COMP_CWORD=$(( $# - 1 )); COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE}",
            // outside a real TAB press, compopt complains on stderr; it only sets display options
            "\"$fn\" mapper \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\" 2>/dev/null",
            "printf '%s\\n' \"${COMPREPLY[@]}\"");

    private Bash() {
    }

    /** Skips the calling test, with the reason, when there is no bash to complete in. */
    public static void assumeAvailable() {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
                "bash not found; completion tests skipped");
    }

    /** The candidates bash offers after typing {@code words}; the last word is the one being completed. */
    public static List<String> complete(Path script, String... words) {
        assumeAvailable();
        String[] command = new String[words.length + 5];
        command[0] = "bash";
        command[1] = "-c";
        command[2] = COMPLETE;
        command[3] = "bash";
        command[4] = script.toString();
        System.arraycopy(words, 0, command, 5, words.length);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("bash completion failed: " + out);
            }
            return Arrays.stream(out.split("\n")).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new AssertionError("cannot run bash", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
