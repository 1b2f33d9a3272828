package statescope.lang.catalog;

import java.util.ArrayList;
import java.util.List;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;
import statescope.lang.DfaBuilder;
import statescope.lang.Word;
import statescope.lang.catalog.TargetEncoding.Loss;

/**
 * Tomita 1-7 over {0,1} (paper.md §3.1 rows 1-7, §4). DFAs follow the repository's generators
 * (state names q0, q1, ... as in paper.md §4, the dead state labelled {@code dead}).
 */
final class TomitaLanguages {

    static final Alphabet BITS = Alphabet.ofChars("01");

    private TomitaLanguages() {
    }

    static List<Language> all() {
        var out = new ArrayList<Language>();
        out.add(tomita1());
        out.add(tomita2());
        out.add(tomita3());
        out.add(tomita4());
        out.add(tomita5());
        out.add(tomita6());
        out.add(tomita7());
        return out;
    }

    private static Language.Builder base(int n) {
        return Language.builder("tomita-" + n).name("Tomita " + n).aliases("T" + n, "Tomita" + n, "tomita " + n)
                .alphabet(BITS);
    }

    private static final String SF_VERDICT = " Star-free (aperiodic transition monoid), so a finite-precision SSM"
            + " with nonnegative gates can model it predictively at every length.";
    private static final String NSF_VERDICT = " Not star-free: its monoid contains a cyclic group, so no"
            + " finite-precision SSM with nonnegative gates can track it at every length.";

    static Language tomita1() {
        Dfa dfa = new DfaBuilder(BITS).start("q0").accept("q0").on("q0", "1", "q0").build();
        var b = base(1).definition("1*").family(Family.STAR_FREE).dfa(dfa).membership(Suite.regex("1*"))
                .description("Tomita 1: the strings of 1s only (1*). A 0 sends the DFA to its dead state." + SF_VERDICT
                        + " The paper's Mamba scored 100% in both bins. Targets: may the next symbol be 0 / 1.")
                .paperResult(Suite.result("100/100", "100/100", "100/100"));
        var s = Samplers.uniform(dfa);
        return b.targets(Encodings.nextSet(b.machine(), Loss.MSE))
                .split(Split.of("train", 1, 100, 1000, "1000 (1-100)", "the window holds only 100 distinct words; the paper's data repeat them", s))
                .split(Split.of("bin1", 1, 99, Suite.BIN, "40 (1-99)", "the window holds only 99 words, so the bin overlaps the training words", s))
                .split(Split.of("bin2", 106, 150, Suite.BIN, "33 (106-150)", "all 45 words of the window", s))
                .build();
    }

    static Language tomita2() {
        Dfa dfa = new DfaBuilder(BITS).start("q0").accept("q0").on("q0", "1", "q1").on("q1", "0", "q0").build();
        var b = base(2).definition("(10)*").family(Family.STAR_FREE).dfa(dfa).membership(Suite.regex("(10)*"))
                .description("Tomita 2: (10)*, alternating 1 and 0, starting with 1 and ending with 0." + SF_VERDICT
                        + " The paper's Mamba scored 100% in both bins. Targets: may the next symbol be 0 / 1.")
                .paperResult(Suite.result("100/100", "100/100", "100/100"));
        var s = Samplers.uniform(dfa);
        return b.targets(Encodings.nextSet(b.machine(), Loss.MSE))
                .split(Split.of("train", 2, 100, 1000, "1000 (2-100)", "only 50 distinct words; the paper's data repeat them", s))
                .split(Split.of("bin1", 2, 98, Suite.BIN, "22 (2-98)", "only 49 words, overlapping the training words", s))
                .split(Split.of("bin2", 102, 148, Suite.BIN, "15 (102-148)", "all 24 words of the window", s))
                .build();
    }

