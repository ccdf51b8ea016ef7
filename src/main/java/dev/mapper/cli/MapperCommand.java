package dev.mapper.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: global options and the list of subcommands. */
@Command(
        name = "mapper",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Which security capabilities defend against, detect or relate to an ATT&CK technique - and the reverse.",
            "Data: the Center for Threat-Informed Defense's Mappings Explorer and MITRE ATT&CK (bundled: T1528)."
        },
        subcommands = {ShowCommand.class, CapabilityCommand.class, SearchCommand.class, ListCommand.class,
            ExportCommand.class, DiffCommand.class, ValidateCommand.class, CoverageCommand.class, CompletionCommand.class,
            CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  mapper show T1528",
            "  mapper show T1528 --format json | jq '.mappings | length'",
            "  mapper capability aws_secrets_manager",
            "  mapper search access token",
            "  mapper list frameworks",
            "  mapper --data ~/mappings --data enterprise-attack.json show T1078",
            "  mapper --data ~/mappings diff nist_800_53@rev5@14.1 nist_800_53@rev5@16.1",
            "  mapper validate my-mappings.json --data enterprise-attack.json",
            "  mapper --data ~/mappings --data enterprise-attack.json coverage --framework aws --fail-under 20",
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
            ExitCodes.OUTPUT_ERROR + ":output error: the output cannot be written",
            ExitCodes.CANNOT_RUN + ":the launcher found no Java 17+ (or could not build mapper)",
            ExitCodes.INTERNAL_ERROR + ":internal error: a bug in mapper, please report it"
        })
public final class MapperCommand implements Runnable {

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Show the stack trace of an error on stderr (warnings are always shown).")
    boolean verbose;

    @CommandLine.Mixin
    DataOptions data;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try: mapper show T1528)");
    }

    /** The configured command line: the given output streams, exit codes and one-line errors. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new MapperCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(ErrorHandler::exitCode);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler(new ErrorHandler());
        return cli;
    }

    boolean verbose() {
        return verbose;
    }

    DataOptions data() {
        return data;
    }
}
