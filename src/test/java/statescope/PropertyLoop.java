package statescope;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * A seeded property loop for plain JUnit 5 tests: {@code trials} random examples, each drawn from its
 * own seed, checked one after the other. Sizes grow from small to large over the first half of the
 * trials and stay at the largest for the second half, so that the first failure tends to be a small
 * one. There is no shrinking; instead, on a failure the generator is tried again with other seeds at
 * every size from the smallest up to the failing one, and the report shows the smallest failing
 * example found (smallest size first, then the shortest description), beside the first failure with
 * its trial index and seeds.
 * <p>
 * Runs are deterministic: the base seed is fixed (default {@value #DEFAULT_SEED}); run with
 * {@code -Dstatescope.seed=N} to draw other examples in every loop that keeps the default, for example
 * {@code ./mvnw -o test -Dtest=MinimizerTest -Dstatescope.seed=7}. The report's seed of an example
 * redraws it alone: {@code generator.next(new SplittableRandom(seed), size)}.
 * <pre>
 * PropertyLoop.forAll((random, size) -> randomDfa(random, size)).trials(300).sizes(1, 8)
 *         .describedBy(Generators::describe).check(d -> assertTrue(...));
 * </pre>
 *
 * @param <T> the type of the examples
 */
public final class PropertyLoop<T> {

    /** Draws one example of at most the given size; all randomness comes from {@code random}. */
    @FunctionalInterface
    public interface Generator<T> {
        T next(RandomGenerator random, int size);
    }

    /** The property; it fails by throwing (an assertion error or any other exception). */
    @FunctionalInterface
    public interface Property<T> {
        void check(T example) throws Exception;
    }

    public static final long DEFAULT_SEED = 20_241_206L;
    /** At most this many extra examples are tried when looking for a smaller failure. */
    static final int SEARCH_BUDGET = 2_000;
    static final long SEARCH_MILLIS = 20_000;

    private final Generator<T> generator;
    private int trials = 100;
    private int minSize = 1;
    private int maxSize = 1;
    private long seed = Long.getLong("statescope.seed", DEFAULT_SEED);
    private Function<? super T, String> describe = String::valueOf;

    private PropertyLoop(Generator<T> generator) {
        this.generator = generator;
    }

    public static <T> PropertyLoop<T> forAll(Generator<T> generator) {
        return new PropertyLoop<>(generator);
    }

    public PropertyLoop<T> trials(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("trials must be positive, not " + n);
        }
        trials = n;
        return this;
    }

    /** The size passed to the generator runs from {@code min} to {@code max} (both inclusive). */
    public PropertyLoop<T> sizes(int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("sizes " + min + ".." + max);
        }
        minSize = min;
        maxSize = max;
        return this;
    }

    /** A fixed base seed of this loop's own; {@code -Dstatescope.seed} does not change it. */
    public PropertyLoop<T> seed(long base) {
        seed = base;
        return this;
    }

    /** How an example is shown in a failure report; its length also ranks failures of equal size. */
    public PropertyLoop<T> describedBy(Function<? super T, String> describer) {
        describe = describer;
        return this;
    }

    /** Size of trial {@code i}: a ramp over the first half of the trials, then the largest size. */
    int sizeOf(int i) {
        int ramp = Math.max(1, (trials + 1) / 2);
        return Math.min(maxSize, minSize + (int) ((long) (maxSize - minSize + 1) * i / ramp));
    }

    long trialSeed(int i) {
        return mix(seed + (i + 1) * 0x9E37_79B9_7F4A_7C15L);
    }

    /** Runs the trials; throws an {@link AssertionError} with the report at the first failure. */
    public void check(Property<T> property) {
        for (int i = 0; i < trials; i++) {
            int size = sizeOf(i);
            long s = trialSeed(i);
            T example = draw(s, size);
            Throwable failure = failureOf(property, example);
            if (failure != null) {
                Failure<T> first = new Failure<>(example, describe(example), size, s, failure);
                throw report(i, first, smallest(property, first));
            }
        }
    }

    private record Failure<T>(T example, String text, int size, long seed, Throwable error) {
        boolean smallerThan(Failure<?> o) {
            return size != o.size ? size < o.size : text.length() < o.text.length();
        }
    }

    private record Search<T>(Failure<T> best, int tried) {
    }

    /** Other seeds at each size from the smallest up to the failing one; stops at the first size that fails. */
    private Search<T> smallest(Property<T> property, Failure<T> first) {
        int sizes = first.size() - minSize + 1;
        int perSize = Math.max(20, SEARCH_BUDGET / sizes);
        long deadline = System.currentTimeMillis() + SEARCH_MILLIS;
        Failure<T> best = first;
        int tried = 0;
        for (int size = minSize; size <= first.size() && System.currentTimeMillis() < deadline; size++) {
            for (int j = 0; j < perSize && System.currentTimeMillis() < deadline; j++) {
                long s = mix(first.seed() ^ ((long) size << 40) ^ (j + 1) * 0xC2B2_AE3D_27D4_EB4FL);
                T example = draw(s, size);
                tried++;
                Throwable failure = failureOf(property, example);
                if (failure != null) {
                    var f = new Failure<>(example, describe(example), size, s, failure);
                    if (f.smallerThan(best)) {
                        best = f;
                    }
                }
            }
            if (best.size() <= size) {
                break;
            }
        }
        return new Search<>(best, tried);
    }

    private AssertionError report(int trial, Failure<T> first, Search<T> search) {
        Failure<T> min = search.best();
        var sb = new StringBuilder();
        sb.append("property failed on trial ").append(trial).append(" of ").append(trials)
                .append(" (base seed ").append(seed).append(", trial seed ").append(hex(first.seed()))
                .append(", size ").append(first.size()).append(")\n");
        sb.append("  example: ").append(first.text()).append('\n');
        sb.append("  failure: ").append(firstLine(first.error())).append('\n');
        if (min == first) {
            sb.append("no smaller failing example among ").append(search.tried()).append(" others tried at sizes ")
                    .append(minSize).append("..").append(first.size());
        } else {
            sb.append("smallest failing example found (size ").append(min.size()).append(", seed ")
                    .append(hex(min.seed())).append(", among ").append(search.tried())
                    .append(" others tried from size ").append(minSize).append("):\n");
            sb.append("  example: ").append(min.text()).append('\n');
            sb.append("  failure: ").append(firstLine(min.error()));
        }
        var e = new AssertionError(sb.toString(), min.error());
        if (min != first) {
            e.addSuppressed(first.error());
        }
        return e;
    }

    private T draw(long s, int size) {
        try {
            return generator.next(new SplittableRandom(s), size);
        } catch (RuntimeException e) {
            throw new AssertionError("the generator failed at seed " + hex(s) + ", size " + size, e);
        }
    }

    private String describe(T example) {
        try {
            return describe.apply(example);
        } catch (RuntimeException e) {
            return String.valueOf(example) + " (describing it failed: " + e + ")";
        }
    }

    private static <T> Throwable failureOf(Property<T> property, T example) {
        try {
            property.check(example);
            return null;
        } catch (Exception | AssertionError | StackOverflowError e) {
            return e;
        }
    }

    private static String firstLine(Throwable t) {
        String s = t.toString();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " ...";
    }

    private static String hex(long s) {
        return String.format("0x%016x", s);
    }

    /** SplitMix64's finaliser: spreads neighbouring seeds over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
