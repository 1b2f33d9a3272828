package statescope.lang.catalog;

import java.util.SplittableRandom;
import statescope.lang.Word;

/**
 * Draws one word whose length lies in a window, from a seeded random source. Samplers only return
 * words the protocol allows for the split (words of the language unless the split says otherwise).
 */
public interface WordSampler {

    /** One word with a length in {@code window}; {@code random} is the only source of randomness. */
    Word sample(LengthWindow window, SplittableRandom random);

    /**
     * Like {@link #sample}, but gives up after {@code maxDraws} runs of a generator that draws until a
     * word fits (returns null then), so a caller under a time limit is not held for millions of draws.
     * A word it returns is the one {@link #sample} returns from the same random state. Samplers that
     * do not draw again return {@link #sample}'s word.
     */
    default Word sampleWithin(LengthWindow window, SplittableRandom random, long maxDraws) {
        return sample(window, random);
    }

    /**
     * How many distinct words the sampler can produce in a window ({@code Double.POSITIVE_INFINITY}
     * when not counted or astronomically many); used to shrink a split where the language is small.
     */
    default double available(LengthWindow window) {
        return Double.POSITIVE_INFINITY;
    }

    /**
     * How many draws that bring no new word (duplicates, excluded words) {@link Language#sample} accepts
     * before it returns fewer than {@code wanted} words: 20 per word wanted by default; the authors'
     * generators, which repeat themselves more, get more.
     */
    default long missBudget(int wanted) {
        return 20L * wanted + 2000;
    }

    /**
     * Whether every length of {@code window} is one this sampler draws (true by default; the authors'
     * generators stop at their own windows, {@link Language#anyLengthSampler()}).
     */
    default boolean reaches(LengthWindow window) {
        return true;
    }
}
