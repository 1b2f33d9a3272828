package statescope.lang.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;

/**
 * Samplers that draw words the way the paper's generators do (lacoco-lab/ssm_expressivity,
 * {@code src/generators/*.py} with the windows of {@code configs/dataset/*.yaml}; read for this, our own
 * code), so that the words of every split have the within-window distribution of the released data
 * ({@link Sampling#AUTHORS}). Each sampler gets the generator's own length window for its split; the
 * split's window (the lengths of the released files) is applied on top. docs/reproduction.md compares
 * the statistics of these samplers with the authors' files, and {@code WordProfile} measures both.
 *
 * <p>This class holds the regular languages; the D_n builder is {@link DnSampler}, the grammars of
 * Dyck-1, Shuffle-k and Boolean-n are in {@link GrammarSamplers}.
 */
final class AuthorsSamplers {

    private AuthorsSamplers() {
    }

    /**
     * The authors' sampler of each split of a regular language of the suite (training split first), or
     * null where their generator draws like {@link Samplers#uniform} already: Tomita 1 and 2 (a uniform
     * length, one word per length), (aa)*, (aaaa)*, (abab)* (a uniform number of repetitions), mod k.
     */
    static List<WordSampler> regular(String id, Dfa dfa) {
        Alphabet al = dfa.alphabet();
        LengthWindow short100 = new LengthWindow(1, 100);
        LengthWindow long150 = new LengthWindow(101, 150);
        return switch (id) {
            case "tomita-3" -> three(new Tomita3Runs(dfa, short100), new Tomita3Runs(dfa, long150));
            case "tomita-4" -> three(new NoTripleZero(al, short100), new NoTripleZero(al, long150));
            case "tomita-5", "tomita-6" -> three(new Geometric(dfa, short100), new Geometric(dfa, long150));
            case "tomita-7" -> three(new FourBlocks(al, short100), new FourBlocks(al, long150));
            case "parity" -> three(new Parity(al, new LengthWindow(2, 50)), new Parity(al, new LengthWindow(51, 100)));
            case "d-2", "d-3", "d-4", "d-12" -> DnSampler.splits(al, Integer.parseInt(id.substring(2)));
            case "abcde-plus" -> three(new AscendingBlocks(al, new LengthWindow(5, 200)),
                    new AscendingBlocks(al, new LengthWindow(5, 300)));
            case "ab-d-bc" -> three(new PreMandatoryPost(al, "ab", "d", "bc", new LengthWindow(2, 50)),
                    new PreMandatoryPost(al, "ab", "d", "bc", new LengthWindow(2, 100)));
            case "012-star-02-star" -> three(new PreMandatoryPost(al, "012", "0", "2", new LengthWindow(2, 50)),
                    new PreMandatoryPost(al, "012", "0", "2", new LengthWindow(2, 100)));
            default -> null;
        };
    }

    /**
     * Whether the authors' training file of a language repeats words (their Tomita configs draw the
     * training words with {@code leak: True}, without de-duplication; parity's check misses a padded
     * repeat): Tomita 3 holds 6,577 distinct words in its 10,000, parity 8,546. Our authors' sampling
     * draws those training splits with repeats too, which keeps their weight on the short words.
     */
    static boolean repeatsTrainingWords(String id) {
        return id.matches("tomita-[3-7]") || id.equals("parity");
    }

    /** Training and bin 1 from one generator (the authors draw them as one corpus or alike), bin 2 from another. */
    private static List<WordSampler> three(WordSampler trainAndBin1, WordSampler bin2) {
        return List.of(trainAndBin1, trainAndBin1, bin2);
    }

    /** A sampler that keeps only words its DFA accepts (the authors' {@code belongs_to_lang} filter). */
    private abstract static class Filtered extends GeneratorSampler {
        private final Dfa dfa;

        Filtered(Dfa dfa, LengthWindow generator) {
            super(dfa.alphabet(), generator);
            this.dfa = dfa;
        }

        @Override
        boolean accept(int[] word) {
            int q = dfa.startState();
            for (int s : word) {
                q = dfa.next(q, s);
            }
            return dfa.isAccepting(q);
        }
    }

    /**
     * Tomita 3: a uniform length, then runs: a fair coin picks the symbol, a uniform count up to the
     * room left its run length; after an odd run of 1s a run of 0s has an even length. Few, long runs.
     */
    static final class Tomita3Runs extends Filtered {
        Tomita3Runs(Dfa dfa, LengthWindow generator) {
            super(dfa, generator);
        }

        @Override
        int[] attempt(SplittableRandom r) {
            int length = generator.min() + r.nextInt(generator.size());
            var s = new Ints();
            int last = -1;         // the last symbol that got a non-empty run, -1 before any
            int lastOnes = 0;      // the length of the current (last) run of 1s
            while (s.length() != length) {
                int toss = r.nextInt(2);
                int room = length - s.length();
                int count;
                if (toss == 1) {
                    count = r.nextInt(room + 1);
                    lastOnes = last == 0 && count != 0 ? count : lastOnes + count;
                } else {
                    count = last == -1 || lastOnes % 2 == 0 ? r.nextInt(room + 1) : 2 * r.nextInt(room / 2 + 1);
                }
                s.add(toss, count);
                if (count != 0) {
                    last = toss;
                }
            }
            return s.toArray();
        }
    }

