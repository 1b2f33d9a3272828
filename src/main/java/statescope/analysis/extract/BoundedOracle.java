package statescope.analysis.extract;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SplittableRandom;
import net.automatalib.automaton.transducer.MealyMachine;
import statescope.lang.Word;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.LengthWindow;
import statescope.lang.catalog.Sampling;
import statescope.lang.catalog.ReferenceMachine;
import statescope.lang.catalog.ReferenceMachine.Config;

/**
 * The equivalence oracle of this package, in three passes, short words first: every word of one length
 * L (so every prefix up to L, as outputs are per position), the largest L with at most
 * {@code exhaustiveWords} words; random walks of the reference machine that stay in the language's domain,
 * lengths L+1..{@code walkLength}; and words of the language drawn by its uniform sampling (a uniform
 * length, then a uniform word; the authors' generators draw long words too slowly) at growing lengths
 * (up to {@code samplerLengths}' last). Seeded, so a search is repeatable; its reach is always stated.
 * {@link SearchOracle} runs the counterexample search of the analysis package after it.
 *
 * @param exhaustiveWords largest number of words of the exhaustive pass (k^L)
 * @param walks           number of random walks
 * @param walkLength      longest walk
 * @param samplerLengths  the sampler's windows end at these lengths (each starts after half of it)
 * @param samplerWords    words per sampler window
 */
public final class BoundedOracle implements EquivalenceOracle {

    private final ReferenceMachine machine;
    private final Language language;
    private final int exhaustiveWords;
    private final int walks;
    private final int walkLength;
    private final int[] samplerLengths;
    private final int samplerWords;
    private final long seed;
    private boolean timedOut;

    public BoundedOracle(ReferenceMachine machine, Language language, int exhaustiveWords, int walks, int walkLength,
            int[] samplerLengths, int samplerWords, long seed) {
        this.machine = machine;
        this.language = language;
        this.exhaustiveWords = exhaustiveWords;
        this.walks = walks;
        this.walkLength = walkLength;
        this.samplerLengths = samplerLengths.clone();
        this.samplerWords = samplerWords;
        this.seed = seed;
    }

    private static final int BATCH = 512;
    private static final int MAX_EXHAUSTIVE_LENGTH = 24;

    /** The default search for a catalog language. */
    public static BoundedOracle of(Language language, long seed) {
        return new BoundedOracle(language.machine(), language, 1 << 14, 2000, 256,
                new int[] {32, 64, 128, 256, 512, 1024}, 64, seed);
    }

    /** A search without a sampler (a machine that is not a catalog language). */
    public static BoundedOracle of(ReferenceMachine machine, int exhaustiveWords, int walks, int walkLength, long seed) {
        return new BoundedOracle(machine, null, exhaustiveWords, walks, walkLength, new int[0], 0, seed);
    }

    /** L: the exhaustive pass covers every word of length ≤ L. */
    public int exhaustiveLength() {
        int k = machine.alphabet().size();
        if (k == 1) {
            return MAX_EXHAUSTIVE_LENGTH;
        }
        int len = 0;
        long count = 1;
        while (len < MAX_EXHAUSTIVE_LENGTH && count * k <= exhaustiveWords) {
            count *= k;
            len++;
        }
        return len;
    }

    @Override
    public String reach() {
        int l = exhaustiveLength();
        var sb = new StringBuilder(String.format(Locale.ROOT, "every word of length ≤ %d (%,d words of length %d); "
                + "%,d random walks of the reference, lengths %d-%d", l,
                (long) Math.pow(machine.alphabet().size(), l), l, walks, l + 1, Math.max(l + 1, walkLength)));
        if (language != null && samplerLengths.length > 0) {
            sb.append(String.format(Locale.ROOT, "; %d uniformly sampled words of the language per window ending at ", samplerWords));
            for (int i = 0; i < samplerLengths.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(samplerLengths[i]);
            }
        }
        return sb.append("; seed ").append(seed).toString();
    }

