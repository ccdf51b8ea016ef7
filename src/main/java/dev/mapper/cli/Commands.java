package dev.mapper.cli;

import dev.mapper.index.MappingIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import picocli.CommandLine;

/** What every subcommand does around its query: load the index, write the result. */
final class Commands {

    @FunctionalInterface
    interface Output {
        void writeTo(Writer out) throws IOException;
    }

    private Commands() {
    }

    /** Loads the data the options ask for; what loading skipped is said on stderr, never dropped silently. */
    static MappingIndex index(CommandLine.Model.CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        DataOptions data = ((MapperCommand) spec.root().userObject()).data();
        MappingIndex index = data.index(warning -> err.println("mapper: warning: " + warning));
        err.flush();
        return index;
    }

    /** Writes to stdout; a failed write (closed pipe, full disk) becomes an {@link OutputException}. */
    static void write(CommandLine.Model.CommandSpec spec, Output output) {
        PrintWriter out = spec.commandLine().getOut();
        try {
            output.writeTo(out);
        } catch (IOException e) {
            throw new OutputException("cannot write output: " + e.getMessage(), e);
        }
        out.flush();
        if (out.checkError()) {
            throw new OutputException("cannot write output (is the reader gone?)", null);
        }
    }
}
