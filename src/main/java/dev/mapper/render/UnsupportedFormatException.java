package dev.mapper.render;

/** A format made for one kind of result (github and sarif for findings, html for the matrix) asked for another. */
public final class UnsupportedFormatException extends IllegalArgumentException {

    UnsupportedFormatException(String format, String madeFor) {
        super("--format " + format + " is for " + madeFor + "; use table or json here");
    }
}
