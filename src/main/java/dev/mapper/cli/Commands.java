package dev.mapper.cli;

import dev.mapper.index.MappingIndex;
import dev.mapper.load.DataLoader;
import dev.mapper.load.DataRequest;
import dev.mapper.model.LoadedData;
import dev.mapper.model.Technique;
import dev.mapper.render.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** What every subcommand does around its query: load the index, write the result. */
final class Commands {

    @FunctionalInterface
    interface Output {
        void writeTo(Writer out) throws IOException;
    }

    private Commands() {
    }

    /**
     * What a report is about, option by option as given (the filters, --capability, --have, the adversaries, the
     * set versions), for its header and JSON {@code selection}: matrix and coverage take it from here alike.
     */
    static Map<String, List<String>> selection(FilterOptions filters, Collection<String> capabilities,
                                              HaveOptions have, AdversarySelection adversaries, SetOptions sets) {
        Map<String, List<String>> selection = new LinkedHashMap<>();
        filters.describeTo(selection);
        if (!capabilities.isEmpty()) {
            selection.put("capability", List.copyOf(capabilities));
        }
        have.describeTo(selection);
        adversaries.describeTo(selection);
        sets.describeTo(selection);
        return selection;
    }

    /** Loads and indexes the data the options ask for. */
    static MappingIndex index(CommandLine.Model.CommandSpec spec) {
        return new MappingIndex(load(spec));
    }

    /** The index of the bundled data alone: what completion offers by default. */
    static MappingIndex bundledIndex() {
        return new MappingIndex(DataLoader.load(DataRequest.bundledOnly()));
    }

    /**
     * The technique IDs given on the command line, trimmed and upper-cased (IDs are case-insensitive), after
     * checking each is spelled like one; a malformed one is a usage error.
     */
    static List<String> techniqueIds(CommandLine.Model.CommandSpec spec, Collection<String> ids) {
        List<String> checked = new ArrayList<>();
        for (String id : ids) {
            String normalised = Technique.normaliseId(id);
            if (!Technique.isWellFormedId(normalised)) {
                throw new CommandLine.ParameterException(spec.commandLine(), notATechniqueId(id));
            }
            checked.add(normalised);
        }
        return checked;
    }

    private static String notATechniqueId(String id) {
        return "'" + id + "' is not a technique ID (expected T followed by 4 digits, e.g. T1528 or T1078.004)";
    }

    /** What the process reads as stdin ({@code show -}). */
    static InputStream stdin(CommandLine.Model.CommandSpec spec) {
        return ((MapperCommand) spec.root().userObject()).stdin();
    }

    /** Loads the data the options ask for; what loading skipped is said on stderr, never dropped silently. */
    static LoadedData load(CommandLine.Model.CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        LoadedData loaded = DataLoader.load(dataOptions(spec).request());
        for (String warning : loaded.warnings()) {
            err.println("mapper: warning: " + Text.line(warning));
        }
        err.flush();
        return loaded;
    }

    /** The global data options, wherever on the command line they were given. */
    static DataOptions dataOptions(CommandLine.Model.CommandSpec spec) {
        return ((MapperCommand) spec.root().userObject()).data();
    }

    /** Where stdout leads, and the environment. */
    static Terminal terminal(CommandLine.Model.CommandSpec spec) {
        return ((MapperCommand) spec.root().userObject()).terminal();
    }

    /** Writes to the target; a failed write (closed pipe, full disk, bad path) becomes an {@link OutputException}. */
    static void write(CommandLine.Model.CommandSpec spec, OutputTarget target, Output output) {
        if (target.toFile()) {
            OutputFile.write(target.file, output);
            return;
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            output.writeTo(out);
        } catch (IOException e) {
            throw new OutputException("cannot write to stdout: " + e.getMessage(), e);
        }
        Stdout.check(out);
    }
}
