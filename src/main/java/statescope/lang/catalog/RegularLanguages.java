package statescope.lang.catalog;

import java.util.ArrayList;
import java.util.List;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;
import statescope.lang.DfaBuilder;
import statescope.lang.Word;
import statescope.lang.catalog.TargetEncoding.Loss;

/**
 * The other regular languages of the suite (paper.md §3.1 rows 8-18) and counting mod k (not in the
 * paper's suite; parity is mod 2).
 */
final class RegularLanguages {

    private RegularLanguages() {
    }

    private static final String SF = " Star-free (aperiodic transition monoid): the paper predicts that a"
            + " finite-precision SSM with nonnegative gates models it at every length.";
    private static final String NSF = " Not star-free (its monoid contains a cyclic group): the paper shows"
            + " that no finite-precision SSM with nonnegative gates tracks it at every length.";

    static List<Language> all() {
        var out = new ArrayList<Language>();
        out.add(parity());
        out.add(unaryPeriod(2));
        out.add(unaryPeriod(4));
        out.add(ababStar());
        for (int n : new int[] {2, 3, 4, 12}) {
            out.add(dn(n));
        }
        out.add(blocksStar());
        out.add(abDbc());
        out.add(zot());
        out.add(modK(3));
        out.add(modK(5));
        return out;
    }

    /** States 0..k-1 counting the 1s mod k. */
    private static Dfa countOnes(int k, String... labels) {
        var db = new DfaBuilder(TomitaLanguages.BITS).start(labels[0]).accept(labels[0]);
        for (int r = 0; r < k; r++) {
            db.on(labels[r], "0", labels[r]).on(labels[r], "1", labels[(r + 1) % k]);
        }
        return db.build();
    }

    static Language parity() {
        Dfa dfa = countOnes(2, "even", "odd");
        var b = Language.builder("parity").name("Parity").aliases("PARITY", "even ones").definition("#1 even")
                .alphabet(TomitaLanguages.BITS).family(Family.NON_STAR_FREE).dfa(dfa)
                .membership(w -> Suite.count(w, TomitaLanguages.BITS, "1") % 2 == 0)
                .description("Parity: binary strings with an even number of 1s (states even/odd)." + NSF
                        + " This is the paper's PARITY theorem; a gate range of [-1, 1] (Grazzi et al.) removes the"
                        + " limit. The paper's Mamba reached 91.15% in bin 1 and 16.7% in bin 2 (3 layers)."
                        + " Targets: 1 bit per position, is the prefix in the language.")
                .paperResult(Suite.result("26.95/0", "80.05/4.15", "91.15/16.7"));
        var s = Samplers.uniform(dfa);
        return b.targets(Encodings.membership(b.machine(), Loss.MSE))
                .split(Split.of("train", 2, 50, Suite.TRAIN, "10000 (2-50)", "", s))
                .split(Split.of("bin1", 3, 50, Suite.BIN, "2000 (3-50)", "", s))
                .split(Split.of("bin2", 51, 100, Suite.BIN, "2000 (51-100)", "", s))
                .build();
    }

    static Language modK(int k) {
        String[] labels = new String[k];
        for (int r = 0; r < k; r++) {
            labels[r] = r + " mod " + k;
        }
        Dfa dfa = countOnes(k, labels);
        var b = Language.builder("mod-" + k).name("Counting mod " + k).aliases("mod" + k, "mod " + k, "count mod " + k)
                .definition("#1 ≡ 0 (mod " + k + ")").alphabet(TomitaLanguages.BITS).family(Family.NON_STAR_FREE)
                .dfa(dfa).membership(w -> Suite.count(w, TomitaLanguages.BITS, "1") % k == 0)
                .description("Counting mod " + k + ": binary strings whose number of 1s is divisible by " + k
                        + " (state r: r ones mod " + k + "). Not in the paper's suite; added as the general case of"
                        + " parity." + NSF + " Beyond mod 2 even a gate range of [-1, 1] is not enough: diagonal"
                        + " gates need a rotation (complex or 2x2 blocks). Targets: 1 bit per position, is the prefix"
                        + " in the language. Windows as parity.")
                .paperResult("not in the paper's suite");
        var s = Samplers.uniform(dfa);
        return b.targets(Encodings.membership(b.machine(), Loss.MSE))
                .split(Split.of("train", 2, 50, Suite.TRAIN, "-", "parity's windows (not in the paper)", s))
                .split(Split.of("bin1", 2, 50, Suite.BIN, "-", "parity's windows (not in the paper)", s))
                .split(Split.of("bin2", 51, 100, Suite.BIN, "-", "parity's windows (not in the paper)", s))
                .build();
    }

