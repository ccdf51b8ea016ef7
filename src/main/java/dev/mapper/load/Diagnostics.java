package dev.mapper.load;

/**
 * Where a reader reports what is wrong with a file, by how much it matters. Loading stops at the first problem
 * that leaves data mapper cannot use and ignores the rest; {@code validate} records everything and reads on.
 */
interface Diagnostics {

    /** Loading: unusable data stops with a {@link DataFileException}; schema slips and warnings are tolerated. */
    static Diagnostics loading(String file) {
        return new Diagnostics() {
            @Override
            public void unusable(int line, int column, String message) {
                throw new DataFileException(file, line, column, message);
            }

            @Override
            public void schema(int line, int column, String message) {
                // Tolerated: the data is usable, and published files must load even when they stray.
            }

            @Override
            public void warning(String rule, int line, int column, String message) {
                // Only validate reports warnings.
            }
        };
    }

    /** Data mapper cannot use as it stands (a wrong type, a conflicting repeat); when this returns, read on. */
    void unusable(int line, int column, String message);

    /** Against the published unified schema, yet usable (a missing date, an unknown enum value, an extra field). */
    void schema(int line, int column, String message);

    /** Valid but suspect. */
    void warning(String rule, int line, int column, String message);

    /** Where each value stood, for checks made after reading; null when nobody asks. */
    default Positions positions() {
        return null;
    }
}
