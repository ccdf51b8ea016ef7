package dev.mapper.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What mapper knows of where its output goes: the environment, whether stdout is a terminal, and that terminal's
 * size. A run of the real process reads these from the system; a test gives its own.
 */
final class Terminal {

    static final int DEFAULT_WIDTH = 80;
    static final int DEFAULT_HEIGHT = 24;

    private final Map<String, String> env;
    private final boolean stdoutIsTerminal;
    private int[] size; // rows, columns of the controlling terminal; asked once, when first needed

    Terminal(Map<String, String> env, boolean stdoutIsTerminal) {
        this.env = Map.copyOf(env);
        this.stdoutIsTerminal = stdoutIsTerminal;
    }

    /** The process's own stdout and environment. */
    static Terminal system() {
        return new Terminal(System.getenv(), isTerminal());
    }

    /** Output to a stream that is not a terminal (a test's writer), with the process's environment. */
    static Terminal notATerminal() {
        return new Terminal(System.getenv(), false);
    }

    /** The environment variable, or null when unset. */
    String env(String name) {
        return env.get(name);
    }

    /** True when the variable is set to something other than the empty string (how NO_COLOR is defined). */
    boolean isSet(String name) {
        String value = env.get(name);
        return value != null && !value.isEmpty();
    }

    boolean stdoutIsTerminal() {
        return stdoutIsTerminal;
    }

    /** {@code COLUMNS} when set, else the terminal's width when on one, else 80. */
    int width() {
        return dimension("COLUMNS", 1, DEFAULT_WIDTH);
    }

    /** {@code LINES} when set, else the terminal's height when on one, else 24. */
    int height() {
        return dimension("LINES", 0, DEFAULT_HEIGHT);
    }

    private int dimension(String variable, int index, int fallback) {
        String value = env(variable);
        if (value != null && !value.isBlank()) {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        if (!stdoutIsTerminal) {
            return fallback;
        }
        if (size == null) {
            size = ttySize();
        }
        return size == null ? fallback : size[index];
    }

    /**
     * Whether fd 1 is a terminal. Java 17 only has {@code System.console()}, which also needs stdin to be one (it is
     * not in {@code echo T1528 | mapper show -}); on Linux /proc says where fd 1 leads.
     */
    private static boolean isTerminal() {
        if (System.console() != null) {
            return true;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false; // no /proc (macOS, Windows): with stdin not a terminal, take stdout as not one either
        }
    }

    /** Java 17 has no API for the terminal size; {@code stty size} on the controlling terminal answers "rows cols". */
    private static int[] ttySize() {
        try {
            Process stty = new ProcessBuilder("stty", "size")
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/tty")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String answer = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (stty.waitFor(1, TimeUnit.SECONDS) && stty.exitValue() == 0) {
                String[] rowsCols = answer.trim().split("\\s+");
                int rows = Integer.parseInt(rowsCols[0]);
                int cols = Integer.parseInt(rowsCols[1]);
                return rows > 0 && cols > 0 ? new int[] {rows, cols} : null; // 0 0: a terminal without a size
            }
        } catch (IOException | RuntimeException e) {
            // no stty or no /dev/tty (Windows, containers): use the defaults
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