    /** (aa)* or (aaaa)* over {a}. */
    static Language unaryPeriod(int p) {
        Alphabet a = Alphabet.of("a");
        String[] labels = p == 2 ? new String[] {"even", "odd"} : new String[] {"0", "1", "2", "3"};
        var db = new DfaBuilder(a).start(labels[0]).accept(labels[0]);
        for (int r = 0; r < p; r++) {
            db.on(labels[r], "a", labels[(r + 1) % p]);
        }
        Dfa dfa = db.build();
        String block = "a".repeat(p);
        String id = block + "-star";
        var b = Language.builder(id).name("(" + block + ")*").aliases("(" + block + ")*", block + "*")
                .definition("(" + block + ")*: lengths divisible by " + p).alphabet(a).family(Family.NON_STAR_FREE)
                .dfa(dfa).membership(Suite.regex("(" + block + ")*"))
                .description("(" + block + ")*: words of a's whose length is divisible by " + p + " (states: length mod "
                        + p + ")." + NSF + " The paper's Mamba failed even in distribution ("
                        + (p == 2 ? "4.2" : "4.0") + "% in bin 1, 0% in bin 2). Targets: 1 bit per position, is the"
                        + " prefix in the language.")
                .paperResult(p == 2 ? Suite.result("2.1/0", "2.1/0", "4.2/0") : Suite.result("0/0", "0/0", "4.0/0"));
        var s = Samplers.uniform(dfa);
        if (p == 2) {
            return b.targets(Encodings.membership(b.machine(), Loss.MSE))
                    .split(Split.of("train", 2, 500, 250, "250 (2-500)", "", s))
                    .split(Split.of("bin1", 2, 496, Suite.BIN, "47 (2-496)", "all 248 words of the window", s))
                    .split(Split.of("bin2", 504, 594, Suite.BIN, "30 (504-594)", "all 46 words of the window", s))
                    .build();
        }
        return b.targets(Encodings.membership(b.machine(), Loss.MSE))
                .split(Split.of("train", 4, 496, 125, "125 (4-496)", "", s))
                .split(Split.of("bin1", 4, 480, Suite.BIN, "25 (4-480)", "all 120 words of the window", s))
                .split(Split.of("bin2", 504, 592, Suite.BIN, "16 (504-592)", "all 23 words of the window", s))
                .build();
    }

    static Language ababStar() {
        Alphabet ab = Alphabet.ofChars("ab");
        Dfa dfa = new DfaBuilder(ab).start("ε").accept("ε").on("ε", "a", "a").on("a", "b", "ab")
                .on("ab", "a", "aba").on("aba", "b", "ε").build();
        var b = Language.builder("abab-star").name("(abab)*").aliases("(abab)*", "abab*").definition("(abab)*")
                .alphabet(ab).family(Family.NON_STAR_FREE).dfa(dfa).membership(Suite.regex("(abab)*"))
                .description("(abab)*: repetitions of abab (states: the part of abab read so far)." + NSF
                        + " The word ab acts as a permutation of period 2 on the states. The paper's Mamba scored 0%"
                        + " in both bins. Targets: 1 bit per position, is the prefix in the language.")
                .paperResult(Suite.result("0/0", "0/0", "0/0"));
        var s = Samplers.uniform(dfa);
        return b.targets(Encodings.membership(b.machine(), Loss.MSE))
                .split(Split.of("train", 4, 496, 125, "125 (4-496)", "", s))
                .split(Split.of("bin1", 28, 488, Suite.BIN, "24 (28-488)", "all 116 words of the window", s))
                .split(Split.of("bin2", 508, 592, Suite.BIN, "15 (508-592)", "all 22 words of the window", s))
                .build();
    }

