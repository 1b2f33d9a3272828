package statescope.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Reproductions of issue 18 (resources): inputs within the documented caps finish, inputs beyond them
 * are refused with a {@link LimitExceededException} or {@link DfaFormatException} naming the cap.
 * Each input is generated here. The timeouts only guard against a hang (the inputs took 20 to 40 s and
 * several GB before the fix, and ran out of the test heap); they make no speed claim.
 */
@Timeout(60)
class ResourceBoundsTest {

    /** A .jff automaton with the given states (0 initial, the last final) and (from, to, read) transitions. */
    static String jff(int states, List<String[]> transitions) {
        var sb = new StringBuilder("<structure><type>fa</type><automaton>");
        for (int i = 0; i < states; i++) {
            sb.append("<state id=\"").append(i).append("\">").append(i == 0 ? "<initial/>" : "")
                    .append(i == states - 1 ? "<final/>" : "").append("</state>");
        }
        for (String[] t : transitions) {
            sb.append("<transition><from>").append(t[0]).append("</from><to>").append(t[1])
                    .append("</to><read>").append(t[2]).append("</read></transition>");
        }
        return sb.append("</automaton></structure>").toString();
    }

    private static String randomWord(SplittableRandom rnd, int length) {
        var w = new StringBuilder();
        for (int j = 0; j < length; j++) {
            w.append((char) ('a' + rnd.nextInt(3)));
        }
        return w.toString();
    }

    @Test
    void twentyThousandEqualAlternativesCompileToFourStates() {
        String regex = String.join("|", Collections.nCopies(20_000, "ab"));   // 60 KB
        Dfa d = Regexes.compile(regex);
        assertEquals(4, d.numStates());
        assertTrue(d.accepts(Word.parse(d.alphabet(), "ab")));
        assertFalse(d.accepts(Word.parse(d.alphabet(), "abab")));
    }

    @Test
    void aLargeAlphabetDoesNotCostStatesTimesSymbols() {
        // 80,000 NFA states over 1,000 symbols: a dense [states][symbols] table would hold 80 million arrays
        var symbols = new ArrayList<String>();
        for (int i = 0; i < 1000; i++) {
            symbols.add(Character.toString(0x4E00 + i));
        }
        symbols.set(0, "a");
        symbols.set(1, "b");
        Alphabet sigma = Alphabet.of(symbols.stream().sorted().toList());
        Dfa d = Regexes.compile(String.join("|", Collections.nCopies(20_000, "ab")), sigma);
        assertEquals(4, d.numStates());
    }

    @Test
    void manyMultiCharacterReadsCountAgainstTheStateCap() {
        var rnd = new SplittableRandom(18);
        var ts = new ArrayList<String[]>();
        for (int i = 0; i < 4000; i++) {                        // 4,000 reads of 20 characters: 76,000 added states
            ts.add(new String[] {"0", "1", randomWord(rnd, 20)});
        }
        String xml = jff(2, ts);                                 // about 330 KB
        var e = assertThrows(DfaFormatException.class, () -> Jflap.read(xml));
        assertTrue(e.getMessage().contains("more than the limit of " + Jflap.MAX_STATES + " states"), e.getMessage());
    }

    @Test
    void multiCharacterReadsUpToTheCapAreRead() {
        var rnd = new SplittableRandom(7);
        var ts = new ArrayList<String[]>();
        var words = new ArrayList<String>();
        for (int i = 0; i < 499; i++) {                         // 2 + 499 * 20 = 9,982 states
            String w = randomWord(rnd, 21);
            words.add(w);
            ts.add(new String[] {"0", "1", w});
        }
        Nfa n = Jflap.readNfa(jff(2, ts), null);
        assertEquals(2 + 499 * 20, n.numStates());
        Dfa d = Jflap.read(jff(2, ts));
        for (String w : words.subList(0, 50)) {
            assertTrue(d.accepts(Word.parse(d.alphabet(), w)), w);
            assertFalse(d.accepts(Word.parse(d.alphabet(), w.substring(1))), w);
        }
    }

