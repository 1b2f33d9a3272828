package statescope.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import statescope.PropertyLoop;

class EquivalenceTest {

    @Test
    void separatesTomita1FromTomita2WithTheShortestWord() {
        assertEquals(Optional.of("1"), Equivalence.separatingWord(Fixtures.tomita1(), Fixtures.tomita2())
                .map(Word::toString));
        assertEquals(Optional.of("aa"), Equivalence.separatingWord(Fixtures.aaStar(), Fixtures.a4Star())
                .map(Word::toString));
    }

    @Test
    void equivalentDfasHaveNoSeparatingWord() {
        assertEquals(Optional.empty(), Equivalence.separatingWord(Fixtures.parity(),
                Minimizer.minimize(Fixtures.parity())));
        assertTrue(Equivalence.equivalent(Fixtures.tomita7(), Regexes.compile("0*1*0*1*")));
        assertTrue(Equivalence.equivalent(Fixtures.tomita5(), Regexes.compile("(00|11|(01|10)(00|11)*(01|10))*")));
    }

    @Test
    void aLanguageOverFewerSymbolsIsReadInTheLargerAlphabet() {
        assertTrue(Equivalence.sameLanguageOver(Regexes.compile("(10)*"), Fixtures.tomita2()));
        assertTrue(Equivalence.sameLanguageOver(Regexes.compile("1*"), Fixtures.tomita1()), "{1} read in {0, 1}");
        assertTrue(Equivalence.sameLanguageOver(Regexes.compile("(1 0)*", Alphabet.ofChars("10")), Fixtures.tomita2()),
                "symbols matched by name, not by index");
        assertTrue(!Equivalence.sameLanguageOver(Regexes.compile("(01)*"), Fixtures.tomita2()));
        assertTrue(!Equivalence.sameLanguageOver(Regexes.compile("(10)*|2"), Fixtures.tomita2()), "a symbol too many");
        assertTrue(!Equivalence.sameLanguageOver(Regexes.compile("1*"), Fixtures.tomita2()));
    }

    @Test
    void differentAlphabetsAreAClearError() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Equivalence.separatingWord(Fixtures.aaStar(), Fixtures.abStar()));
        assertTrue(e.getMessage().contains("{a}") && e.getMessage().contains("{a, b}"), e.getMessage());
    }

    @Test
    void theSeparatingWordIsAShortestOne() {
        PropertyLoop.forAll(Generators.dfaPairs(5, 2)).trials(300).sizes(1, 5)
                .describedBy(Generators::describe).check(EquivalenceTest::separatingWordIsAShortestOne);
    }

    private static void separatingWordIsAShortestOne(List<Dfa> pair) {
        Dfa a = pair.get(0);
        Dfa b = pair.get(1);
        Optional<Word> sep = Equivalence.separatingWord(a, b);
        // two DFAs with n and m states that differ are separated by a word of length <= n + m - 2,
        // so enumerating up to that length decides equivalence independently
        int bound = Math.max(0, a.numStates() + b.numStates() - 2);
        sep.ifPresent(w -> assertTrue(w.length() <= bound, w + " is longer than " + bound));
        Word firstByEnumeration = null;
        for (Word w : Fixtures.words(a.alphabet(), sep.map(Word::length).orElse(bound))) {
            if (a.accepts(w) != b.accepts(w)) {
                firstByEnumeration = w;
                break;
            }
        }
        if (sep.isEmpty()) {
            assertEquals(null, firstByEnumeration);
            assertEquals(Minimizer.minimize(a).numStates(), Minimizer.minimize(b).numStates());
        } else {
            assertNotEquals(a.accepts(sep.get()), b.accepts(sep.get()));
            assertEquals(firstByEnumeration, sep.get(), "no shorter (or earlier) word separates");
        }
    }

    @Test
    void aDfaIsEquivalentToItsMinimisationAndItsRenumbering() {
        PropertyLoop.forAll(Generators.dfas(7, 3)).trials(200).sizes(1, 7)
                .describedBy(Generators::describe).check(EquivalenceTest::equivalentToItsMinimisationAndRenumbering);
    }

    private static void equivalentToItsMinimisationAndRenumbering(Dfa a) {
        assertEquals(Optional.empty(), Equivalence.separatingWord(a, Minimizer.minimize(a)));
        // reverse the state numbering
        int n = a.numStates();
        int k = a.alphabet().size();
        int[] t = new int[n * k];
        boolean[] acc = new boolean[n];
        for (int q = 0; q < n; q++) {
            acc[n - 1 - q] = a.isAccepting(q);
            for (int s = 0; s < k; s++) {
                t[(n - 1 - q) * k + s] = n - 1 - a.next(q, s);
            }
        }
        assertTrue(Equivalence.equivalent(a, new Dfa(a.alphabet(), n - 1 - a.startState(), t, acc, null)));
    }
}
