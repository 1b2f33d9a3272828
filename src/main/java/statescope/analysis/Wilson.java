package statescope.analysis;

/**
 * The Wilson score interval of a proportion (Wilson 1927): unlike p ± 1.96·√(p(1−p)/n) it stays inside
 * [0, 1] and is not empty at 0 or n successes, which is where a length sweep lives.
 *
 * @param low  lower bound
 * @param high upper bound
 */
public record Wilson(double low, double high) {

    /** z for a 95% interval. */
    public static final double Z95 = 1.959963984540054;

    /** The 95% interval of {@code successes} out of {@code n} (n ≥ 1). */
    public static Wilson of(long successes, long n) {
        if (n < 1 || successes < 0 || successes > n) {
            throw new IllegalArgumentException(successes + " successes out of " + n);
        }
        double z2 = Z95 * Z95;
        double p = (double) successes / n;
        double denom = 1 + z2 / n;
        double center = (p + z2 / (2.0 * n)) / denom;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        return new Wilson(Math.max(0, center - half), Math.min(1, center + half));
    }
}
