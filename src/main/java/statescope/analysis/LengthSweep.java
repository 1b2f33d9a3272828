package statescope.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import statescope.lang.catalog.LengthWindow;
import statescope.ssm.SelectiveScanKernel;

/**
 * Strict per-string accuracy (as in the paper: a string is right when every position is) against length,
 * on a log grid from the training lengths to a maximum, each point with its 95% Wilson interval, and the
 * first length where the accuracy drops below 99%. Strings come from the language's sampler ({@link
 * Sources}; walks over the reference where it has none) and are scored in batches on the batched scan
 * of the given kernel ({@link Scorer}), never token by token.
 */
public final class LengthSweep {

    /** Below this accuracy a length counts as a drop. */
    public static final double THRESHOLD = 0.99;

    /**
     * @param maxLength    the longest length
     * @param strings      strings per point
     * @param perDecade    grid points per factor of 10 beyond the training lengths
     * @param stopAtZero   stop after two points in a row at 0%
     */
    public record Settings(int maxLength, int strings, int perDecade, boolean stopAtZero, long seed, int threads) {
        public Settings {
            if (maxLength < 1) {
                throw new IllegalArgumentException("--max must be at least 1, got " + maxLength);
            }
            if (strings < 1) {
                throw new IllegalArgumentException("--strings must be at least 1, got " + strings);
            }
            if (perDecade < 1) {
                throw new IllegalArgumentException("--per-decade must be at least 1, got " + perDecade);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
            }
        }

        /** The memory the strings of the longest point take while they are scored (4 bytes a symbol). */
        public long pointBytes() {
            return (long) strings * maxLength * Integer.BYTES;            // no string is longer than the maximum
        }
    }

    /** The strings of one point, and how many of them came from the language's sampler. */
    record Drawn(List<int[]> words, int sampled) {
    }

    /** How many strings are drawn between two looks at the control. */
    static final int DRAWS_PER_CHECK = 256;

    /**
     * Draws {@code n} strings of length {@code len..hi} (the sampler's, else walks); null when {@code control}
     * asks to stop while they are drawn, which it is asked every {@link #DRAWS_PER_CHECK} strings.
     */
    static Drawn draw(Sources sources, int len, int hi, int n, SplittableRandom random, Control control) {
        List<int[]> words = new ArrayList<>(Math.min(n, 1 << 16));
        int sampled = 0;
        for (int i = 0; i < n; i++) {
            if (i % DRAWS_PER_CHECK == DRAWS_PER_CHECK - 1 && control.shouldStop()) {
                return null;
            }
            int[] w = sources.sample(len, hi, random);
            if (w == null) {
                w = sources.walk(len + random.nextInt(hi - len + 1), random);
            } else {
                sampled++;
            }
            words.add(w);
        }
        return new Drawn(words, sampled);
    }

    /**
     * One grid point.
     *
     * @param length       the window's shortest length (the x of the plot)
     * @param windowMax    its longest length
     * @param strings      strings scored
     * @param correct      strictly right ones
     * @param low          95% interval, lower bound (as a fraction)
     * @param high         upper bound
     * @param meanLength   the strings' mean length
     * @param source       "sampler", "walk" or "sampler+walk"
     * @param firstFailure the first string the model got wrong, or null
     * @param failAt       its first wrong position (1-based), 0 when none
     */
    public record Point(int length, int windowMax, int strings, int correct, double low, double high, double meanLength,
                        String source, int[] firstFailure, int failAt) {

        public double accuracy() {
            return (double) correct / strings;
        }
    }

    /**
     * The sweep.
     *
     * @param language     the language's name, as people read it ({@code Tomita 3})
     * @param languageId   its id ({@code tomita-3}; {@code regex:…} or {@code file:…} for a user's language)
     * @param training     the training window (null for a user's language)
     * @param firstBelow   the first length whose accuracy is below 99%, or -1
     * @param tokens       symbols scored
     * @param seconds      wall time of the sweep
     * @param scanSeconds  time in forward passes
     * @param stopped      true when cancel or the time limit ended it early
     */
    public record Result(String model, String language, String languageId, String backend, LengthWindow training,
                         List<Point> points, int firstBelow, long tokens, double seconds, double scanSeconds, boolean stopped) {

        public double tokensPerSecond() {
            return seconds > 0 ? tokens / seconds : 0;
        }

        public double scanTokensPerSecond() {
            return scanSeconds > 0 ? tokens / scanSeconds : 0;
        }
    }

    private final Subject subject;
    private final SelectiveScanKernel kernel;
    private final Settings settings;

    public LengthSweep(Subject subject, SelectiveScanKernel kernel, Settings settings) {
        this.subject = subject;
        this.kernel = kernel;
        this.settings = settings;
    }