    /** Tomita 4: a uniform length, then fair coin flips, a 0 re-tossed after 00. */
    static final class NoTripleZero extends GeneratorSampler {
        NoTripleZero(Alphabet al, LengthWindow generator) {
            super(al, generator);
        }

        @Override
        int[] attempt(SplittableRandom r) {
            int length = generator.min() + r.nextInt(generator.size());
            var s = new Ints();
            while (s.length() < length) {
                int toss = r.nextInt(2);
                int n = s.length();
                if (toss == 0 && n >= 2 && s.at(n - 1) == 0 && s.at(n - 2) == 0) {
                    continue;
                }
                s.add(toss);
            }
            return s.toArray();
        }
    }

    /**
     * Tomita 5 and 6: 0 or 1 with probability p each, the end with 1 − 2p, p = L / (2(1 + L)) for the
     * window's midpoint L (a mean length near L), cut at the window's top; words outside the language
     * are drawn again.
     */
    static final class Geometric extends Filtered {
        private final double p;

        Geometric(Dfa dfa, LengthWindow generator) {
            super(dfa, generator);
            this.p = coin(generator);
        }

        @Override
        int[] attempt(SplittableRandom r) {
            return bits(r, p, generator.max());
        }
    }

    /** The p of {@link #bits} for a window: L / (2(1 + L)) for its midpoint L, a mean length near L. */
    static double coin(LengthWindow generator) {
        int mid = (generator.min() + generator.max()) / 2;
        return mid / (2.0 * (1 + mid));
    }

    /** Coin flips 0 / 1 with probability p each until the end (1 − 2p) or {@code max} symbols. */
    static int[] bits(SplittableRandom r, double p, int max) {
        var s = new GeneratorSampler.Ints();
        while (s.length() < max) {
            double u = r.nextDouble();
            if (u >= 2 * p) {
                break;
            }
            s.add(u < p ? 0 : 1);
        }
        return s.toArray();
    }

    /** Parity: the coin flips of {@link Geometric}, then a 1 appended when the count of 1s is odd. */
    static final class Parity extends GeneratorSampler {
        private final double p;

        Parity(Alphabet al, LengthWindow generator) {
            super(al, generator);
            this.p = coin(generator);
        }

        @Override
        int[] attempt(SplittableRandom r) {
            int[] raw = bits(r, p, generator.max());
            if (!generator.contains(raw.length)) {
                return null; // the authors check the length before the padding 1
            }
            int ones = 0;
            for (int b : raw) {
                ones += b;
            }
            if (ones % 2 == 0) {
                return raw;
            }
            int[] padded = Arrays.copyOf(raw, raw.length + 1);
            padded[raw.length] = 1;
            return padded;
        }
    }

    /** Tomita 7: four blocks 0, 1, 0, 1, each a uniform share of what the window's top length leaves. */
    static final class FourBlocks extends GeneratorSampler {
        FourBlocks(Alphabet al, LengthWindow generator) {
            super(al, generator);
        }

        @Override
        int[] attempt(SplittableRandom r) {
            int length = generator.max();
            var s = new Ints();
            for (int block = 0; block < 4 && s.length() < length; block++) {
                s.add(block % 2, r.nextInt(length - s.length() + 1));
            }
            return s.toArray();
        }
    }

    /**
     * aa*bb*cc*dd*ee*: letter i gets min/5 + c_i symbols, c_1 uniform in 1..R and each next c_i uniform
     * in 1..(what is left of R), R = the window's size; most words end close to the window's top.
     */
    static final class AscendingBlocks extends GeneratorSampler {
        AscendingBlocks(Alphabet al, LengthWindow generator) {
            super(al, generator);
        }

        @Override
        int[] attempt(SplittableRandom r) {
            int left = generator.size();
            int base = generator.min() / alphabet.size();
            var s = new Ints();
            for (int letter = 0; letter < alphabet.size(); letter++) {
                int count = left > 0 ? 1 + r.nextInt(left) : 0;
                s.add(letter, base + count);
                left -= count;
            }
            return s.toArray();
        }
    }

    /**
     * {@code {a,b}*d{b,c}*} and {@code {0,1,2}*02*}: a uniform number (0..max−2) of uniform symbols before
     * the mandatory one, then a uniform number of the allowed symbols after it, the total below the top.
     */
    static final class PreMandatoryPost extends GeneratorSampler {
        private final int[] pre;
        private final int mandatory;
        private final int[] post;

        PreMandatoryPost(Alphabet al, String pre, String mandatory, String post, LengthWindow generator) {
            super(al, generator);
            this.pre = pre.chars().map(c -> al.indexOf(Character.toString(c))).toArray();
            this.mandatory = al.indexOf(mandatory);
            this.post = post.chars().map(c -> al.indexOf(Character.toString(c))).toArray();
        }

        @Override
        int[] attempt(SplittableRandom r) {
            int max = generator.max();
            var s = new Ints();
            int before = r.nextInt(max - 1);
            for (int i = 0; i < before; i++) {
                s.add(pre[r.nextInt(pre.length)]);
            }
            s.add(mandatory);
            int after = r.nextInt(max - before - 1);
            for (int i = 0; i < after; i++) {
                s.add(post[r.nextInt(post.length)]);
            }
            return s.toArray();
        }
    }
}
