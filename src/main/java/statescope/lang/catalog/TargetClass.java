package statescope.lang.catalog;

/**
 * One output class of the MSE-on-one-hot-classes protocol: a distinct per-position target pattern.
 *
 * @param id the class index (the position of its one-hot 1)
 * @param name a short label, e.g. {@code "{0,1}"}, {@code "e"} or {@code "T"}
 * @param bits the target bits as a string of {@code 0}/{@code 1}, one per target bit
 * @param meaning what the class says, e.g. {@code "next symbol may be 0 or 1"}
 */
public record TargetClass(int id, String name, String bits, String meaning) {

    public TargetClass {
        if (!bits.chars().allMatch(c -> c == '0' || c == '1')) {
            throw new IllegalArgumentException("target bits must be 0/1, got '" + bits + "'");
        }
    }
}
