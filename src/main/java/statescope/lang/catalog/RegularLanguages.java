package statescope.lang.catalog;

import static statescope.lang.catalog.RegularSpec.MEMBERSHIP;
import static statescope.lang.catalog.RegularSpec.NEXT_SET;
import static statescope.lang.catalog.RegularSpec.window;
import static statescope.lang.catalog.Suite.BIN;
import static statescope.lang.catalog.Suite.TRAIN;
import static statescope.lang.catalog.TomitaLanguages.BITS;

import java.util.List;
import java.util.function.Function;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;
import statescope.lang.DfaBuilder;
import statescope.lang.Word;
import statescope.lang.catalog.TargetEncoding.Loss;

/**
 * The other regular languages of the suite (paper.md §3.1 rows 8-18) and counting mod k (not in the
 * paper's suite; parity is mod 2), as a table of {@link RegularSpec} rows. The families (unary
 * periods, D_n, mod k) are one row-maker each; what differs per member (windows, results) is passed in.
 */
final class RegularLanguages {

    private RegularLanguages() {
    }

    private static final String SF = " Star-free (aperiodic transition monoid): the paper predicts that a"
            + " finite-precision SSM with nonnegative gates models it at every length.";
    private static final String NSF = " Not star-free (its monoid contains a cyclic group): the paper shows"
            + " that no finite-precision SSM with nonnegative gates tracks it at every length.";
    private static final String ALL_100 = " The paper's Mamba scored 100% in both bins.";
    private static final String IN_L = " Targets: 1 bit per position, is the prefix in the language.";
    private static final String RESULT_100 = Suite.result("100/100", "100/100", "100/100");

    static List<Language> all() {
        return table().stream().map(RegularSpec::build).toList();
    }

    /** The rows in catalog order. */
    static List<RegularSpec> table() {
        return List.of(parity(),
                unaryPeriod(2, new String[] {"even", "odd"}, "4.2", Suite.result("2.1/0", "2.1/0", "4.2/0"), List.of(
                        window(2, 500, 250, 250), window(2, 496, BIN, 47, "all 248 words of the window"),
                        window(504, 594, BIN, 30, "all 46 words of the window"))),
                unaryPeriod(4, new String[] {"0", "1", "2", "3"}, "4.0", Suite.result("0/0", "0/0", "4.0/0"), List.of(
                        window(4, 496, 125, 125), window(4, 480, BIN, 25, "all 120 words of the window"),
                        window(504, 592, BIN, 16, "all 23 words of the window"))),
                ababStar(),
                dn(2, ALL_100, RESULT_100, List.of(window(2, 100, 5000, 5000),
                        window(8, 100, 1000, 1000, "the paper's D_2 bins hold 1000 strings"), window(102, 200, 1000, 1000))),
                dn(3, ALL_100, RESULT_100,
                        List.of(window(2, 100, TRAIN, 10000), window(8, 100, BIN, 698), window(82, 200, BIN, 2000))),
                dn(4, ALL_100, RESULT_100,
                        List.of(window(34, 100, TRAIN, 10000), window(42, 100, BIN, 2000), window(90, 200, BIN, 2000))),
                dn(12, " The paper's Mamba reached 99.99% in bin 1 and 99.85% in bin 2 (3 layers).",
                        Suite.result("93.65/93.35", "99.9/95.55", "99.99/99.85"),
                        List.of(window(48, 100, TRAIN, 10000), window(52, 100, BIN, 2000), window(116, 200, BIN, 2000))),
                blocksStar(), abDbc(), zot(), modK(3), modK(5));
    }

    /** States 0..k-1 counting the 1s mod k. */
    private static Dfa countOnes(int k, String... labels) {
        var db = new DfaBuilder(BITS).start(labels[0]).accept(labels[0]);
        for (int r = 0; r < k; r++) {
            db.on(labels[r], "0", labels[r]).on(labels[r], "1", labels[(r + 1) % k]);
        }
        return db.build();
    }

    private static RegularSpec parity() {
        return new RegularSpec("parity", "Parity", List.of("PARITY", "even ones"), "#1 even", Family.NON_STAR_FREE,
                countOnes(2, "even", "odd"), w -> Suite.count(w, BITS, "1") % 2 == 0,
                "Parity: binary strings with an even number of 1s (states even/odd)." + NSF + " This is the paper's"
                        + " PARITY theorem; a gate range of [-1, 1] (Grazzi et al.) removes the limit. The paper's"
                        + " Mamba reached 91.15% in bin 1 and 16.7% in bin 2 (3 layers)." + IN_L,
                Suite.result("26.95/0", "80.05/4.15", "91.15/16.7"), MEMBERSHIP,
                List.of(window(2, 50, TRAIN, 10000), window(3, 50, BIN, 2000), window(51, 100, BIN, 2000)));
    }

