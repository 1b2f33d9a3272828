package statescope.lang.catalog;

/**
 * The three families of the benchmark suite (paper.md §3.1, §4): what the theory predicts for a
 * selective SSM whose gates are nonnegative and whose precision is finite.
 */
public enum Family {
    /** Star-free regular: predictively modelled at every length (aperiodic transition monoid). */
    STAR_FREE("star-free regular", "SF"),
    /** Regular but not star-free (periodic monoid): needs modular counting, which nonnegative gates cannot do. */
    NON_STAR_FREE("non-star-free regular", "non-SF"),
    /** Not regular: needs an unbounded counter or stack, so precision must grow with the length. */
    COUNTER("counter (non-regular)", "counter");

    private final String displayName;
    private final String shortName;

    Family(String displayName, String shortName) {
        this.displayName = displayName;
        this.shortName = shortName;
    }

    /** A readable name, e.g. {@code "star-free regular"}. */
    public String displayName() {
        return displayName;
    }

    /** A short tag for tables, e.g. {@code "SF"}. */
    public String shortName() {
        return shortName;
    }

    /** True for the two regular families. */
    public boolean isRegular() {
        return this != COUNTER;
    }
}
