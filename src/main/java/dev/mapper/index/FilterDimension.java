package dev.mapper.index;

/** The dimensions a {@link MappingFilter} restricts, each with values known from the loaded data. */
public enum FilterDimension {
    FRAMEWORK("--framework"),
    MAPPING_TYPE("--mapping-type"),
    CATEGORY("--category"),
    TACTIC("--tactic"),
    PLATFORM("--platform"),
    DOMAIN("--domain");

    private final String option;

    FilterDimension(String option) {
        this.option = option;
    }

    /** The command-line option that sets this dimension. */
    public String option() {
        return option;
    }
}
