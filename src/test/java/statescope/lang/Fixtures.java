package statescope.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Hand-drawn DFAs of the test suite's languages, and word enumeration. */
final class Fixtures {

    static final Alphabet BIN = Alphabet.ofChars("01");
    static final Alphabet A = Alphabet.ofChars("a");
    static final Alphabet AB = Alphabet.ofChars("ab");

    private Fixtures() {
    }

    /** Even number of 1s. */
    static Dfa parity() {
        return new DfaBuilder(BIN).start("even").accept("even")
                .on("even", "0", "even").on("even", "1", "odd")
                .on("odd", "0", "odd").on("odd", "1", "even").build();
    }

    /** (aa)* over {a}. */
    static Dfa aaStar() {
        return new DfaBuilder(A).start("e").accept("e").on("e", "a", "o").on("o", "a", "e").build();
    }

    /** (aaaa)* over {a}. */
    static Dfa a4Star() {
        return new DfaBuilder(A).start("0").accept("0").on("0", "a", "1").on("1", "a", "2")
                .on("2", "a", "3").on("3", "a", "0").build();
    }

    /** (ab)* over {a, b}, dead state added by the builder. */
    static Dfa abStar() {
        return new DfaBuilder(AB).start("p").accept("p").on("p", "a", "q").on("q", "b", "p").build();
    }

    /** (abab)* over {a, b}. */
    static Dfa ababStar() {
        return new DfaBuilder(AB).start("0").accept("0").on("0", "a", "1").on("1", "b", "2")
                .on("2", "a", "3").on("3", "b", "0").build();
    }

    /** Tomita 1: 1*. */
    static Dfa tomita1() {
        return new DfaBuilder(BIN).start("q0").accept("q0").on("q0", "1", "q0").on("q0", "0", "q1")
                .on("q1", List.of("0", "1"), "q1").build();
    }

    /** Tomita 2: (10)*. */
    static Dfa tomita2() {
        return new DfaBuilder(BIN).start("q0").accept("q0").on("q0", "1", "q1").on("q1", "0", "q0").build();
    }

    /** Tomita 3, the generator's DFA (paper.md §4): no odd block of 0s right after an odd block of 1s. */
    static Dfa tomita3() {
        return new DfaBuilder(BIN).start("q0").accept("q0", "q1", "q2")
                .on("q0", "0", "q0").on("q0", "1", "q1")
                .on("q1", "0", "q3").on("q1", "1", "q0")
                .on("q2", "0", "q3").on("q2", "1", "q1")
                .on("q3", "0", "q2").on("q3", "1", "q4")
                .on("q4", List.of("0", "1"), "q4").build();
    }

    /** Tomita 4: no 000. */
    static Dfa tomita4() {
        return new DfaBuilder(BIN).start("q0").accept("q0", "q1", "q2")
                .on("q0", "0", "q1").on("q1", "0", "q2").on("q2", "0", "q3")
                .on("q0", "1", "q0").on("q1", "1", "q0").on("q2", "1", "q0")
                .on("q3", List.of("0", "1"), "q3").build();
    }

    /** Tomita 5: even number of 0s and even number of 1s. */
    static Dfa tomita5() {
        return new DfaBuilder(BIN).start("ee").accept("ee")
                .on("ee", "0", "oe").on("ee", "1", "eo")
                .on("oe", "0", "ee").on("oe", "1", "oo")
                .on("eo", "0", "oo").on("eo", "1", "ee")
                .on("oo", "0", "eo").on("oo", "1", "oe").build();
    }

    /** Tomita 6: (#0 - #1) mod 3 = 0. */
    static Dfa tomita6() {
        return new DfaBuilder(BIN).start("r0").accept("r0")
                .on("r0", "0", "r1").on("r1", "0", "r2").on("r2", "0", "r0")
                .on("r0", "1", "r2").on("r1", "1", "r0").on("r2", "1", "r1").build();
    }

    /** Tomita 7: 0*1*0*1*. */
    static Dfa tomita7() {
        return new DfaBuilder(BIN).start("q0").accept("q0", "q1", "q2", "q3")
                .on("q0", "0", "q0").on("q0", "1", "q1")
                .on("q1", "0", "q2").on("q1", "1", "q1")
                .on("q2", "0", "q2").on("q2", "1", "q3")
                .on("q3", "1", "q3").build();
    }

    /** Dyck-1 of depth at most n over {a, b} (a opens, b closes), D_n in the paper. */
    static Dfa boundedDyck(int n) {
        var b = new DfaBuilder(AB).start("d0").accept("d0");
        for (int d = 0; d < n; d++) {
            b.on("d" + d, "a", "d" + (d + 1)).on("d" + (d + 1), "b", "d" + d);
        }
        return b.build();
    }

    /** Every word over the alphabet of length at most {@code maxLen}, shortest first, in symbol order. */
    static List<Word> words(Alphabet alphabet, int maxLen) {
        var out = new ArrayList<Word>();
        out.add(Word.empty(alphabet));
        int from = 0;
        for (int len = 1; len <= maxLen; len++) {
            int to = out.size();
            for (int i = from; i < to; i++) {
                for (int a = 0; a < alphabet.size(); a++) {
                    out.add(out.get(i).append(a));
                }
            }
            from = to;
        }
        return out;
    }

    /** A random total DFA with the given number of states over the given alphabet (seeded). */
    static Dfa randomDfa(Random rnd, int states, Alphabet alphabet) {
        int k = alphabet.size();
        int[] delta = new int[states * k];
        boolean[] acc = new boolean[states];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = rnd.nextInt(states);
        }
        for (int q = 0; q < states; q++) {
            acc[q] = rnd.nextInt(3) == 0;
        }
        return new Dfa(alphabet, rnd.nextInt(states), delta, acc, null);
    }
}
