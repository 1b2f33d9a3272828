package statescope.lang;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import statescope.PropertyLoop;

class StarFreeTest {

    static Stream<Arguments> starFreeLanguages() {
        return Stream.of(
                Arguments.of("Tomita 1", (Supplier<Dfa>) Fixtures::tomita1, 2),
                Arguments.of("Tomita 2", (Supplier<Dfa>) Fixtures::tomita2, 6),
                Arguments.of("Tomita 4", (Supplier<Dfa>) Fixtures::tomita4, -1),
                Arguments.of("Tomita 7", (Supplier<Dfa>) Fixtures::tomita7, -1),
                Arguments.of("(ab)*", (Supplier<Dfa>) Fixtures::abStar, 6),
                Arguments.of("D_2", (Supplier<Dfa>) () -> Fixtures.boundedDyck(2), -1),
                Arguments.of("D_3", (Supplier<Dfa>) () -> Fixtures.boundedDyck(3), -1),
                Arguments.of("D_4", (Supplier<Dfa>) () -> Fixtures.boundedDyck(4), -1),
                Arguments.of("D_12", (Supplier<Dfa>) () -> Fixtures.boundedDyck(12), -1),
                Arguments.of("aa*bb*cc*dd*ee*", (Supplier<Dfa>) () -> Regexes.compile("aa*bb*cc*dd*ee*"), -1),
                Arguments.of("{a,b}*d{b,c}*", (Supplier<Dfa>) () -> Regexes.compile("[ab]*d[bc]*", Alphabet.ofChars("abcd")), -1),
                Arguments.of("{0,1,2}*02*", (Supplier<Dfa>) () -> Regexes.compile("[012]*02*"), -1));
    }

    @ParameterizedTest(name = "{0} is star-free")
    @MethodSource("starFreeLanguages")
    void starFreeLanguagesAreRecognised(String name, Supplier<Dfa> dfa, int monoidSize) {
        StarFreeVerdict v = StarFree.analyze(dfa.get());
        assertTrue(v.starFree(), name);
        assertTrue(v.witness().isEmpty());
        assertEquals(Minimizer.minimize(dfa.get()).numStates(), v.minimalStates());
        if (monoidSize > 0) {
            assertEquals(monoidSize, v.monoidSize(), name);
        }
    }

    static Stream<Arguments> nonStarFreeLanguages() {
        return Stream.of(
                Arguments.of("parity", (Supplier<Dfa>) Fixtures::parity, "1", 1, 2, 2),
                Arguments.of("(aa)*", (Supplier<Dfa>) Fixtures::aaStar, "a", 1, 2, 2),
                Arguments.of("(aaaa)*", (Supplier<Dfa>) Fixtures::a4Star, "a", 1, 4, 4),
                Arguments.of("(abab)*", (Supplier<Dfa>) Fixtures::ababStar, "ab", 1, 2, -1),
                Arguments.of("Tomita 3", (Supplier<Dfa>) Fixtures::tomita3, "0", 1, 2, -1),
                Arguments.of("Tomita 5", (Supplier<Dfa>) Fixtures::tomita5, "0", 1, 2, 4),
                Arguments.of("Tomita 6", (Supplier<Dfa>) Fixtures::tomita6, "0", 1, 3, 3),
                Arguments.of("(#a mod 3) = 0 after a b", (Supplier<Dfa>) () -> Regexes.compile("b(a{3})*|ab*"), "a", 2, 3, -1));
    }

    @ParameterizedTest(name = "{0} is not star-free, witness {2}")
    @MethodSource("nonStarFreeLanguages")
    void nonStarFreeLanguagesGetACheckedWitness(String name, Supplier<Dfa> dfa, String w, int k, int period, int monoidSize) {
        Dfa d = dfa.get();
        StarFreeVerdict v = StarFree.analyze(d);
        assertFalse(v.starFree(), name);
        StarFreeVerdict.Witness witness = v.witness().orElseThrow();
        assertEquals(w, witness.w().toString(), name);
        assertEquals(k, witness.k(), name);
        assertEquals(period, witness.period(), name);
        if (monoidSize > 0) {
            assertEquals(monoidSize, v.monoidSize(), name);
        }
        checkWitnessByRunning(d, witness);
    }

    /**
     * Re-checks a witness on the DFA as given (not minimised), through languages only: from every
     * reachable state, w^k and w^(k+p) lead to equivalent states; and for every j up to k+p some
     * reachable state is led by w^j and w^(j+1) to inequivalent states (beyond k+p the powers repeat).
     */
    static void checkWitnessByRunning(Dfa d, StarFreeVerdict.Witness witness) {
        Word w = witness.w();
        int k = witness.k();
        int p = witness.period();
        boolean[] reach = Dfas.reachable(d);
        for (int q = 0; q < d.numStates(); q++) {
            if (reach[q]) {
                int x = d.run(q, w.power(k));
                int y = d.run(q, w.power(k + p));
                assertTrue(Equivalence.equivalent(Dfas.withStart(d, x), Dfas.withStart(d, y)),
                        "w^k = w^(k+p) from " + d.label(q));
            }
        }
        for (int j = 0; j <= k + p; j++) {
            boolean differs = false;
            for (int q = 0; q < d.numStates() && !differs; q++) {
                if (reach[q]) {
                    int x = d.run(q, w.power(j));
                    int y = d.run(q, w.power(j + 1));
                    differs = Equivalence.separatingWord(Dfas.withStart(d, x), Dfas.withStart(d, y)).isPresent();
                }
            }
            assertTrue(differs, "w^" + j + " differs from w^" + (j + 1));
        }
        // and no smaller k or period works
        for (int kk = 1; kk <= k; kk++) {
            for (int pp = 1; pp <= p; pp++) {
                if (kk == k && pp == p) {
                    continue;
                }
                boolean same = true;
                for (int q = 0; q < d.numStates() && same; q++) {
                    if (reach[q]) {
                        same = Equivalence.equivalent(Dfas.withStart(d, d.run(q, w.power(kk))),
                                Dfas.withStart(d, d.run(q, w.power(kk + pp))));
                    }
                }
                assertFalse(same && (kk < k || pp < p), "k=" + kk + ", p=" + pp + " would also do");
            }
        }
    }

