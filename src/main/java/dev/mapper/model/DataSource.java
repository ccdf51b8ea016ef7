package dev.mapper.model;

/** Where loaded data came from: a user's file, or the data bundled with mapper. */
public record DataSource(String location, boolean bundled) {

    /** The label of everything bundled. */
    public static final String BUNDLED = "bundled";

    public static DataSource bundled(String resource) {
        return new DataSource(resource, true);
    }

    public static DataSource file(String path) {
        return new DataSource(path, false);
    }

    /** "bundled" or the path, as shown to users. */
    public String label() {
        return bundled ? BUNDLED : location;
    }

    /** "bundled" or the file's name without its directories: what a heading shows. */
    public String shortLabel() {
        if (bundled) {
            return BUNDLED;
        }
        int slash = Math.max(location.lastIndexOf('/'), location.lastIndexOf('\\'));
        return location.substring(slash + 1);
    }

    @Override
    public String toString() {
        return bundled ? "bundled:" + location : location;
    }
}