    /** D_n = (a D_{n-1} b)*, D_0 = ε: balanced a/b words of depth at most n. */
    static Language dn(int n) {
        Alphabet ab = Alphabet.ofChars("ab");
        var db = new DfaBuilder(ab).start("0").accept("0");
        for (int d = 0; d <= n; d++) {
            if (d < n) {
                db.on(Integer.toString(d), "a", Integer.toString(d + 1));
            }
            if (d > 0) {
                db.on(Integer.toString(d), "b", Integer.toString(d - 1));
            }
        }
        Dfa dfa = db.build();
        var b = Language.builder("d-" + n).name("D_" + n).aliases("D" + n, "D_" + n, "dyck depth " + n)
                .definition("D_" + n + " = (a D_" + (n - 1) + " b)*, D_0 = ε").alphabet(ab).family(Family.STAR_FREE)
                .dfa(dfa).membership(w -> depthBounded(w, n))
                .description("D_" + n + ": balanced words over a (open) and b (close) whose depth never exceeds " + n
                        + " (states: the depth 0.." + n + ", and dead)." + SF + " A bounded counter realises it in one"
                        + " layer. " + (n == 12 ? "The paper's Mamba reached 99.99% in bin 1 and 99.85% in bin 2 (3 layers)."
                                : "The paper's Mamba scored 100% in both bins.")
                        + " Targets: 10 at depth 0, 01 at depth " + n + ", 11 in between (may the next symbol be a / b).")
                .paperResult(n == 12 ? Suite.result("93.65/93.35", "99.9/95.55", "99.99/99.85")
                        : Suite.result("100/100", "100/100", "100/100"));
        var s = Samplers.uniform(dfa);
        b.targets(Encodings.nextSet(b.machine(), Loss.MSE));
        switch (n) {
            case 2 -> b.split(Split.of("train", 2, 100, 5000, "5000 (2-100)", "", s))
                    .split(Split.of("bin1", 8, 100, 1000, "1000 (8-100)", "the paper's D_2 bins hold 1000 strings", s))
                    .split(Split.of("bin2", 102, 200, 1000, "1000 (102-200)", "", s));
            case 3 -> b.split(Split.of("train", 2, 100, Suite.TRAIN, "10000 (2-100)", "", s))
                    .split(Split.of("bin1", 8, 100, Suite.BIN, "698 (8-100)", "", s))
                    .split(Split.of("bin2", 82, 200, Suite.BIN, "2000 (82-200)", "", s));
            case 4 -> b.split(Split.of("train", 34, 100, Suite.TRAIN, "10000 (34-100)", "", s))
                    .split(Split.of("bin1", 42, 100, Suite.BIN, "2000 (42-100)", "", s))
                    .split(Split.of("bin2", 90, 200, Suite.BIN, "2000 (90-200)", "", s));
            default -> b.split(Split.of("train", 48, 100, Suite.TRAIN, "10000 (48-100)", "", s))
                    .split(Split.of("bin1", 52, 100, Suite.BIN, "2000 (52-100)", "", s))
                    .split(Split.of("bin2", 116, 200, Suite.BIN, "2000 (116-200)", "", s));
        }
        return b.build();
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

    static Language blocksStar() {
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
        Dfa dfa = db.build();
        var b = Language.builder("abcde-plus").name("aa*bb*cc*dd*ee*").aliases("aa*bb*cc*dd*ee*", "a+b+c+d+e+", "abcde")
                .definition("aa*bb*cc*dd*ee*").alphabet(al).family(Family.STAR_FREE).dfa(dfa)
                .membership(Suite.regex("a+b+c+d+e+"))
                .description("aa*bb*cc*dd*ee*: five non-empty blocks a..e in order (state: the block being read)." + SF
                        + " On valid prefixes the next set depends only on the current symbol. The paper's Mamba"
                        + " scored 100% in both bins. Targets: the repository's next-letter class (at x: x or its"
                        + " successor may follow; T = end after e).")
                .paperResult(Suite.result("100/100", "100/100", "100/100"));
        var s = Samplers.uniform(dfa);
        String desc = "next-letter class per position: at a block letter x the next symbol is x or the following"
                + " letter (class named by that letter), at e it is e or the end (class T)";
        return b.targets(Encodings.nextSetWithEnd(b.machine(), Loss.MSE, desc, p -> {
                    int last = p.lastIndexOf('1');
                    return last == al.size() ? "T" : al.symbol(last);
                }, null))
                .split(Split.of("train", 49, 200, Suite.TRAIN, "10000 (49-200)", "", s))
                .split(Split.of("bin1", 118, 200, Suite.BIN, "2000 (118-200)", "", s))
                .split(Split.of("bin2", 131, 300, Suite.BIN, "2000 (131-300)", "", s))
                .build();
    }

    static Language abDbc() {
        Alphabet al = Alphabet.ofChars("abcd");
        Dfa dfa = new DfaBuilder(al).start("before d").accept("after d")
                .on("before d", List.of("a", "b"), "before d").on("before d", "d", "after d")
                .on("after d", List.of("b", "c"), "after d").build();
        var b = Language.builder("ab-d-bc").name("{a,b}*d{b,c}*").aliases("{a,b}*d{b,c}*", "abdbc", "ab*dbc*")
                .definition("{a,b}*d{b,c}*").alphabet(al).family(Family.STAR_FREE).dfa(dfa)
                .membership(Suite.regex("[ab]*d[bc]*"))
                .description("{a,b}*d{b,c}*: exactly one d, with only a and b before it and only b and c after it."
                        + SF + " One flag \"seen d\" suffices. The paper's Mamba scored 100% in both bins. Targets: 4"
                        + " bits per position, may the next symbol be a / b / c / d.")
                .paperResult(Suite.result("100/100", "100/100", "100/100"));
        var s = Samplers.uniform(dfa);
        return b.targets(Encodings.nextSet(b.machine(), Loss.MSE))
                .split(Split.of("train", 2, 49, Suite.TRAIN, "10000 (2-49)", "", s))
                .split(Split.of("bin1", 3, 49, Suite.BIN, "2000 (3-49)", "", s))
                .split(Split.of("bin2", 2, 99, Suite.BIN, "2000 (2-99)", "", s))
                .build();
    }

    static Language zot() {
        Alphabet al = Alphabet.ofChars("012");
        Dfa dfa = new DfaBuilder(al).start("other").accept("02*")
                .on("other", "0", "02*").on("other", List.of("1", "2"), "other")
                .on("02*", List.of("0", "2"), "02*").on("02*", "1", "other").build();
        var b = Language.builder("012-star-02-star").name("{0,1,2}*02*").aliases("{0,1,2}*02*", "zot", "01202")
                .definition("{0,1,2}*02*").alphabet(al).family(Family.STAR_FREE).dfa(dfa)
                .membership(Suite.regex("[012]*02*"))
                .description("{0,1,2}*02*: ternary strings whose last symbol other than 2 is a 0 (state 02*: the last"
                        + " non-2 symbol was 0)." + SF + " The paper's Mamba scored 100% in both bins (cross-entropy"
                        + " loss). Targets follow the repository: class e where the symbol is a 2 and the prefix is in"
                        + " the language, class c (must continue) elsewhere, including at the 0 itself.")
                .paperResult(Suite.result("100/100", "100/100", "100/100"));
        int two = al.indexOf("2");
        var classes = List.of(new TargetClass(0, "c", "0", "continue: the string may not end here (the repository's rule)"),
                new TargetClass(1, "e", "1", "end allowed: a 2 after 02*"));
        TargetEncoding.TargetFunction f = (m, before, sym, after) -> new boolean[] {sym == two && m.accepting(after)};
        var s = Samplers.uniform(dfa);
        return b.targets(Encodings.custom(b.machine(), Loss.CROSS_ENTROPY, "1 bit per position: e (may end) at a 2"
                        + " that keeps the prefix in the language, c (continue) elsewhere, also at a 0 (the repository's"
                        + " encoding)", List.of("may end (e)"), classes, f))
                .split(Split.of("train", 2, 49, Suite.TRAIN, "10000 (2-49)", "", s))
                .split(Split.of("bin1", 2, 49, Suite.BIN, "2000 (2-49)", "", s))
                .split(Split.of("bin2", 2, 99, Suite.BIN, "2000 (2-99)", "", s))
                .build();
    }
}
