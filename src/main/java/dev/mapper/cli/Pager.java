package dev.mapper.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The pager, run as git runs it: a shell command, given the text on stdin, on the terminal mapper's stdout is. */
final class Pager {

    static final String DEFAULT = "less -FRX";

    /** A shell's exit codes for a command it could not find or could not run. */
    private static final int NOT_FOUND = 127;
    private static final int NOT_EXECUTABLE = 126;

    private Pager() {
    }

    /**
     * {@code $MAPPER_PAGER}, else {@code $PAGER}, else {@code less -FRX}; null when the one set is empty or
     * {@code cat}, which mean "no pager".
     */
    static String command(Terminal terminal) {
        String command = terminal.env("MAPPER_PAGER");
        if (command == null) {
            command = terminal.env("PAGER");
        }
        if (command == null) {
            command = DEFAULT;
        }
        return command.isBlank() || command.strip().equals("cat") ? null : command;
    }

    /**
     * Shows the text in the pager and waits until the user leaves it; false, after a warning, when the pager could
     * not be run, so that the caller writes the text itself.
     */
    static boolean show(String command, Terminal terminal, String text, PrintWriter err) {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = builder.environment();
        // As git: less without options would not pass colour through (-R) nor quit on one screen (-F).
        if (terminal.env("LESS") == null) {
            env.put("LESS", "FRX");
        }
        if (terminal.env("LV") == null) {
            env.put("LV", "-c");
        }
        Process pager;
        try {
            pager = builder.start();
        } catch (IOException e) {
            err.println("mapper: warning: cannot run the pager '" + command + "' (" + e.getMessage()
                    + "); writing directly (--no-pager turns paging off)");
            return false;
        }
        // Ctrl-C in the pager reaches mapper too: stay until the pager ends, or the shell's prompt would share the
        // terminal with a pager still running.
        Thread waitForPager = new Thread(() -> waitFor(pager));
        Runtime.getRuntime().addShutdownHook(waitForPager);
        try (Writer in = new OutputStreamWriter(pager.getOutputStream(), StandardCharsets.UTF_8)) {
            in.write(text);
        } catch (IOException e) {
            // the user left the pager before reading everything (q in less): nothing more to show
        }
        int exit = waitFor(pager);
        try {
            Runtime.getRuntime().removeShutdownHook(waitForPager);
        } catch (IllegalStateException e) {
            // the JVM is shutting down (Ctrl-C), and the hook has done its waiting
        }
        if (exit == NOT_FOUND || exit == NOT_EXECUTABLE) {
            err.println("mapper: warning: the pager '" + command + "' could not be run; writing directly"
                    + " (set MAPPER_PAGER, or --no-pager)");
            return false;
        }
        return true;
    }

    /** Waits, even when interrupted: leaving early would leave the pager alone on the terminal. */
    private static int waitFor(Process process) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return process.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
