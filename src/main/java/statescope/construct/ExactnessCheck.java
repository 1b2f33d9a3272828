package statescope.construct;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import statescope.lang.Word;
import statescope.ssm.FastForward;
import statescope.ssm.SsmWeights;

/**
 * Checks that a constructed model is right at every scored position: on sampled words of given lengths
 * and on every word of one length (all |Σ|^n words, so every prefix of that length or shorter), with
 * the fast batched forward pass. A row per length; a failure names the word, the position, the target
 * and the prediction.
 */
public final class ExactnessCheck {

    /** Most rows · ED elements per forward call (keeps a call's buffers near 64 MB each). */
    private static final long MAX_CELLS = 1L << 24;
    /** Largest number of words enumerated exhaustively. */
    public static final long EXHAUSTIVE_CAP = 1_000_000;

    /**
     * One line of the table.
     *
     * @param what       {@code "1000 × 100-164"} or {@code "all 3^10"}
     * @param words      words checked
     * @param positions  positions scored
     * @param wrong      positions where the decoded prediction differs from the target
     * @param failure    the first wrong position, or an empty string
     */
    public record Row(String what, long words, long positions, long wrong, String failure) {
        public boolean exact() {
            return wrong == 0 && positions > 0;
        }
    }

    private final Constructed model;
    private final Reference ref;
    private final FastForward forward;

    public ExactnessCheck(Constructed model) {
        this.model = model;
        this.ref = Reference.of(model);
        SsmWeights w = model.checkpoint().weights();
        this.forward = new FastForward(w);
    }

    /** {@code samples} words of length n..n+64 (exactly n for flip-flop), seeded. */
    public Row sampled(int n, int samples, long seed) {
        var r = new SplittableRandom(seed * 1_000_003L + n);
        var words = new ArrayList<Word>(samples);
        for (int i = 0; i < samples; i++) {
            words.add(ref.sample(n, r, i));
        }
        String what = samples + " × " + (model.languageId() != null && model.languageId().equals("flip-flop")
                ? Integer.toString(n) : n + "-" + (n + Reference.SLACK));
        return score(what, words);
    }

    /** The largest n ≤ {@code maxLength} with |Σ|^n ≤ {@link #EXHAUSTIVE_CAP}. */
    public int exhaustiveLength(int maxLength) {
        return exhaustiveLength(maxLength, EXHAUSTIVE_CAP);
    }

    /** The largest n ≤ {@code maxLength} with |Σ|^n ≤ {@code cap}. */
    public int exhaustiveLength(int maxLength, long cap) {
        int k = ref.alphabet.size();
        int n = 0;
        long count = 1;
        while (n < maxLength && count * k <= cap) {
            count *= k;
            n++;
        }
        return n;
    }

    /** Every word of length n (which covers every shorter prefix). */
    public Row exhaustive(int n) {
        int k = ref.alphabet.size();
        long total = (long) Math.pow(k, n);
        if (total > EXHAUSTIVE_CAP) {
            throw new IllegalArgumentException(k + "^" + n + " words exceed the cap of " + EXHAUSTIVE_CAP);
        }
        var words = new ArrayList<Word>((int) total);
        int[] digits = new int[n];
        for (long i = 0; i < total; i++) {
            words.add(Word.of(ref.alphabet, digits.clone()));
            for (int j = n - 1; j >= 0; j--) {
                if (++digits[j] < k) {
                    break;
                }
                digits[j] = 0;
            }
        }
        return score("all " + k + "^" + n, words);
    }

    private Row score(String what, List<Word> words) {
        long positions = 0;
        long wrong = 0;
        String failure = "";
        int o = model.checkpoint().weights().config().outputSize();
        long ed = model.checkpoint().weights().config().dInner();
        int i = 0;
        while (i < words.size()) {
            int j = i;
            long rows = 0;
            while (j < words.size() && (j == i || (rows + words.get(j).length()) * ed <= MAX_CELLS)) {
                rows += words.get(j).length();
                j++;
            }
            int[][] tokens = new int[j - i][];
            for (int b = i; b < j; b++) {
                tokens[b - i] = ref.encode(words.get(b));
            }
            var res = forward.forward(tokens, FastForward.Options.LOGITS);
            for (int b = i; b < j; b++) {
                Word w = words.get(b);
                int[] target = ref.targets(w, model.readout());
                int row0 = (b - i) * res.maxLen();
                for (int t = 0; t < w.length(); t++) {
                    if (target[t] < 0) {
                        continue;
                    }
                    positions++;
                    int pred = decode(res.logits(), (row0 + t) * o, o);
                    if (pred != target[t]) {
                        if (wrong == 0) {
                            failure = describe(w, t, target[t], pred);
                        }
                        wrong++;
                    }
                }
            }
            i = j;
        }
        return new Row(what, words.size(), positions, wrong, failure);
    }

    private int decode(float[] logits, int off, int o) {
        if (model.readout() == Constructed.Readout.CLASSES) {
            int best = 0;
            for (int c = 1; c < o; c++) {
                best = logits[off + c] > logits[off + best] ? c : best;
            }
            return best;
        }
        int p = 0;
        for (int c = 0; c < o; c++) {
            p |= logits[off + c] > 0f ? 1 << c : 0;
        }
        return p;
    }

    private String describe(Word w, int t, int target, int pred) {
        String prefix = w.length() <= 40 ? w.toString() : "…" + w.prefix(t + 1).toString()
                .substring(Math.max(0, w.prefix(t + 1).toString().length() - 30));
        String how = model.readout() == Constructed.Readout.CLASSES
                ? "class " + target + ", predicted " + pred
                : "bits " + Integer.toBinaryString(target) + ", predicted " + Integer.toBinaryString(pred);
        return "word " + prefix + " (length " + w.length() + ") at position " + t + ": " + how;
    }

    /** The default table: the exhaustive row, then sampled lengths; each row reported as it completes. */
    public List<Row> run(List<Integer> lengths, int samples, int exhaustiveMax, long seed, Consumer<Row> progress) {
        return run(lengths, lengths.stream().map(n -> samples).toList(), exhaustiveMax, seed, progress);
    }

    /** As {@link #run(List, int, int, long, Consumer)} with a number of words per length. */
    public List<Row> run(List<Integer> lengths, List<Integer> samples, int exhaustiveMax, long seed,
                         Consumer<Row> progress) {
        var rows = new ArrayList<Row>();
        if (exhaustiveMax > 0) {
            Row r = exhaustive(exhaustiveLength(exhaustiveMax));
            rows.add(r);
            progress.accept(r);
        }
        for (int i = 0; i < lengths.size(); i++) {
            Row r = sampled(lengths.get(i), samples.get(i), seed);
            rows.add(r);
            progress.accept(r);
        }
        return rows;
    }
}