    /**
     * The grid: the training window's shortest length, {@code perDecade} points per factor of 10 inside
     * the window (so a model that breaks before its longest training length shows where), the window's
     * longest length, then {@code perDecade} points per factor of 10 up to {@code max} (the last point).
     */
    public static List<Integer> grid(LengthWindow training, int max, int perDecade) {
        var out = new TreeSet<Integer>();
        int start = training == null ? 1 : Math.max(1, training.min());
        int trainMax = training == null ? start : Math.max(start, training.max());
        double f = Math.pow(10, 1.0 / perDecade);
        out.add(Math.min(start, max));
        for (double x = start * f; x < Math.min(trainMax, max); x *= f) {
            out.add((int) Math.round(x));
        }
        out.add(Math.min(trainMax, max));
        for (double x = trainMax * f; x < max; x *= f) {
            out.add((int) Math.round(x));
        }
        out.add(max);
        return List.copyOf(out);
    }

    /** The window of a grid point: a few lengths, so languages with words of some lengths only have words in it. */
    static int windowMax(int length) {
        return length + Math.max(3, length / 20);
    }

    /**
     * The windows of the grid's points, {@code [shortest, longest]}, none reaching past {@code max}: a point
     * whose window would (the last one, {@code max} itself, always) has it moved down to end at {@code max},
     * as wide as it would have been, so that a language with words of some lengths only still has words in
     * it; a moved window that would start no later than the one before it is dropped, and that one reaches
     * {@code max} instead. The shortest lengths rise from window to window, and the last window ends at
     * {@code max}.
     */
    public static List<int[]> windows(LengthWindow training, int max, int perDecade) {
        var out = new ArrayList<int[]>();
        for (int len : grid(training, max, perDecade)) {
            int lo = len;
            int hi = windowMax(len);
            if (hi > max) {
                lo = Math.max(1, max - (hi - len));
                hi = max;
            }
            if (!out.isEmpty() && lo <= out.getLast()[0]) {
                out.getLast()[1] = hi;
                continue;
            }
            out.add(new int[] {lo, hi});
        }
        return out;
    }

    public Result run(Control control) {
        long t0 = System.nanoTime();
        List<int[]> windows = windows(subject.trainingWindow(), settings.maxLength(), settings.perDecade());
        double planned = 0;
        for (int[] w : windows) {
            planned += (double) w[0] * settings.strings();
        }
        var scorer = new Scorer(subject, kernel, settings.threads());
        var sources = new Sources(subject);
        var random = new SplittableRandom(settings.seed());
        List<Point> points = new ArrayList<>();
        int firstBelow = -1;
        int zeros = 0;
        boolean stopped = false;
        double done = 0;
        for (int[] window : windows) {
            int len = window[0];
            int hi = window[1];
            if (control.shouldStop()) {
                stopped = true;
                break;
            }
            control.report(done / planned, "lengths: " + settings.strings() + " strings of " + len + " symbols");
            Drawn drawn = draw(sources, len, hi, settings.strings(), random, control);
            if (drawn == null) {
                stopped = true;
                break;
            }
            List<int[]> words = drawn.words();
            int sampled = drawn.sampled();
            List<Scorer.Score> scores;
            try {
                scores = scorer.score(words, control::shouldStop);
            } catch (CancellationException e) {
                stopped = true;
                break;
            }
            int correct = 0;
            int[] firstFail = null;
            int failAt = 0;
            double mean = 0;
            for (int i = 0; i < words.size(); i++) {
                mean += (double) words.get(i).length / words.size();
                if (scores.get(i).failed()) {
                    if (firstFail == null) {
                        firstFail = words.get(i);
                        failAt = scores.get(i).failAt();
                    }
                } else {
                    correct++;
                }
            }
            String source = sampled == words.size() ? "sampler" : sampled == 0 ? "walk" : "sampler+walk";
            Wilson ci = Wilson.of(correct, words.size());
            var p = new Point(len, hi, words.size(), correct, ci.low(), ci.high(), mean, source, firstFail, failAt);
            points.add(p);
            if (firstBelow < 0 && p.accuracy() < THRESHOLD) {
                firstBelow = len;
            }
            done += (double) len * settings.strings();
            zeros = correct == 0 ? zeros + 1 : 0;
            if (settings.stopAtZero() && zeros >= 2) {
                break;
            }
        }
        control.report(1, "lengths: done");
        return new Result(subject.modelName(), subject.entry().name(), subject.entry().id(), kernel.name(),
                subject.trainingWindow(),
                List.copyOf(points), firstBelow, scorer.tokens(), (System.nanoTime() - t0) / 1e9, scorer.forwardSeconds(),
                stopped);
    }
}
