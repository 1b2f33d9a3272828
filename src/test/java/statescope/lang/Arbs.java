package statescope.lang;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators shared by the property tests of this package. */
final class Arbs {

    private Arbs() {
    }

    static Alphabet alphabet(int k) {
        return Alphabet.ofChars("abcd".substring(0, k));
    }

    /** Random total DFAs with 1..maxStates states over 1..maxSymbols symbols (shrinks towards small). */
    static Arbitrary<Dfa> dfas(int maxStates, int maxSymbols) {
        return Combinators.combine(Arbitraries.integers().between(1, maxStates),
                Arbitraries.integers().between(1, maxSymbols)).flatAs((n, k) -> dfas(n, alphabet(k)));
    }

    /** Random total DFAs with exactly n states over the alphabet. */
    static Arbitrary<Dfa> dfas(int n, Alphabet alphabet) {
        int k = alphabet.size();
        return Combinators.combine(
                Arbitraries.integers().between(0, n - 1).list().ofSize(n * k),
                Arbitraries.of(true, false).list().ofSize(n),
                Arbitraries.integers().between(0, n - 1))
                .as((delta, acc, start) -> new Dfa(alphabet, start, ints(delta), bools(acc), null));
    }

    /** Pairs of random DFAs over the same alphabet. */
    static Arbitrary<List<Dfa>> dfaPairs(int maxStates, int maxSymbols) {
        return Arbitraries.integers().between(1, maxSymbols).flatMap(k -> {
            Alphabet sigma = alphabet(k);
            Arbitrary<Dfa> one = Arbitraries.integers().between(1, maxStates).flatMap(n -> dfas(n, sigma));
            return Combinators.combine(one, one).as(List::of);
        });
    }

    static int[] ints(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    static boolean[] bools(List<Boolean> l) {
        boolean[] b = new boolean[l.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = l.get(i);
        }
        return b;
    }
}