    private static RegularSpec modK(int k) {
        String[] labels = new String[k];
        for (int r = 0; r < k; r++) {
            labels[r] = r + " mod " + k;
        }
        String note = "parity's windows (not in the paper)";
        return new RegularSpec("mod-" + k, "Counting mod " + k, List.of("mod" + k, "mod " + k, "count mod " + k),
                "#1 ≡ 0 (mod " + k + ")", Family.NON_STAR_FREE, countOnes(k, labels),
                w -> Suite.count(w, BITS, "1") % k == 0,
                "Counting mod " + k + ": binary strings whose number of 1s is divisible by " + k + " (state r: r ones"
                        + " mod " + k + "). Not in the paper's suite; added as the general case of parity." + NSF
                        + " Beyond mod 2 even a gate range of [-1, 1] is not enough: diagonal gates need a rotation"
                        + " (complex or 2x2 blocks)." + IN_L + " Windows as parity.",
                "not in the paper's suite", MEMBERSHIP, List.of(window(2, 50, TRAIN, -1, note),
                        window(2, 50, BIN, -1, note), window(51, 100, BIN, -1, note)));
    }

    /** (aa)* or (aaaa)* over {a}; {@code bin1} is the paper's bin-1 score as printed in the description. */
    private static RegularSpec unaryPeriod(int p, String[] labels, String bin1, String paperResult,
                                           List<RegularSpec.Window> windows) {
        var db = new DfaBuilder(Alphabet.of("a")).start(labels[0]).accept(labels[0]);
        for (int r = 0; r < p; r++) {
            db.on(labels[r], "a", labels[(r + 1) % p]);
        }
        String star = "(" + "a".repeat(p) + ")*";
        return new RegularSpec("a".repeat(p) + "-star", star, List.of(star, "a".repeat(p) + "*"),
                star + ": lengths divisible by " + p, Family.NON_STAR_FREE, db.build(), Suite.regex(star),
                star + ": words of a's whose length is divisible by " + p + " (states: length mod " + p + ")." + NSF
                        + " The paper's Mamba failed even in distribution (" + bin1 + "% in bin 1, 0% in bin 2)." + IN_L,
                paperResult, MEMBERSHIP, windows);
    }

    private static RegularSpec ababStar() {
        Dfa dfa = new DfaBuilder(Alphabet.ofChars("ab")).start("ε").accept("ε").on("ε", "a", "a").on("a", "b", "ab")
                .on("ab", "a", "aba").on("aba", "b", "ε").build();
        return new RegularSpec("abab-star", "(abab)*", List.of("(abab)*", "abab*"), "(abab)*", Family.NON_STAR_FREE,
                dfa, Suite.regex("(abab)*"),
                "(abab)*: repetitions of abab (states: the part of abab read so far)." + NSF + " The word ab acts as a"
                        + " permutation of period 2 on the states. The paper's Mamba scored 0% in both bins." + IN_L,
                Suite.result("0/0", "0/0", "0/0"), MEMBERSHIP, List.of(window(4, 496, 125, 125),
                        window(28, 488, BIN, 24, "all 116 words of the window"),
                        window(508, 592, BIN, 15, "all 22 words of the window")));
    }

    /** D_n = (a D_{n-1} b)*, D_0 = ε: balanced a/b words of depth at most n; {@code observed} is the result sentence. */
    private static RegularSpec dn(int n, String observed, String paperResult, List<RegularSpec.Window> windows) {
        var db = new DfaBuilder(Alphabet.ofChars("ab")).start("0").accept("0");
        for (int d = 0; d <= n; d++) {
            if (d < n) {
                db.on(Integer.toString(d), "a", Integer.toString(d + 1));
            }
            if (d > 0) {
                db.on(Integer.toString(d), "b", Integer.toString(d - 1));
            }
        }
        return new RegularSpec("d-" + n, "D_" + n, List.of("D" + n, "D_" + n, "dyck depth " + n),
                "D_" + n + " = (a D_" + (n - 1) + " b)*, D_0 = ε", Family.STAR_FREE, db.build(), w -> depthBounded(w, n),
                "D_" + n + ": balanced words over a (open) and b (close) whose depth never exceeds " + n + " (states:"
                        + " the depth 0.." + n + ", and dead)." + SF + " A bounded counter realises it in one layer."
                        + observed + " Targets: 10 at depth 0, 01 at depth " + n + ", 11 in between (may the next"
                        + " symbol be a / b).",
                paperResult, NEXT_SET, windows);
    }

