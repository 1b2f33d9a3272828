package statescope.lang;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import statescope.PropertyLoop;

class MinimizerTest {

    @Test
    void minimalSizesOfHandDrawnDfas() {
        assertEquals(2, Minimizer.minimize(Fixtures.parity()).numStates());
        assertEquals(2, Minimizer.minimize(Fixtures.aaStar()).numStates());
        assertEquals(3, Minimizer.minimize(Fixtures.abStar()).numStates());
        assertEquals(2, Minimizer.minimize(Fixtures.tomita1()).numStates());
        assertEquals(3, Minimizer.minimize(Fixtures.tomita2()).numStates());
        assertEquals(5, Minimizer.minimize(Fixtures.tomita3()).numStates());
        assertEquals(4, Minimizer.minimize(Fixtures.tomita4()).numStates());
        assertEquals(4, Minimizer.minimize(Fixtures.tomita5()).numStates());
        assertEquals(3, Minimizer.minimize(Fixtures.tomita6()).numStates());
        assertEquals(5, Minimizer.minimize(Fixtures.tomita7()).numStates());
    }

    @Test
    void redundantStatesAreMergedAndNumberedBreadthFirst() {
        // a 4-state parity DFA over {a, b} counting a's mod 4, accepting 0 and 2 = even number of a's
        Dfa d = new DfaBuilder(Fixtures.AB).start("0").accept("0", "2")
                .on("0", "a", "1").on("1", "a", "2").on("2", "a", "3").on("3", "a", "0")
                .on("0", "b", "0").on("1", "b", "1").on("2", "b", "2").on("3", "b", "3").build();
        Dfa m = Minimizer.minimize(d);
        assertEquals(2, m.numStates());
        assertEquals(0, m.startState());
        assertArrayEquals(new int[] {1, 0, 0, 1}, m.transitionTable());
        assertEquals(List.of("q0", "q1"), m.labels());
        assertTrue(d.labels().contains("3"), "the input is unchanged");
    }

    @Test
    void theDeadStateStaysExplicit() {
        Dfa m = Minimizer.minimize(Fixtures.abStar());
        assertEquals(2, m.deadState().orElseThrow());   // BFS: q0 = p, q1 = q (after a), q2 = dead (after b)
        Dfa none = Minimizer.minimize(Regexes.compile("∅", Fixtures.AB));
        assertEquals(1, none.numStates());
        assertEquals(0, none.deadState().orElseThrow());
    }

    private static PropertyLoop<Dfa> dfas(int trials) {
        return PropertyLoop.forAll(Generators.dfas(8, 3)).trials(trials).sizes(1, 8).describedBy(Generators::describe);
    }

    @Test
    void minimisationPreservesTheLanguageOnAllWordsUpToLength8() {
        dfas(300).check(MinimizerTest::preservesTheLanguageUpToLength8);
    }

    private static void preservesTheLanguageUpToLength8(Dfa d) {
        Dfa m = Minimizer.minimize(d);
        for (Word w : Fixtures.words(d.alphabet(), 8)) {
            assertEquals(d.accepts(w), m.accepts(w), w.toString());
        }
        assertTrue(m.numStates() <= d.numStates());
    }

    @Test
    void hopcroftAndMooreGiveTheSameCanonicalDfa() {
        dfas(500).check(MinimizerTest::hopcroftAgreesWithMoore);
    }

    private static void hopcroftAgreesWithMoore(Dfa d) {
        Dfa fast = Minimizer.minimize(d);
        Dfa slow = Minimizer.minimizeReference(d);
        assertEquals(slow.numStates(), fast.numStates(), "states (Moore, Hopcroft)");
        assertEquals(slow.startState(), fast.startState(), "start state");
        assertArrayEquals(slow.transitionTable(), fast.transitionTable(), "transition table");
        assertArrayEquals(slow.acceptingStates(), fast.acceptingStates(), "accepting states");
    }

    @Test
    void minimalDfasHaveNoEquivalentStatesAndAreFixedPoints() {
        dfas(300).check(MinimizerTest::minimalHasNoEquivalentStates);
    }

    private static void minimalHasNoEquivalentStates(Dfa d) {
        Dfa m = Minimizer.minimize(d);
        assertTrue(Minimizer.isMinimal(m));
        for (int p = 0; p < m.numStates(); p++) {
            for (int q = p + 1; q < m.numStates(); q++) {
                assertTrue(Equivalence.separatingWord(Dfas.withStart(m, p), Dfas.withStart(m, q)).isPresent());
            }
        }
        int dead = 0;
        for (boolean live : Dfas.coReachable(m)) {
            dead += live ? 0 : 1;
        }
        assertTrue(dead <= 1);
    }
}
