package statescope.lang;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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

    /**
     * Star-free languages with their minimal (complete) DFA's state count and syntactic monoid size, both
     * worked out by hand from the language; the dead state counts as a state. A transformation is written
     * as the images of the states in order, z for the dead state.
     *
     * <ul>
     *   <li>Tomita 1, 1*: states {live, z}; the letter 1 acts as the identity, the letter 0 sends both to
     *       z: 2 states, 2 elements.</li>
     *   <li>Tomita 2, (10)*, and (ab)*: states {p, q, z} (p start and accepting; a = 1, b = 0 for
     *       Tomita 2); the words act as ε (p,q,z), a (q,z,z), b (z,p,z), ab (p,z,z), ba (z,q,z) and
     *       aa = bb (z,z,z), with aba = a and bab = b: 3 states, 6 elements.</li>
     *   <li>Tomita 4, no 000: states s0, s1, s2 (trailing 0s) and z: 4. A word with 000 sends all to z;
     *       0^k (k = 0, 1, 2) maps s_i to s_(i+k); a word with a 1, a leading 0s and b trailing 0s
     *       (a, b &lt;= 2) sends s_i with i &lt;= 2 - a to s_b and the rest to z: 9 distinct maps, of which
     *       (2, 2) is 00 = 00100. ε, 0, the 9 and all-to-z: 12.</li>
     *   <li>Tomita 7, 0*1*0*1*: phases q0..q3 of the pattern 0 1 0 1 and z: 5. A word starting with f in
     *       B blocks moves phase i to i + B - 1, plus 1 when the phase's letter is not f, z past q3:
     *       f = 0 with B = 1..4 and f = 1 with B = 1..3 give 7 distinct maps (more blocks send all to
     *       z); with ε and all-to-z, 9.</li>
     *   <li>D_n, Dyck-1 of depth at most n: depths d0..dn and z: n + 2. A word acts by its lowest dip -p,
     *       its highest rise h and its final shift s: d_i to d_(i+s) for p &lt;= i &lt;= n - h, else z.
     *       Besides all-to-z, a map needs p + h &lt;= n and -p &lt;= s &lt;= h (p + h + 1 shifts); each
     *       such triple is a word, b^p a^(p+h) b^(h-s), so the size is 1 + the sum over m = p + h &lt;= n
     *       of (m + 1)^2 = 1 + (n+1)(n+2)(2n+3)/6: D_2 15, D_3 31, D_4 56, D_12 820 (D_1 = (ab)* gives
     *       6, as above).</li>
     *   <li>aa*bb*cc*dd*ee*: start, the five blocks A..E, z: 7. A word that does not send all to z is
     *       x+ (x+1)+ ... y+ for letters x &lt;= y, sending the phases just before x and of x to y (the
     *       block lengths do not matter): 15 maps, with ε and all-to-z, 17.</li>
     *   <li>{a,b}*d{b,c}*: P (before the d), Q (after it), z: 3. b acts as the identity; a = (P,z,z),
     *       c = (z,Q,z), d = (Q,z,z), and a word with both a and c, or two d, sends all to z:
     *       {ε, a, c, d, all-to-z}, 5.</li>
     *   <li>{0,1,2}*02*: the last 0 is followed by 2s only, or not: 2 states, no dead one. 2 is the
     *       identity, 0 sends both states to "yes", 1 both to "no": {ε, 0, 1}, 3.</li>
     * </ul>
     *
     * <p>The test also recounts both by a small computation of its own (a Moore partition refinement and
     * the closure of the letters' maps on its classes), so a slip in the hand count shows there too, and
     * analyses each language a second time through a DFA that is not minimal ({@link #padded}).
     */
    static Stream<Arguments> starFreeLanguages() {
        return Stream.of(
                Arguments.of("Tomita 1", (Supplier<Dfa>) Fixtures::tomita1, 2, 2),
                Arguments.of("Tomita 2", (Supplier<Dfa>) Fixtures::tomita2, 3, 6),
                Arguments.of("Tomita 4", (Supplier<Dfa>) Fixtures::tomita4, 4, 12),
                Arguments.of("Tomita 7", (Supplier<Dfa>) Fixtures::tomita7, 5, 9),
                Arguments.of("(ab)*", (Supplier<Dfa>) Fixtures::abStar, 3, 6),
                Arguments.of("D_2", (Supplier<Dfa>) () -> Fixtures.boundedDyck(2), 4, 15),
                Arguments.of("D_3", (Supplier<Dfa>) () -> Fixtures.boundedDyck(3), 5, 31),
                Arguments.of("D_4", (Supplier<Dfa>) () -> Fixtures.boundedDyck(4), 6, 56),
                Arguments.of("D_12", (Supplier<Dfa>) () -> Fixtures.boundedDyck(12), 14, 820),
                Arguments.of("aa*bb*cc*dd*ee*", (Supplier<Dfa>) () -> Regexes.compile("aa*bb*cc*dd*ee*"), 7, 17),
                Arguments.of("{a,b}*d{b,c}*", (Supplier<Dfa>) () -> Regexes.compile("[ab]*d[bc]*", Alphabet.ofChars("abcd")), 3, 5),
                Arguments.of("{0,1,2}*02*", (Supplier<Dfa>) () -> Regexes.compile("[012]*02*"), 2, 3));
    }

    @ParameterizedTest(name = "{0} is star-free")
    @MethodSource("starFreeLanguages")
    void starFreeLanguagesAreRecognised(String name, Supplier<Dfa> dfa, int minimalStates, int monoidSize) {
        for (Dfa d : List.of(dfa.get(), padded(dfa.get()))) {
            String what = name + " (" + d.numStates() + " states given)";
            StarFreeVerdict v = StarFree.analyze(d);
            assertTrue(v.starFree(), what);
            assertTrue(v.witness().isEmpty());
            int[] classes = mooreClasses(d);
            int count = Arrays.stream(classes).max().orElse(-1) + 1;
            assertEquals(minimalStates, count, what + ": the hand count against the test's own refinement");
            assertEquals(monoidSize, closureOnClasses(d, classes, count).size(),
                    what + ": the hand count against the test's own closure");
            assertEquals(minimalStates, v.minimalStates(), what);
            assertEquals(monoidSize, v.monoidSize(), what);
        }
    }

    /**
     * The same language by a DFA that is not minimal: each state split by the parity of the length read
     * (which acceptance ignores), and one unreachable accepting state after them.
     */
    private static Dfa padded(Dfa d) {
        int n = d.numStates();
        int k = d.alphabet().size();
        int[] delta = new int[(2 * n + 1) * k];
        boolean[] accepting = new boolean[2 * n + 1];
        for (int q = 0; q < n; q++) {
            for (int parity = 0; parity < 2; parity++) {
                int s = 2 * q + parity;
                accepting[s] = d.isAccepting(q);
                for (int a = 0; a < k; a++) {
                    delta[s * k + a] = 2 * d.next(q, a) + 1 - parity;
                }
            }
        }
        accepting[2 * n] = true;
        Arrays.fill(delta, 2 * n * k, delta.length, 2 * n);
        return new Dfa(d.alphabet(), 2 * d.startState(), delta, accepting, null);
    }

    /**
     * The states reachable from the start grouped by Moore's refinement (accepting or not, then by the
     * classes of the successors, until no class splits): the class of each state, -1 when unreachable.
     */
    private static int[] mooreClasses(Dfa d) {
        int n = d.numStates();
        int k = d.alphabet().size();
        boolean[] reach = new boolean[n];
        var todo = new ArrayDeque<Integer>(List.of(d.startState()));
        reach[d.startState()] = true;
        while (!todo.isEmpty()) {
            int q = todo.poll();
            for (int a = 0; a < k; a++) {
                if (!reach[d.next(q, a)]) {
                    reach[d.next(q, a)] = true;
                    todo.add(d.next(q, a));
                }
            }
        }
        int[] cls = new int[n];
        int count = -1;
        int before;
        do {
            before = count;
            var ids = new HashMap<List<Integer>, Integer>();
            int[] next = new int[n];
            for (int q = 0; q < n; q++) {
                if (!reach[q]) {
                    next[q] = -1;
                    continue;
                }
                var signature = new ArrayList<Integer>();
                signature.add(count < 0 ? (d.isAccepting(q) ? 1 : 0) : cls[q]);
                for (int a = 0; a < k && count >= 0; a++) {
                    signature.add(cls[d.next(q, a)]);
                }
                next[q] = ids.computeIfAbsent(signature, x -> ids.size());
            }
            cls = next;
            count = ids.size();
        } while (count != before);
        return cls;
    }

    /** Every map on the classes that some word induces: the identity and the letters' maps, closed under composition. */
    private static Set<List<Integer>> closureOnClasses(Dfa d, int[] cls, int count) {
        var letters = new ArrayList<List<Integer>>();
        for (int a = 0; a < d.alphabet().size(); a++) {
            var map = new Integer[count];
            for (int q = 0; q < d.numStates(); q++) {
                if (cls[q] >= 0) {
                    map[cls[q]] = cls[d.next(q, a)];
                }
            }
            letters.add(List.of(map));
        }
        var identity = new ArrayList<Integer>();
        for (int c = 0; c < count; c++) {
            identity.add(c);
        }
        var seen = new HashSet<List<Integer>>(List.of(identity));
        var todo = new ArrayDeque<List<Integer>>(List.of(identity));
        while (!todo.isEmpty()) {
            var m = todo.poll();
            for (var letter : letters) {
                var longer = compose(m, letter);
                if (seen.add(longer)) {
                    todo.add(longer);
                }
            }
        }
        return seen;
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
