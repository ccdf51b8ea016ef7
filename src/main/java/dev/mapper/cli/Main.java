package dev.mapper.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point: builds the command line, runs it, exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs mapper on the process's stdout and stderr, without exiting. */
    public static int run(String... args) {
        // Not System.out: a PrintStream swallows write errors.
        PrintWriter out = new Stdout(new FileOutputStream(FileDescriptor.out));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return MapperCommand.commandLine(out, err, Terminal.system(), args).execute(args);
    }

    /** Runs mapper with the given streams, which are not a terminal, without exiting; what tests call. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(System.in, out, err, args);
    }

    /** The same, reading stdin from {@code in}. */
    public static int run(InputStream in, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = MapperCommand.commandLine(out, err, args);
        ((MapperCommand) cli.getCommand()).readingFrom(in);
        return cli.execute(args);
    }
}