    static boolean depthBounded(Word w, int n) {
        int d = 0;
        for (int i = 0; i < w.length(); i++) {
            d += w.at(i) == 0 ? 1 : -1;
            if (d < 0 || d > n) {
                return false;
            }
        }
        return d == 0;
    }

    private static RegularSpec blocksStar() {
        Alphabet al = Alphabet.ofChars("abcde");
        var db = new DfaBuilder(al).start("start");
        String prev = "start";
        for (String x : al.symbols()) {
            if (!prev.equals("start")) {
                db.on(prev, x, x);
            }
            db.on(x, x, x);
            prev = x;
        }
        db.on("start", "a", "a").accept("e");
        String desc = "next-letter class per position: at a block letter x the next symbol is x or the following"
                + " letter (class named by that letter), at e it is e or the end (class T)";
        Function<ReferenceMachine, TargetEncoding> targets = m -> Encodings.nextSetWithEnd(m, Loss.MSE, desc, p -> {
            int last = p.lastIndexOf('1');
            return last == al.size() ? "T" : al.symbol(last);
        }, null);
        return new RegularSpec("abcde-plus", "aa*bb*cc*dd*ee*", List.of("aa*bb*cc*dd*ee*", "a+b+c+d+e+", "abcde"),
                "aa*bb*cc*dd*ee*", Family.STAR_FREE, db.build(), Suite.regex("a+b+c+d+e+"),
                "aa*bb*cc*dd*ee*: five non-empty blocks a..e in order (state: the block being read)." + SF + " On"
                        + " valid prefixes the next set depends only on the current symbol." + ALL_100 + " Targets:"
                        + " the repository's next-letter class (at x: x or its successor may follow; T = end after e).",
                RESULT_100, targets,
                List.of(window(49, 200, TRAIN, 10000), window(118, 200, BIN, 2000), window(131, 300, BIN, 2000)));
    }

    private static RegularSpec abDbc() {
        Dfa dfa = new DfaBuilder(Alphabet.ofChars("abcd")).start("before d").accept("after d")
                .on("before d", List.of("a", "b"), "before d").on("before d", "d", "after d")
                .on("after d", List.of("b", "c"), "after d").build();
        return new RegularSpec("ab-d-bc", "{a,b}*d{b,c}*", List.of("{a,b}*d{b,c}*", "abdbc", "ab*dbc*"),
                "{a,b}*d{b,c}*", Family.STAR_FREE, dfa, Suite.regex("[ab]*d[bc]*"),
                "{a,b}*d{b,c}*: exactly one d, with only a and b before it and only b and c after it." + SF + " One"
                        + " flag \"seen d\" suffices." + ALL_100 + " Targets: 4 bits per position, may the next symbol"
                        + " be a / b / c / d.",
                RESULT_100, NEXT_SET,
                List.of(window(2, 49, TRAIN, 10000), window(3, 49, BIN, 2000), window(2, 99, BIN, 2000)));
    }

    private static RegularSpec zot() {
        Dfa dfa = new DfaBuilder(Alphabet.ofChars("012")).start("other").accept("02*")
                .on("other", "0", "02*").on("other", List.of("1", "2"), "other")
                .on("02*", List.of("0", "2"), "02*").on("02*", "1", "other").build();
        var classes = List.of(new TargetClass(0, "c", "0", "continue: the string may not end here (the repository's rule)"),
                new TargetClass(1, "e", "1", "end allowed: a 2 after 02*"));
        Function<ReferenceMachine, TargetEncoding> targets = m -> {
            int two = m.alphabet().indexOf("2");
            TargetEncoding.TargetFunction f = (mm, before, sym, after) -> new boolean[] {sym == two && mm.accepting(after)};
            return Encodings.custom(m, Loss.CROSS_ENTROPY, "1 bit per position: e (may end) at a 2 that keeps the"
                    + " prefix in the language, c (continue) elsewhere, also at a 0 (the repository's encoding)",
                    List.of("may end (e)"), classes, f);
        };
        return new RegularSpec("012-star-02-star", "{0,1,2}*02*", List.of("{0,1,2}*02*", "zot", "01202"),
                "{0,1,2}*02*", Family.STAR_FREE, dfa, Suite.regex("[012]*02*"),
                "{0,1,2}*02*: ternary strings whose last symbol other than 2 is a 0 (state 02*: the last non-2 symbol"
                        + " was 0)." + SF + " The paper's Mamba scored 100% in both bins (cross-entropy loss). Targets"
                        + " follow the repository: class e where the symbol is a 2 and the prefix is in the language,"
                        + " class c (must continue) elsewhere, including at the 0 itself.",
                RESULT_100, targets,
                List.of(window(2, 49, TRAIN, 10000), window(2, 49, BIN, 2000), window(2, 99, BIN, 2000)));
    }
}