    @Override
    public boolean timedOut() {
        return timedOut;
    }

    @Override
    public Optional<Word> counterexample(MealyMachine<?, Integer, ?, Integer> hypothesis, OutputQueries target,
            long deadline) {
        timedOut = false;
        int exhaustiveBatches = (int) Math.ceil(Math.pow(machine.alphabet().size(), exhaustiveLength()) / BATCH);
        int seen = 0;
        Word best = null;
        for (List<Word> batch : batches()) {
            if (System.nanoTime() > deadline) {
                timedOut = true;
                return Optional.empty();
            }
            int[][] out;
            try {
                out = target.outputs(batch, () -> System.nanoTime() > deadline);   // asked between its batches too
            } catch (OutputQueries.Stopped e) {
                timedOut = true;
                return Optional.empty();
            }
            seen++;
            for (int i = 0; i < batch.size(); i++) {
                Word w = batch.get(i);
                var hyp = hypothesis.computeOutput(MealyQueries.fromWord(w));
                for (int t = 0; t < w.length(); t++) {
                    if (hyp.getSymbol(t) != out[i][t]) {
                        if (best == null || t + 1 < best.length()) {
                            best = w.prefix(t + 1);
                        }
                        break;
                    }
                }
            }
            if (best != null && seen >= exhaustiveBatches) {  // the exhaustive pass's best is the shortest there is
                return Optional.of(best);
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public Iterable<List<Word>> batches() {
        return () -> new Iterator<>() {
            private final SplittableRandom random = new SplittableRandom(seed);
            private final int k = machine.alphabet().size();
            private final int len = exhaustiveLength();
            private final long total = (long) Math.pow(k, len);
            private long next;                 // next exhaustive word's index
            private int walked;
            private int window;
            private List<Word> ready;

            @Override
            public boolean hasNext() {
                if (ready == null) {
                    ready = produce();
                }
                return !ready.isEmpty();
            }

            @Override
            public List<Word> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Word> out = ready;
                ready = null;
                return out;
            }

            private List<Word> produce() {
                var out = new ArrayList<Word>(BATCH);
                while (next < total && out.size() < BATCH && len > 0) {
                    int[] s = new int[len];
                    long v = next++;
                    for (int i = len - 1; i >= 0; i--) {
                        s[i] = (int) (v % k);
                        v /= k;
                    }
                    out.add(Word.of(machine.alphabet(), s));
                }
                while (out.isEmpty() && walked < walks) {
                    for (; walked < walks && out.size() < BATCH; walked++) {
                        out.add(walk(len + 1 + random.nextInt(Math.max(1, walkLength - len))));
                    }
                }
                while (out.isEmpty() && language != null && window < samplerLengths.length) {
                    int end = samplerLengths[window++];
                    var w = new LengthWindow(Math.max(1, end / 2 + 1), end);
                    Language from = language.withSampling(Sampling.UNIFORM);   // the authors' generators draw long words slowly
                    for (int i = 0; i < samplerWords; i++) {
                        try {
                            out.add(from.trainingSplit().sampler().sample(w, random));
                        } catch (RuntimeException e) {
                            break;                       // no word of the language in this window
                        }
                    }
                }
                return out;
            }

            private Word walk(int length) {
                int[] s = new int[length];
                Config c = machine.start();
                for (int t = 0; t < length; t++) {
                    var allowed = machine.allowedNext(c);
                    int a;
                    if (allowed.isEmpty()) {
                        a = random.nextInt(k);
                    } else {
                        int pick = random.nextInt(allowed.cardinality());
                        a = allowed.nextSetBit(0);
                        for (int j = 0; j < pick; j++) {
                            a = allowed.nextSetBit(a + 1);
                        }
                    }
                    s[t] = a;
                    c = machine.step(c, a);
                }
                return Word.of(machine.alphabet(), s);
            }
        };
    }
}