    @Test
    void aBlowUpIsRefusedAtTheStateCapAndTheLimitRaisesIt() {
        // (a|b)*a(a|b){n} needs 2^(n+1) subsets
        var e = assertThrows(LimitExceededException.class, () -> Regexes.compile("(a|b)*a(a|b){20}"));
        assertTrue(e.getMessage().contains("grew beyond 200000 states"), e.getMessage());
        assertTrue(e.getMessage().contains("--construction-limit"), e.getMessage());
        Limits small = Limits.DEFAULT.withMaxConstructionStates(1000);
        assertThrows(LimitExceededException.class, () -> Regexes.compile("(a|b)*a(a|b){10}", null, small));
        assertEquals(1 << 11, Regexes.compile("(a|b)*a(a|b){10}", null, small.withConstructionScale(3)).numStates());
        assertThrows(IllegalArgumentException.class, () -> Limits.DEFAULT.withConstructionScale(0));
        assertThrows(IllegalArgumentException.class,
                () -> Limits.DEFAULT.withConstructionScale(Limits.MAX_CONSTRUCTION_SCALE + 1));
    }

    @Test
    void theStepCapBoundsTheTimeOfADenseNfa() {
        // 2,000 states, each reading a to the next and back to 0, b to the next and to itself
        int n = 2000;
        var ts = new ArrayList<String[]>();
        for (int i = 0; i < n - 1; i++) {
            String q = Integer.toString(i);
            String r = Integer.toString(i + 1);
            ts.add(new String[] {q, r, "a"});
            ts.add(new String[] {q, "0", "a"});
            ts.add(new String[] {q, r, "b"});
            ts.add(new String[] {q, q, "b"});
        }
        Limits few = new Limits(5000, 100_000, 50_000_000L, 200_000, 20_000_000L, 2_000_000L);
        String xml = jff(n, ts);
        var e = assertThrows(LimitExceededException.class, () -> Jflap.read(xml, null, few));
        assertTrue(e.getMessage().contains("more than 2000000 steps"), e.getMessage());
        assertTrue(e.getMessage().contains("--construction-limit"), e.getMessage());
    }

    @Test
    void tooManyTransitionsAreRefusedBeforeTheyAreStored() {
        var sb = new StringBuilder("[");
        for (int i = 0; i < 30_000; i++) {
            sb.appendCodePoint(0x4E00 + i);
        }
        String regex = sb.append("]{1000}").toString();          // 30 million transitions
        var e = assertThrows(LimitExceededException.class, () -> Regexes.compile(regex));
        assertTrue(e.getMessage().contains("more than " + Nfa.MAX_TRANSITIONS + " transitions"), e.getMessage());
    }

    @Test
    void labelsOfLargeSubsetsAreShortened() {
        var ts = new ArrayList<String[]>();
        for (int i = 1; i < 40; i++) {
            ts.add(new String[] {"0", Integer.toString(i), "a"});
            ts.add(new String[] {Integer.toString(i), Integer.toString(i), "a"}); // each reads: none is dropped
        }
        Dfa d = Jflap.read(jff(40, ts));
        String label = d.label(d.next(0, d.alphabet().indexOf("a")));
        assertTrue(label.endsWith(",… +" + (39 - Nfa.MAX_LABEL_MEMBERS) + "}"), label);
    }

    @Test
    void closureIsTheEpsilonReachableSet() {
        var b = new Nfa.Builder(Alphabet.ofChars("a"));
        for (int i = 0; i < 100; i++) {
            b.addState(false);
        }
        for (int i = 0; i < 99; i++) {
            b.addEpsilon(i, i + 1);
        }
        b.addEpsilon(99, 50).addStart(0).addTransition(99, 0, 0);
        Nfa n = b.build();
        var from60 = new BitSet();
        from60.set(60);
        var c = n.closure(from60);
        assertEquals(50, c.cardinality());
        assertEquals(50, c.nextSetBit(0));
        assertEquals(0, n.successors(99, 0)[0]);
        assertEquals(0, n.successors(98, 0).length);
    }
}
