package statescope.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import statescope.PropertyLoop;

class NfaTest {

    /** (a|b)*a(a|b): the second-from-last symbol is a. */
    private static Nfa secondLastIsA() {
        var b = new Nfa.Builder(Fixtures.AB);
        int s = b.addState(false);
        int t = b.addState(false);
        int u = b.addState(true);
        b.addStart(s).addTransition(s, 0, s).addTransition(s, 1, s).addTransition(s, 0, t)
                .addTransition(t, 0, u).addTransition(t, 1, u);
        return b.build();
    }

    @Test
    void subsetConstructionOfSecondLastSymbol() {
        Nfa n = secondLastIsA();
        Dfa d = n.toDfa();
        assertEquals(4, d.numStates());
        assertEquals(4, Minimizer.minimize(d).numStates());
        for (Word w : Fixtures.words(Fixtures.AB, 7)) {
            boolean expected = w.length() >= 2 && w.at(w.length() - 2) == 0;
            assertEquals(expected, d.accepts(w), w.toString());
            assertEquals(expected, n.accepts(w), w.toString());
        }
        assertEquals("q0", d.label(0));
    }

    @Test
    void epsilonMovesAndTheDeadSubset() {
        var b = new Nfa.Builder(Fixtures.AB);
        int s = b.addState(false);
        int t = b.addState(true);
        b.addStart(s).addEpsilon(s, t).addTransition(t, 0, s);
        Dfa d = b.build().toDfa();
        assertTrue(d.accepts(Word.parse(Fixtures.AB, "")));
        assertTrue(d.accepts(Word.parse(Fixtures.AB, "aaa")));
        assertEquals("dead", d.label(d.deadState().orElseThrow()));
        assertEquals("q1", d.label(0));   // the ε-only state q0 is dropped from subsets
    }

    @Test
    void theSubsetCapIsAClearError() {
        // (a|b)*a(a|b)^12 needs 2^13 subsets
        var b = new Nfa.Builder(Fixtures.AB);
        int s = b.addState(false);
        b.addStart(s).addTransition(s, 0, s).addTransition(s, 1, s);
        int prev = b.addState(false);
        b.addTransition(s, 0, prev);
        for (int i = 0; i < 12; i++) {
            int next = b.addState(i == 11);
            b.addTransition(prev, 0, next).addTransition(prev, 1, next);
            prev = next;
        }
        var e = assertThrows(LimitExceededException.class, () -> b.build().toDfa(1000));
        assertTrue(e.getMessage().contains("the subset construction grew beyond 1000 states"), e.getMessage());
        assertEquals(1 << 13, Minimizer.minimize(b.build().toDfa()).numStates());
    }

    @Test
    void subsetConstructionAgreesWithSimulation() {
        PropertyLoop.forAll(Generators.nfas()).trials(300).sizes(1, 6).check(spec -> {
            Nfa n = spec.build();
            Dfa d = n.toDfa();
            for (Word w : Fixtures.words(n.alphabet(), 6)) {
                assertEquals(n.accepts(w), d.accepts(w), w.toString());
            }
        });
    }

    @Test
    void aDfaAsAnNfaKeepsItsLanguage() {
        PropertyLoop.forAll(Generators.dfas(6, 2)).trials(100).sizes(1, 6).describedBy(Generators::describe)
                .check(a -> assertTrue(Equivalence.equivalent(a, Nfa.of(a).toDfa())));
    }
}
