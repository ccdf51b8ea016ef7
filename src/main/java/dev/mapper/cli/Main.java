package dev.mapper.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point: builds the command line, runs it, exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs mapper on the process's stdout and stderr, without exiting. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return MapperCommand.commandLine(out, err, Terminal.system(), args).execute(args);
    }

    /** Runs mapper with the given streams, which are not a terminal, without exiting; what tests call. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return MapperCommand.commandLine(out, err, args).execute(args);
    }
}