    static Language tomita3() {
        Dfa dfa = new DfaBuilder(BITS).start("q0").accept("q0", "q1", "q2")
                .on("q0", "0", "q0").on("q0", "1", "q1")
                .on("q1", "0", "q3").on("q1", "1", "q0")
                .on("q2", "0", "q3").on("q2", "1", "q1")
                .on("q3", "0", "q2")
                .build();
        var b = base(3).definition("no odd run of 1s immediately followed by an odd run of 0s")
                .family(Family.NON_STAR_FREE).dfa(dfa).membership(TomitaLanguages::tomita3Member)
                .description("Tomita 3: binary strings in which no maximal run of 1s of odd length is directly"
                        + " followed by a maximal run of 0s of odd length (q1 = odd run of 1s, q3 = then an odd run of"
                        + " 0s)." + NSF_VERDICT + " The paper's Mamba reached 60.85% in bin 1 and 29.37% in bin 2 (3"
                        + " layers). Targets follow the repository: for each symbol, is the prefix followed by it in"
                        + " the language.")
                .paperResult(Suite.result("25.99/12.49", "36.88/17.05", "60.85/29.37"));
        var s = Samplers.uniform(dfa);
        return b.targets(Encodings.nextInLanguage(b.machine(), Loss.MSE))
                .split(Split.of("train", 1, 100, Suite.TRAIN, "10000 (1-100)", "", s))
                .split(Split.of("bin1", 1, 100, Suite.BIN, "1627 (1-100)", "", s))
                .split(Split.of("bin2", 101, 150, Suite.BIN, "1818 (101-150)", "", s))
                .build();
    }

    /** Tomita 3 by runs: reject when an odd maximal 1-run is directly followed by an odd maximal 0-run. */
    static boolean tomita3Member(Word w) {
        String s = w.length() == 0 ? "" : w.toString();
        int i = 0;
        while (i < s.length()) {
            int j = i;
            while (j < s.length() && s.charAt(j) == s.charAt(i)) {
                j++;
            }
            if (s.charAt(i) == '1' && (j - i) % 2 == 1 && j < s.length()) {
                int k = j;
                while (k < s.length() && s.charAt(k) == '0') {
                    k++;
                }
                if ((k - j) % 2 == 1) {
                    return false;
                }
            }
            i = j;
        }
        return true;
    }

    static Language tomita4() {
        Dfa dfa = new DfaBuilder(BITS).start("q0").accept("q0", "q1", "q2")
                .on("q0", "0", "q1").on("q0", "1", "q0")
                .on("q1", "0", "q2").on("q1", "1", "q0")
                .on("q2", "1", "q0")
                .build();
        var b = base(4).definition("no 000 as a substring").family(Family.STAR_FREE).dfa(dfa)
                .membership(w -> !(w.length() == 0 ? "" : w.toString()).contains("000"))
                .description("Tomita 4: binary strings without three consecutive 0s (q1, q2 count the trailing"
                        + " 0s)." + SF_VERDICT + " The paper's Mamba scored 100% in both bins. Targets: may the"
                        + " next symbol be 0 / 1.")
                .paperResult(Suite.result("100/100", "100/100", "100/100"));
        var s = Samplers.uniform(dfa);
        return b.targets(Encodings.nextSet(b.machine(), Loss.MSE))
                .split(Split.of("train", 1, 100, Suite.TRAIN, "10000 (1-100)", "", s))
                .split(Split.of("bin1", 1, 100, Suite.BIN, "1926 (1-100)", "", s))
                .split(Split.of("bin2", 101, 150, Suite.BIN, "2000 (101-150)", "", s))
                .build();
    }

