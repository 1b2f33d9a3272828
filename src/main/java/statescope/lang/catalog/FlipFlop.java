package statescope.lang.catalog;

import java.util.List;
import java.util.SplittableRandom;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;
import statescope.lang.DfaBuilder;
import statescope.lang.Word;
import statescope.lang.catalog.TargetEncoding.Loss;

/**
 * The flip-flop language FFL(p) of Liu et al. 2023 as the paper uses it (paper.md §2.1, §3.2).
 *
 * <p>A word is a sequence of (instruction, bit) pairs over {@code 0 1 r i w}: {@code w b} writes b,
 * {@code i b} ignores a random bit, {@code r b} reads, and b must be the last written bit. The first
 * instruction is a write and the last a read. In FFL(p) every other instruction is {@code i} with
 * probability p and {@code w} or {@code r} with (1-p)/2 each; the paper's strings have 256
 * instructions (512 tokens). The model's input hides each read bit behind {@code -} (vocabulary
 * {@code 0 1 - r i w}) and its target there is the bit; every other position has target {@code -}.
 */
public final class FlipFlop {

    /** The alphabet of FFL words: {@code 0 1 r i w}. */
    public static final Alphabet ALPHABET = Alphabet.ofChars("01riw");
    /** The model's vocabulary, in the order of the paper's input map: {@code 0 1 - r i w}. */
    public static final Alphabet VOCABULARY = Alphabet.ofChars("01-riw");
    /** Instructions per string in the paper's data. */
    public static final int INSTRUCTIONS = 256;

    private static final int ZERO = 0;
    private static final int R = 2;
    private static final int I = 3;
    private static final int W = 4;

    private FlipFlop() {
    }

    /** The minimal DFA of FFL; states name the remembered bit and what is expected next. */
    static Dfa dfa() {
        var db = new DfaBuilder(ALPHABET).start("start").on("start", "w", "w·");
        db.on("w·", "0", "mem 0").on("w·", "1", "mem 1");
        for (String m : new String[] {"0", "1"}) {
            for (String q : new String[] {"mem " + m, "mem " + m + " read"}) {
                db.on(q, "w", "w·").on(q, "i", "i· mem " + m).on(q, "r", "r· mem " + m);
            }
            db.on("i· mem " + m, List.of("0", "1"), "mem " + m);
            db.on("r· mem " + m, m, "mem " + m + " read");
        }
        return db.accept("mem 0 read", "mem 1 read").build();
    }

    /** Membership by the definition: pairs, a write first, a read last, every read returns the last write. */
    static boolean member(Word w) {
        int n = w.length();
        if (n < 4 || n % 2 != 0 || w.at(0) != W || w.at(n - 2) != R) {
            return false;
        }
        int memory = -1;
        for (int i = 0; i < n; i += 2) {
            int ins = w.at(i);
            int bit = w.at(i + 1);
            if (ins < R || bit > 1) {
                return false;
            }
            if (ins == W) {
                memory = bit;
            } else if (ins == R && bit != memory) {
                return false;
            }
        }
        return true;
    }

    /** The model's input: the word with each bit that follows an {@code r} replaced by {@code -}, {@code [T]}. */
    static int[] hideReads(Word w) {
        int[] out = new int[w.length()];
        for (int i = 0; i < w.length(); i++) {
            String s = ALPHABET.symbol(w.at(i));
            boolean hidden = i > 0 && w.at(i - 1) == R;
            out[i] = VOCABULARY.indexOf(hidden ? "-" : s);
        }
        return out;
    }

    /** A sampler of FFL(p) words with the given number of instructions. */
    public static WordSampler sampler(int instructions, double p) {
        if (instructions < 2 || p < 0 || p > 1) {
            throw new IllegalArgumentException("FFL needs at least 2 instructions and 0 <= p <= 1, got "
                    + instructions + ", " + p);
        }
        return (window, random) -> sample(instructions, p, random);
    }

