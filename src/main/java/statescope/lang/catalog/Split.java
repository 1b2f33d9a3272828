package statescope.lang.catalog;

/**
 * One data split of a language: the training window or an evaluation bin (paper.md §3.1-§3.3).
 *
 * @param name {@code train}, {@code bin1}, {@code bin2}, {@code bin3}; flip-flop {@code val},
 *     {@code val-sparse}; bounded Dyck {@code dev}, {@code test}
 * @param window the lengths of its words
 * @param count how many words the protocol asks for (the catalog generates at most as many distinct
 *     words as the window holds)
 * @param tokens a size in tokens instead of words (bounded Dyck's protocol), 0 when the size is {@code count}
 * @param distinct whether the words of the split are distinct (the suite de-duplicates; flip-flop and
 *     bounded Dyck draw independently)
 * @param paperData what the paper's released data hold for this split, e.g. {@code "1627 (1-100)"}
 * @param note how this split differs from the paper's data, or an empty string
 * @param sampler draws one word of the split
 */
public record Split(String name, LengthWindow window, int count, long tokens, boolean distinct, String paperData,
        String note, WordSampler sampler) {

    public Split {
        if (count < 0 || tokens < 0) {
            throw new IllegalArgumentException("split " + name + " has a negative size");
        }
    }

    /** A de-duplicated split of {@code count} words. */
    static Split of(String name, int min, int max, int count, String paperData, String note, WordSampler sampler) {
        return new Split(name, new LengthWindow(min, max), count, 0, true, paperData, note, sampler);
    }

    /** This split with another sampler. */
    Split withSampler(WordSampler other) {
        return new Split(name, window, count, tokens, distinct, paperData, note, other);
    }

    /** This split with or without de-duplication. */
    Split withDistinct(boolean d) {
        return new Split(name, window, count, tokens, d, paperData, note, sampler);
    }

    /** True for the training split. */
    public boolean isTraining() {
        return name.equals("train");
    }

    @Override
    public String toString() {
        return name + " " + window + " x" + (tokens > 0 ? tokens + " tokens" : Integer.toString(count));
    }
}