    @Test
    void theWitnessReadsAsTheCheck() {
        var w = StarFree.analyze(Fixtures.parity()).witness().orElseThrow();
        assertEquals("w = 1, w^k ≠ w^(k+1) for every k; w^1 = w^3", w.describe());
    }

    @Test
    void indexAndPeriodOfTransformations() {
        assertArrayEquals(new long[] {1, 3}, StarFree.indexAndPeriod(new int[] {1, 2, 0, 0}));
        assertArrayEquals(new long[] {1, 6}, StarFree.indexAndPeriod(new int[] {1, 0, 3, 4, 2}));
        assertArrayEquals(new long[] {3, 1}, StarFree.indexAndPeriod(new int[] {1, 2, 3, 3}));
        assertArrayEquals(new long[] {1, 1}, StarFree.indexAndPeriod(new int[] {0, 1, 2}));
        assertArrayEquals(new long[] {1, 2}, StarFree.indexAndPeriod(new int[] {1, 2, 1}));
        assertArrayEquals(new long[] {2, 2}, StarFree.indexAndPeriod(new int[] {1, 2, 3, 2}));
    }

    @Test
    void monoidElementsCarryShortestWordsInBreadthFirstOrder() {
        TransitionMonoid m = TransitionMonoid.of(Minimizer.minimize(Fixtures.abStar()));
        List<String> words = m.elements().stream().map(e -> e.word().toString()).toList();
        assertEquals(List.of("ε", "a", "b", "aa", "ab", "ba"), words);
        assertEquals(m.indexOf(Word.parse(Fixtures.AB, "aa")), m.indexOf(Word.parse(Fixtures.AB, "bb")));
        assertEquals(m.indexOf(Word.parse(Fixtures.AB, "a")), m.indexOf(Word.parse(Fixtures.AB, "aba")));
        int a = m.indexOf(Word.parse(Fixtures.AB, "a"));
        int b = m.indexOf(Word.parse(Fixtures.AB, "b"));
        assertEquals(m.indexOf(Word.parse(Fixtures.AB, "ab")), m.multiply(a, b));
    }

    @Test
    void limitsGiveAClearMessage() {
        var small = Limits.DEFAULT.withMaxMonoidElements(5);
        var e = assertThrows(LimitExceededException.class, () -> StarFree.analyze(Fixtures.ababStar(), small));
        assertTrue(e.getMessage().contains("more than 5 elements"), e.getMessage());
        var few = Limits.DEFAULT.withMaxStates(3);
        var e2 = assertThrows(LimitExceededException.class, () -> StarFree.analyze(Fixtures.tomita7(), few));
        assertTrue(e2.getMessage().contains("5 states, more than the limit of 3"), e2.getMessage());
    }

    @Test
    void verdictAgreesWithABruteForceAperiodicityCheck() {
        PropertyLoop.forAll(Generators.dfas(5, 2)).trials(300).sizes(1, 5)
                .describedBy(Generators::describe).check(StarFreeTest::verdictIsBruteForceAperiodicity);
    }

    private static void verdictIsBruteForceAperiodicity(Dfa d) {
        Dfa min = Minimizer.minimize(d);
        Set<List<Integer>> monoid = bruteForceMonoid(min);
        boolean aperiodic = true;
        int n = min.numStates();
        for (List<Integer> m : monoid) {
            aperiodic &= power(m, n).equals(power(m, n + 1));
        }
        StarFreeVerdict v = StarFree.analyze(d);
        assertEquals(monoid.size(), v.monoidSize());
        assertEquals(aperiodic, v.starFree());
        v.witness().ifPresent(w -> checkWitnessByRunning(d, w));
    }

    /** The monoid by saturation: all products of pairs until nothing new appears. */
    private static Set<List<Integer>> bruteForceMonoid(Dfa dfa) {
        int n = dfa.numStates();
        Set<List<Integer>> set = new HashSet<>();
        List<Integer> id = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            id.add(q);
        }
        set.add(id);
        for (int a = 0; a < dfa.alphabet().size(); a++) {
            List<Integer> t = new ArrayList<>();
            for (int q = 0; q < n; q++) {
                t.add(dfa.next(q, a));
            }
            set.add(t);
        }
        boolean grew = true;
        while (grew) {
            var snapshot = new ArrayList<>(set);
            grew = false;
            for (List<Integer> x : snapshot) {
                for (List<Integer> y : snapshot) {
                    grew |= set.add(compose(x, y));
                }
            }
        }
        return set;
    }

    private static List<Integer> compose(List<Integer> x, List<Integer> y) {
        return x.stream().map(y::get).toList();
    }

    private static List<Integer> power(List<Integer> m, int e) {
        List<Integer> r = m;
        for (int i = 1; i < e; i++) {
            r = compose(r, m);
        }
        return r;
    }
}
