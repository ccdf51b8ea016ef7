package dev.mapper.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The root command and its global options. Its subcommands are listed on {@link WithSubcommands}, and a run builds
 * only the one it invokes: picocli reflects over every option of every command it is given, which cost more start-up
 * time than answering {@code show T1528} did.
 */
@Command(
        name = "mapper",
        modelTransformer = OutputOptions.NarrowFormats.class,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Which security capabilities defend against, detect or relate to an ATT&CK technique - and the reverse.",
            "Data: the Center for Threat-Informed Defense's Mappings Explorer and MITRE ATT&CK (bundled: T1528)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  mapper show T1528",
            "  mapper data pull && mapper show T1078",
            "  mapper show T1528 --format json | jq '.mappings | length'",
            "  mapper capability aws_secrets_manager",
            "  mapper search access token",
            "  mapper list frameworks",
            "  mapper --data ~/mappings --data enterprise-attack.json show T1078",
            "  mapper --data ~/mappings diff nist_800_53@rev5@14.1 nist_800_53@rev5@16.1",
            "  mapper validate my-mappings.json --data enterprise-attack.json",
            "  mapper --data ~/mappings --data enterprise-attack.json coverage \\",
            "      --framework aws --fail-under 20",
            "  source <(mapper completion bash)"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":ok",
            ExitCodes.CHECK_FAILED + ":a check failed (validation, coverage gate, diff --exit-code)",
            ExitCodes.USAGE + ":usage: unknown option or command, malformed ID, bad value",
            ExitCodes.NOT_FOUND + ":not found: an ID or name the loaded data does not know",
            ExitCodes.AMBIGUOUS + ":ambiguous: a name that matches more than one thing",
            ExitCodes.BAD_DATA + ":bad data: a data file cannot be read",
            ExitCodes.OUTPUT_ERROR + ":output error: the output (or the data home) cannot be written",
            ExitCodes.NETWORK + ":network: a download failed (no network, timeout, HTTP error)",
            ExitCodes.MISSING_DATA + ":missing data: coverage without the ATT&CK release to measure against",
            ExitCodes.CANNOT_RUN + ":the launcher found no Java 17+ (or could not build mapper)",
            ExitCodes.INTERNAL_ERROR + ":internal error: a bug in mapper, please report it",
            ExitCodes.BROKEN_PIPE + ":the reader closed the pipe early (| head); nothing is said"
        })
public class MapperCommand implements Runnable {

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Show the stack trace of an error on stderr (warnings are always shown).")
    boolean verbose;

    @CommandLine.Mixin
    DataOptions data;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private Terminal terminal = Terminal.notATerminal();

