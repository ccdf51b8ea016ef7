package dev.mapper.cli;

import dev.mapper.index.AmbiguousNameException;
import dev.mapper.index.MissingDataException;
import dev.mapper.index.UnknownIdException;
import dev.mapper.index.UnknownVersionException;
import dev.mapper.load.DataFileException;
import dev.mapper.pull.PullException;
import dev.mapper.render.UnsupportedFormatException;
import dev.mapper.render.Text;
import java.util.List;
import picocli.CommandLine;

/**
 * Turns failures into one line on stderr and a documented exit code; the stack trace only with {@code --verbose}.
 * A class rather than lambdas: a lambda implementing one of picocli's (Java 5) interfaces keeps that interface, and
 * every class implementing it, out of the launcher's class-data archive (docs/performance.md).
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler,
        CommandLine.IExitCodeExceptionMapper {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        if (exitCode(e) != ExitCodes.BROKEN_PIPE || isVerbose(cli)) {
            report(cli, message(e), e);
        }
        return exitCode(e);
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        report(cli, e.getMessage(), e);
        cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
        return ExitCodes.USAGE;
    }

    @Override
    public int getExitCode(Throwable e) {
        return exitCode(e);
    }

    static int exitCode(Throwable e) {
        if (e instanceof CommandLine.ParameterException || e instanceof UnsupportedFormatException
                || e instanceof UnknownVersionException) {
            return ExitCodes.USAGE;
        }
        if (e instanceof CheckFailedException) {
            return ExitCodes.CHECK_FAILED;
        }
        if (e instanceof UnknownIdException) {
            return ExitCodes.NOT_FOUND;
        }
        if (e instanceof AmbiguousNameException) {
            return ExitCodes.AMBIGUOUS;
        }
        if (e instanceof DataFileException) {
            return ExitCodes.BAD_DATA;
        }
        if (e instanceof OutputException output) {
            return output.brokenPipe() ? ExitCodes.BROKEN_PIPE : ExitCodes.OUTPUT_ERROR;
        }
        if (e instanceof PullException pull) {
            return switch (pull.kind()) {
                case USAGE -> ExitCodes.USAGE;
                case NOT_FOUND -> ExitCodes.NOT_FOUND;
                case NETWORK -> ExitCodes.NETWORK;
                case BAD_DATA -> ExitCodes.BAD_DATA;
                case DATA_HOME -> ExitCodes.OUTPUT_ERROR;
            };
        }
        if (e instanceof MissingDataException) {
            return ExitCodes.MISSING_DATA;
        }
        return ExitCodes.INTERNAL_ERROR;
    }

    private static String message(Exception e) {
        if (exitCode(e) == ExitCodes.INTERNAL_ERROR) {
            return "internal error: " + e + " (please report this; --verbose shows the details)";
        }
        return e.getMessage();
    }

    /** Says what went wrong as a run that stops would, for a run that goes on (show with several IDs). */
    static void report(CommandLine cli, Exception e) {
        report(cli, message(e), e);
    }

    /** Messages quote file names and data (a field name, a token): neutralised like any text from data. */
    private static void report(CommandLine cli, String message, Exception e) {
        // An ambiguity lists its candidates, one per line (each neutralised on its own); any other message is one line.
        List<String> lines = e instanceof AmbiguousNameException ambiguous ? ambiguous.lines() : List.of(message);
        cli.getErr().println("mapper: " + Text.line(lines.get(0)));
        lines.stream().skip(1).forEach(line -> cli.getErr().println("  " + Text.line(line)));
        if (isVerbose(cli)) {
            e.printStackTrace(cli.getErr());
        }
        cli.getErr().flush();
    }

    private static boolean isVerbose(CommandLine cli) {
        return cli.getCommandSpec().root().userObject() instanceof MapperCommand m && m.verbose();
    }
}
