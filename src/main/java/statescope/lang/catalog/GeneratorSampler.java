package statescope.lang.catalog;

import java.util.Arrays;
import java.util.SplittableRandom;
import statescope.lang.Alphabet;
import statescope.lang.Word;

/**
 * A sampler that runs a word generator until it yields an acceptable word: the shape of the authors'
 * {@code generate_list} loops (lacoco-lab/ssm_expressivity, {@code src/generators}). A draw is kept when
 * its length lies in the generator's own window (the {@code lower_window}/{@code upper_window} of the
 * authors' config for that split) and in the split's window (the lengths of the released data), and
 * when {@link #accept} says so; anything else is drawn again. De-duplication is the caller's
 * ({@link Language#sample}).
 */
abstract class GeneratorSampler implements WordSampler {

    /** Draws before giving up: far above what any split of the suite needs. */
    static final long MAX_ATTEMPTS = 20_000_000L;

    final Alphabet alphabet;
    final LengthWindow generator;

    GeneratorSampler(Alphabet alphabet, LengthWindow generator) {
        this.alphabet = alphabet;
        this.generator = generator;
    }

    /** The authors' generators repeat words often (D_n, Tomita 3's short words): 300 misses per word wanted. */
    @Override
    public long missBudget(int wanted) {
        return 300L * wanted + 2000;
    }

    /** One run of the generator: symbol indices, or null when the generator itself gives up on this draw. */
    abstract int[] attempt(SplittableRandom random);

    /** Whether a draw of the right length is kept (e.g. the authors' membership filter); true by default. */
    boolean accept(int[] word) {
        return true;
    }

    @Override
    public boolean reaches(LengthWindow window) {
        return generator.min() <= window.min() && window.max() <= generator.max();
    }

    @Override
    public Word sample(LengthWindow window, SplittableRandom random) {
        Word w = sampleWithin(window, random, MAX_ATTEMPTS);
        if (w == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " drew no word of a length in " + window
                    + " (generator window " + generator + ") in " + MAX_ATTEMPTS + " tries");
        }
        return w;
    }

    @Override
    public Word sampleWithin(LengthWindow window, SplittableRandom random, long maxDraws) {
        if (window.max() < generator.min() || window.min() > generator.max()) {
            throw new IllegalArgumentException("the authors' generator draws lengths " + generator + ", not " + window);
        }
        for (long i = 0; i < maxDraws; i++) {
            int[] w = attempt(random);
            if (w != null && generator.contains(w.length) && window.contains(w.length) && accept(w)) {
                return Word.of(alphabet, w);
            }
        }
        return null;
    }

    /** A growable int array for building words symbol by symbol. */
    static final class Ints {
        private int[] a = new int[64];
        private int n;

        int length() {
            return n;
        }

        int at(int i) {
            return a[i];
        }

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        /** Appends {@code v} {@code count} times. */
        void add(int v, int count) {
            for (int i = 0; i < count; i++) {
                add(v);
            }
        }

        void addAll(Ints other) {
            for (int i = 0; i < other.n; i++) {
                add(other.a[i]);
            }
        }

        /** Drops everything from position {@code length} on. */
        void truncate(int length) {
            n = length;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
