package dev.mapper.render;

/** A findings format (github, sarif) asked to render a result that has no findings. */
public final class FindingsOnlyException extends IllegalArgumentException {

    FindingsOnlyException(String format) {
        super("--format " + format + " is for the findings of 'validate'; use table or json here");
    }
}
