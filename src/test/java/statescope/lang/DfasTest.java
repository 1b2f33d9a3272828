package statescope.lang;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import statescope.PropertyLoop;

class DfasTest {

    @Test
    void intersectionOfParityAndTomita1IsEvenRunsOfOnes() {
        Dfa both = Dfas.intersection(Fixtures.parity(), Fixtures.tomita1());
        for (Word w : Fixtures.words(Fixtures.BIN, 6)) {
            boolean expected = !w.toString().contains("0") && w.length() % 2 == 0 || w.length() == 0;
            assertEquals(expected, both.accepts(w), w.toString());
        }
        assertEquals(3, Minimizer.minimize(both).numStates()); // even, odd, dead
    }

    @Test
    void complementFlipsAcceptanceAndLeavesTheInputAlone() {
        Dfa t1 = Fixtures.tomita1();
        boolean[] before = t1.acceptingStates();
        Dfa c = Dfas.complement(t1);
        assertArrayEquals(before, t1.acceptingStates());
        for (Word w : Fixtures.words(Fixtures.BIN, 5)) {
            assertEquals(!t1.accepts(w), c.accepts(w));
        }
        assertTrue(c.deadState().isEmpty(), "the old dead state accepts now");
    }

    @Test
    void differentAlphabetsAreAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> Dfas.union(Fixtures.parity(), Fixtures.abStar()));
        assertTrue(e.getMessage().contains("different alphabets"), e.getMessage());
    }

    @Test
    void trimDropsUnreachableStatesAndMergesTheDeadOnes() {
        // q0 -a-> q1 (accepting), q1 -a-> d1 -a-> d2 -a-> d1; q9 unreachable
        Dfa d = new Dfa(Fixtures.A, 0, new int[] {1, 2, 3, 2, 4}, new boolean[] {false, true, false, false, true},
                List.of("q0", "q1", "d1", "d2", "q9"));
        Dfa t = Dfas.trim(d);
        assertEquals(3, t.numStates());
        assertEquals(List.of("q0", "q1", "dead"), t.labels());
        assertEquals(Optional.of(2), t.deadState());
        assertTrue(Equivalence.equivalent(d, t));
    }

    @Test
    void emptinessAndShortestAcceptedWord() {
        assertEquals("ab", Dfas.shortestAccepted(Dfas.difference(Fixtures.abStar(), Regexes.compile("ε", Fixtures.AB)))
                .orElseThrow().toString());
        assertTrue(Dfas.isEmpty(Dfas.intersection(Fixtures.abStar(), Regexes.compile("a", Fixtures.AB))));
        assertTrue(Dfas.isUniversal(Regexes.compile("[ab]*")));
        assertFalse(Dfas.isEmpty(Fixtures.parity()));
    }

    @Test
    void productOperationsMatchTheirDefinitions() {
        PropertyLoop.forAll(Generators.dfaPairs(5, 3)).trials(200).sizes(1, 5)
                .describedBy(Generators::describe).check(DfasTest::productsMatchTheirDefinitions);
    }

    private static void productsMatchTheirDefinitions(List<Dfa> pair) {
        Dfa a = pair.get(0);
        Dfa b = pair.get(1);
        Dfa and = Dfas.intersection(a, b);
        Dfa or = Dfas.union(a, b);
        Dfa minus = Dfas.difference(a, b);
        Dfa xor = Dfas.symmetricDifference(a, b);
        for (Word w : Fixtures.words(a.alphabet(), 5)) {
            boolean x = a.accepts(w);
            boolean y = b.accepts(w);
            assertEquals(x && y, and.accepts(w), () -> "intersection on '" + w + "'");
            assertEquals(x || y, or.accepts(w), () -> "union on '" + w + "'");
            assertEquals(x && !y, minus.accepts(w), () -> "difference on '" + w + "'");
            assertEquals(x != y, xor.accepts(w), () -> "symmetric difference on '" + w + "'");
        }
    }

    @Test
    void trimKeepsTheLanguageWithAtMostOneDeadState() {
        PropertyLoop.forAll(Generators.dfas(7, 3)).trials(200).sizes(1, 7)
                .describedBy(Generators::describe).check(DfasTest::trimKeepsTheLanguage);
    }

    private static void trimKeepsTheLanguage(Dfa a) {
        Dfa t = Dfas.trim(a);
        assertTrue(Equivalence.equivalent(a, t));
        boolean[] live = Dfas.coReachable(t);
        int dead = 0;
        for (boolean l : live) {
            dead += l ? 0 : 1;
        }
        assertTrue(dead <= 1);
        assertEquals(dead == 1, t.deadState().isPresent());
        for (boolean r : Dfas.reachable(t)) {
            assertTrue(r);
        }
    }
}
