package dev.mapper.load;

/**
 * A data file that cannot be read as what it claims to be. The message is the one line users see:
 * {@code file:line:column: what was expected}.
 */
public class DataFileException extends RuntimeException {

    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    public DataFileException(String file, int line, int column, String problem, Throwable cause) {
        super(format(file, line, column, problem), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public DataFileException(String file, int line, int column, String problem) {
        this(file, line, column, problem, null);
    }

    /** A problem with the file as a whole (unreadable, not JSON, unknown format): no position. */
    public DataFileException(String file, String problem, Throwable cause) {
        this(file, 0, 0, problem, cause);
    }

    private static String format(String file, int line, int column, String problem) {
        if (line <= 0) {
            return file + ": " + problem;
        }
        return file + ":" + line + ":" + Math.max(column, 1) + ": " + problem;
    }

    public String file() {
        return file;
    }

    /** 1-based line, or 0 when the problem has no position. */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without the position prefix. */
    public String problem() {
        return problem;
    }
}
