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
 * the fast batched forward pass, streamed through {@link LaneScan} in segments of a bounded token budget
 * (a word of 10^5 symbols is never held as a whole trace). A row per length, with its time per part; a
 * failure names the word, the position, the target and the prediction.
 */
public final class ExactnessCheck {

    /** Largest number of words enumerated exhaustively. */
    public static final long EXHAUSTIVE_CAP = 1_000_000;

    /**
     * Where a row's time went: sampling words (and encoding them), the reference's targets, the model's
     * forward pass, and the per-position comparison.
     */
    public record Timing(long wallNanos, long sampleNanos, long referenceNanos, long modelNanos, long compareNanos) {
        /** No time measured. */
        public static final Timing NONE = new Timing(0, 0, 0, 0, 0);

        /** The sum of two timings. */
        public Timing plus(Timing t) {
            return new Timing(wallNanos + t.wallNanos, sampleNanos + t.sampleNanos, referenceNanos + t.referenceNanos,
                    modelNanos + t.modelNanos, compareNanos + t.compareNanos);
        }

        /** "12.3 s, 1.23M tokens/s (sample 3%, reference 5%, model 88%, compare 4%)". */
        public String describe(long tokens) {
            double s = wallNanos / 1e9;
            return String.format("%.1f s, %s tokens/s (sample %d%%, reference %d%%, model %d%%, compare %d%%)", s,
                    rate(tokens, wallNanos), pct(sampleNanos), pct(referenceNanos), pct(modelNanos), pct(compareNanos));
        }

        /** Tokens per second, e.g. "1.23M" or "845k". */
        public static String rate(long tokens, long nanos) {
            double r = nanos == 0 ? 0 : tokens / (nanos / 1e9);
            return r >= 1e6 ? String.format("%.2fM", r / 1e6) : String.format("%.0fk", r / 1e3);
        }

        private long pct(long part) {
            return wallNanos == 0 ? 0 : Math.round(100.0 * part / wallNanos);
        }
    }

    /**
     * One line of the table.
     *
     * @param what       {@code "1000 × 100-164"} or {@code "all 3^10"}
     * @param words      words checked
     * @param positions  positions scored
     * @param wrong      positions where the decoded prediction differs from the target
     * @param failure    the first wrong position, or an empty string
     * @param tokens     tokens run through the model
     * @param timing     where the row's time went
     */
    public record Row(String what, long words, long positions, long wrong, String failure, long tokens, Timing timing) {
        /** A row without timing. */
        public Row(String what, long words, long positions, long wrong, String failure) {
            this(what, words, positions, wrong, failure, positions, Timing.NONE);
        }

        public boolean exact() {
            return wrong == 0 && positions > 0;
        }
    }

    private final Constructed model;
    private final Reference ref;
    private final LaneScan scan;

    public ExactnessCheck(Constructed model) {
        this(model, LaneScan.MAX_SEGMENT, LaneScan.MAX_CELLS);
    }

    /** With a given longest segment per word and budget of rows · ED per forward call. */
    ExactnessCheck(Constructed model, int maxSegment, long maxCells) {
        this.model = model;
        this.ref = Reference.of(model);
        SsmWeights w = model.checkpoint().weights();
        this.scan = new LaneScan(model, ref, new FastForward(w), maxSegment, maxCells);
    }

    /**
     * {@code samples} words of length n..n+64 (exactly n for flip-flop), seeded; drawn one at a time as the
     * scan needs them, so only the words in flight are held.
     */
    public Row sampled(int n, int samples, long seed) {
        var r = new SplittableRandom(seed * 1_000_003L + n);
        boolean exact = model.languageId() != null && model.languageId().equals("flip-flop");
        String what = samples + " × " + (exact ? Integer.toString(n) : n + "-" + (n + Reference.SLACK));
        return scan.run(what, samples, n + Reference.SLACK, i -> ref.sample(n, r, i));
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

    /** Every word of length n (which covers every shorter prefix), in lexicographic order. */
    public Row exhaustive(int n) {
        int k = ref.alphabet.size();
        long total = (long) Math.pow(k, n);
        if (total > EXHAUSTIVE_CAP) {
            throw new IllegalArgumentException(k + "^" + n + " words exceed the cap of " + EXHAUSTIVE_CAP);
        }
        return scan.run("all " + k + "^" + n, (int) total, n, i -> {
            int[] digits = new int[n];
            int v = i;
            for (int j = n - 1; j >= 0; j--) {
                digits[j] = v % k;
                v /= k;
            }
            return Word.of(ref.alphabet, digits);
        });
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
