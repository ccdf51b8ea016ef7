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

    @Override
    public String toString() {
        return bundled ? "bundled:" + location : location;
    }
}