    static Word sample(int instructions, double p, SplittableRandom random) {
        int[] w = new int[2 * instructions];
        int memory = 0;
        for (int k = 0; k < instructions; k++) {
            int ins;
            if (k == 0) {
                ins = W;
            } else if (k == instructions - 1) {
                ins = R;
            } else {
                double u = random.nextDouble();
                ins = u < p ? I : (u < p + (1 - p) / 2 ? W : R);
            }
            int bit = ins == R ? memory : random.nextInt(2);
            if (ins == W) {
                memory = bit;
            }
            w[2 * k] = ins;
            w[2 * k + 1] = ZERO + bit;
        }
        return Word.of(ALPHABET, w);
    }

    static Language language() {
        Dfa dfa = dfa();
        var b = Language.builder("flip-flop").name("Flip-flop FFL(p)")
                .aliases("ffl", "flipflop", "flip flop", "FFL(0.8)", "FFL(0.98)")
                .definition("(w b | i b | r b)* pairs, first w, last r, every read returns the last written bit")
                .alphabet(ALPHABET).input(VOCABULARY, FlipFlop::hideReads).family(Family.STAR_FREE).dfa(dfa)
                .membership(FlipFlop::member).metric(Metric.FLIP_FLOP_READS)
                .description("Flip-flop FFL(p) (Liu et al. 2023): (instruction, bit) pairs where w b writes b, i b"
                        + " ignores a random bit and r b reads, b being the last written bit; the first instruction"
                        + " writes and the last reads; every other one is i with probability p. The model reads each"
                        + " read bit hidden as - and must output it there (output classes 0, 1, -). Star-free: a"
                        + " two-level cascade of set/reset flip-flops, so the paper proves a two-layer SSM models it"
                        + " at every length with finite precision (one Mamba layer suffices thanks to its"
                        + " convolution). One Mamba layer reached 100% on FFL(0.8) and on the sparse FFL(0.98).")
                .paperResult("Mamba 1L 100 (FFL(0.8) val) / 100 (FFL(0.98) val-sparse), % sequences correct");
        int[] readState = new int[dfa.numStates()]; // state -> remembered bit after an r, else -1
        for (int q = 0; q < dfa.numStates(); q++) {
            String l = dfa.label(q);
            readState[q] = l.equals("r· mem 0") ? 0 : l.equals("r· mem 1") ? 1 : -1;
        }
        TargetEncoding.TargetFunction f = (m, before, sym, after) -> {
            int bit = before instanceof DfaMachine.State s ? readState[s.id()] : -1;
            return new boolean[] {bit == 0, bit == 1, bit < 0};
        };
        var classes = List.of(new TargetClass(0, "0", "100", "a read here: the remembered bit is 0"),
                new TargetClass(1, "1", "010", "a read here: the remembered bit is 1"),
                new TargetClass(2, "-", "001", "no read at this position"));
        int len = 2 * INSTRUCTIONS;
        return b.targets(Encodings.custom(b.machine(), Loss.MSE, "one-hot over {0, 1, -} per position: at the bit"
                        + " after an r (hidden in the input) the remembered bit, - elsewhere", List.of("read 0", "read 1",
                        "no read (-)"), classes, f))
                .split(new Split("train", LengthWindow.exactly(len), 1_600_000, 0, false, "1.6M FFL(0.8), 512 tokens",
                        "sampled on demand; no de-duplication", sampler(INSTRUCTIONS, 0.8)))
                .split(new Split("val", LengthWindow.exactly(len), 1000, 0, false,
                        "first 1000 of 16000 FFL(0.8)", "", sampler(INSTRUCTIONS, 0.8)))
                .split(new Split("val-sparse", LengthWindow.exactly(len), 1000, 0, false,
                        "first 1000 of 160000 FFL(0.98)", "", sampler(INSTRUCTIONS, 0.98)))
                .build();
    }
}