    private InputStream stdin = System.in;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try: mapper show T1528)");
    }

    /** The whole command tree: what help, completion, the man pages and the completion script describe. */
    @Command(subcommands = {ShowCommand.class, CapabilityCommand.class, SearchCommand.class, ListCommand.class,
        ExportCommand.class, DiffCommand.class, ValidateCommand.class, CoverageCommand.class, MatrixCommand.class, GapCommand.class, CrosswalkCommand.class,
        DataCommand.class, CompletionCommand.class,
        CommandLine.HelpCommand.class})
    public static final class WithSubcommands extends MapperCommand {
    }

    static final List<Class<?>> SUBCOMMANDS = List.of(WithSubcommands.class.getAnnotation(Command.class).subcommands());

    /** Subcommands that describe the command tree itself, and so need all of it. */
    private static final List<Class<?>> NEED_WHOLE_TREE = List.of(CommandLine.HelpCommand.class, CompletionCommand.class);

    /** The command line for these arguments, writing to streams that are not a terminal. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err, Terminal.notATerminal(), args);
    }

    /**
     * The configured command line for these arguments (the given output streams, what they lead to, exit codes and
     * one-line errors): the root with only the subcommand the arguments invoke ({@link #subcommandsFor}); with every
     * subcommand as a {@link #listing} for the root's --help alone; none for the root's --version alone.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, Terminal terminal, String... args) {
        MapperCommand root = new MapperCommand();
        root.terminal = terminal;
        CommandLine cli = new CommandLine(root);
        List<Class<?>> subcommands = subcommandsFor(cli.getCommandSpec(), args);
        for (Class<?> subcommand : subcommands == null ? SUBCOMMANDS : subcommands) {
            cli.addSubcommand(subcommands == null ? listing(subcommand) : subcommand);
        }
        OutputOptions.narrowFormats(cli);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        ErrorHandler errors = new ErrorHandler();
        cli.setExitCodeExceptionMapper(errors);
        cli.setExecutionExceptionHandler(errors);
        cli.setExecutionStrategy(new ExecuteAndCheckOutput());
        cli.setParameterExceptionHandler(errors);
        return cli;
    }

    /**
     * Runs the command, then checks that what went to stdout was written, whoever wrote it (help, --version, a
     * report): a failure is handled like the command's own. A class, not a lambda, as {@link ErrorHandler} says.
     */
    private static final class ExecuteAndCheckOutput implements CommandLine.IExecutionStrategy {
        @Override
        public int execute(CommandLine.ParseResult parseResult) {
            int code = new CommandLine.RunLast().execute(parseResult);
            CommandLine cli = parseResult.commandSpec().commandLine();
            try {
                Stdout.check(cli.getOut());
            } catch (OutputException e) {
                throw new CommandLine.ExecutionException(cli, e.getMessage(), e);
            }
            return code;
        }
    }

    /**
     * The subcommand classes the arguments need: the one named by the first argument that is not a root option or
     * its value (every one when it is not a subcommand, or needs the whole tree); when the arguments are root options
     * only, null (listings) if they ask for the root's --help, none if for its --version; else every one (no command,
     * an argument before it that is not a root option, which picocli reports with suggestions from the whole tree, or
     * the root's --help or --version before a command).
     */
    private static List<Class<?>> subcommandsFor(CommandLine.Model.CommandSpec root, String... args) {
        boolean help = false;
        boolean version = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                if (help || version) {
                    return SUBCOMMANDS; // the root's --help or --version before a command, as picocli has always seen it
                }
                for (Class<?> subcommand : SUBCOMMANDS) {
                    if (subcommand.getAnnotation(Command.class).name().equals(arg)) {
                        return NEED_WHOLE_TREE.contains(subcommand) ? SUBCOMMANDS : List.of(subcommand);
                    }
                }
                return SUBCOMMANDS;
            }
            int equals = arg.indexOf('=');
            CommandLine.Model.OptionSpec option = root.findOption(equals < 0 ? arg : arg.substring(0, equals));
            if (option == null) {
                return SUBCOMMANDS;
            }
            help |= option.usageHelp();
            version |= option.versionHelp();
            if (equals < 0 && option.arity().min() > 0) {
                i++; // its value
            }
        }
        return help ? null : version ? List.of() : SUBCOMMANDS;
    }

    /**
     * A subcommand as the root's --help lists it: its name, header and description, from its annotation, without the
     * reflection over its options and mixins that building it takes (most of what --help cost, docs/performance.md).
     */
    private static CommandLine.Model.CommandSpec listing(Class<?> subcommand) {
        Command command = subcommand.getAnnotation(Command.class);
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create().name(command.name());
        spec.usageMessage().header(command.header()).description(command.description()).hidden(command.hidden());
        return spec;
    }

    boolean verbose() {
        return verbose;
    }

    DataOptions data() {
        return data;
    }

    Terminal terminal() {
        return terminal;
    }

    InputStream stdin() {
        return stdin;
    }

    /** Reads stdin from this stream rather than the process's. */
    MapperCommand readingFrom(InputStream in) {
        this.stdin = in;
        return this;
    }
}