    static Language tomita5() {
        var db = new DfaBuilder(BITS).start("ee").accept("ee");
        String[] st = {"ee", "eo", "oe", "oo"}; // parity of #0, parity of #1
        for (String q : st) {
            String flip0 = (q.charAt(0) == 'e' ? "o" : "e") + q.charAt(1);
            String flip1 = q.charAt(0) + (q.charAt(1) == 'e' ? "o" : "e");
            db.on(q, "0", flip0).on(q, "1", flip1);
        }
        Dfa dfa = db.build();
        var b = base(5).definition("#0 even and #1 even").family(Family.NON_STAR_FREE).dfa(dfa)
                .membership(w -> Suite.count(w, BITS, "0") % 2 == 0 && Suite.count(w, BITS, "1") % 2 == 0)
                .description("Tomita 5: binary strings with an even number of 0s and an even number of 1s (states"
                        + " name the parities of #0 and #1: e = even, o = odd)." + NSF_VERDICT
                        + " The paper's Mamba reached 38.4% in bin 1 and 0% in bin 2. Targets: 1 bit per position,"
                        + " is the prefix in the language.")
                .paperResult(Suite.result("15.94/0", "34.5/0", "38.4/0"));
        var s = Samplers.uniform(dfa);
        return b.targets(Encodings.membership(b.machine(), Loss.MSE))
                .split(Split.of("train", 2, 100, Suite.TRAIN, "10000 (2-100)", "", s))
                .split(Split.of("bin1", 2, 100, Suite.BIN, "1819 (2-100)", "", s))
                .split(Split.of("bin2", 102, 150, Suite.BIN, "2000 (102-150)", "", s))
                .build();
    }

    static Language tomita6() {
        var db = new DfaBuilder(BITS).start("d0").accept("d0");
        for (int d = 0; d < 3; d++) {
            db.on("d" + d, "0", "d" + ((d + 1) % 3)).on("d" + d, "1", "d" + ((d + 2) % 3));
        }
        Dfa dfa = db.build();
        var b = base(6).definition("(#0 - #1) ≡ 0 (mod 3)").family(Family.NON_STAR_FREE).dfa(dfa)
                .membership(w -> Math.floorMod(Suite.count(w, BITS, "0") - Suite.count(w, BITS, "1"), 3) == 0)
                .description("Tomita 6: binary strings where the number of 0s minus the number of 1s is divisible"
                        + " by 3 (state dK: the difference is K mod 3)." + NSF_VERDICT + " The paper's Mamba reached"
                        + " 54.56% in bin 1 and 0.04% in bin 2. Targets: 1 bit per position, is the prefix in the"
                        + " language.")
                .paperResult(Suite.result("7.2/0", "37.8/0", "54.56/0.04"));
        var s = Samplers.uniform(dfa);
        return b.targets(Encodings.membership(b.machine(), Loss.MSE))
                .split(Split.of("train", 2, 100, Suite.TRAIN, "10000 (2-100)", "", s))
                .split(Split.of("bin1", 2, 100, 10_000, "8689 (2-100)", "the paper's Tomita-6 bins ask for 10000 strings", s))
                .split(Split.of("bin2", 101, 150, 10_000, "10000 (101-150)", "", s))
                .build();
    }

    static Language tomita7() {
        Dfa dfa = new DfaBuilder(BITS).start("q0").accept("q0", "q1", "q2", "q3")
                .on("q0", "0", "q0").on("q0", "1", "q1")
                .on("q1", "0", "q2").on("q1", "1", "q1")
                .on("q2", "0", "q2").on("q2", "1", "q3")
                .on("q3", "1", "q3")
                .build();
        var b = base(7).definition("0*1*0*1*").family(Family.STAR_FREE).dfa(dfa).membership(Suite.regex("0*1*0*1*"))
                .description("Tomita 7: 0*1*0*1*, at most four blocks (q0..q3 = the block being read)." + SF_VERDICT
                        + " It is the textbook cascade of set-only flags. The paper's Mamba scored 100% in both"
                        + " bins. Targets: may the next symbol be 0 / 1.")
                .paperResult(Suite.result("100/100", "100/100", "100/100"));
        var s = Samplers.uniform(dfa);
        return b.targets(Encodings.nextSet(b.machine(), Loss.MSE))
                .split(Split.of("train", 12, 100, Suite.TRAIN, "10000 (12-100)", "", s))
                .split(Split.of("bin1", 24, 100, Suite.BIN, "1829 (24-100)", "", s))
                .split(Split.of("bin2", 101, 150, Suite.BIN, "1896 (101-150)", "", s))
                .build();
    }
}
