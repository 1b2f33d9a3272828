package statescope.lang.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;
import statescope.lang.Word;

/**
 * Every reference machine (DFA, counters, stack) agrees with the language's independent membership
 * predicate on all words up to a length where the count of words stays near 300,000 (12 for binary
 * alphabets), and its "allowed next" sets agree with a brute-force search for a completion.
 */
class DfaAgreementTest {

    static final Catalog CATALOG = CatalogTest.CATALOG;
    static final long BUDGET = 300_000;

    static int maxLength(Alphabet al) {
        long total = 1;
        long layer = 1;
        int len = 0;
        while (len < 12) {
            layer *= al.size();
            if (total + layer > BUDGET) {
                break;
            }
            total += layer;
            len++;
        }
        return len;
    }

    @Test
    void machinesAgreeWithTheDefinitionsOnAllShortWords() {
        for (Language l : CATALOG.languages()) {
            Alphabet al = l.alphabet();
            int maxLen = maxLength(al);
            var m = l.machine();
            int[] accepted = {0};
            forAllWords(al, maxLen, w -> {
                boolean def = l.contains(w);
                assertEquals(def, m.accepts(w), () -> l.id() + " machine vs definition on '" + w + "'");
                l.dfa().ifPresent(d -> assertEquals(def, d.accepts(w), () -> l.id() + " DFA vs definition on '" + w + "'"));
                accepted[0] += def ? 1 : 0;
            });
            if (!l.id().equals("flip-flop") || maxLen >= 4) {
                assertTrue(accepted[0] > 0 || l.id().startsWith("anbncn"), l.id() + ": no word up to length " + maxLen);
            }
        }
    }

    /** allowedNext(c) holds a iff some continuation of prefix·a (length <= depth) is in the language. */
    @Test
    void allowedNextMatchesABruteForceSearch() {
        for (Language l : CATALOG.languages()) {
            Alphabet al = l.alphabet();
            if (l.dfa().isEmpty()) {
                continue; // counters: completions may need long words; covered by the sampler properties
            }
            int prefixLen = Math.min(3, maxLength(al) / 2);
            // the longest shortest completion from a live state bounds the search (from the DFA, as a bound only)
            int depth = longestShortestCompletion(l.dfa().get());
            var m = l.machine();
            forAllWords(al, prefixLen, p -> {
                var c = m.run(p);
                var allowed = m.allowedNext(c);
                for (int a = 0; a < al.size(); a++) {
                    boolean reachable = completable(l, p.append(a), al, depth);
                    assertEquals(reachable, allowed.get(a), l.id() + ": after '" + p + "' symbol " + al.symbol(a));
                }
                assertEquals(!completable(l, p, al, depth), m.isDead(c), l.id() + ": dead after '" + p + "'");
            });
        }
    }

    static int longestShortestCompletion(Dfa d) {
        int n = d.numStates();
        int[] dist = new int[n];
        Arrays.fill(dist, Integer.MAX_VALUE);
        for (int q = 0; q < n; q++) {
            dist[q] = d.isAccepting(q) ? 0 : Integer.MAX_VALUE;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int q = 0; q < n; q++) {
                for (int a = 0; a < d.alphabet().size(); a++) {
                    int t = dist[d.next(q, a)];
                    if (t != Integer.MAX_VALUE && t + 1 < dist[q]) {
                        dist[q] = t + 1;
                        changed = true;
                    }
                }
            }
        }
        return Arrays.stream(dist).filter(x -> x != Integer.MAX_VALUE).max().orElse(0) + 1;
    }

    static boolean completable(Language l, Word p, Alphabet al, int depth) {
        if (l.contains(p)) {
            return true;
        }
        if (depth == 0) {
            return false;
        }
        for (int a = 0; a < al.size(); a++) {
            if (completable(l, p.append(a), al, depth - 1)) {
                return true;
            }
        }
        return false;
    }

    /** Words a language's dead-configuration check reads (all words up to the longest length that fits). */
    static final long DEAD_WORDS = 20_000;
    /** Steps walked, through every symbol, from every dead configuration the short words reach. */
    static final int DEAD_WALK = 16;
    /**
     * Languages of the standard catalog with a dead configuration that the short words reach and walk at
     * least two steps past: 24 of the 32 when the test was written (tomita-5, tomita-6, parity, aa-star,
     * aaaa-star, 012-star-02-star, mod-3 and mod-5 reach none).
     */
    static final int LANGUAGES_WITH_A_DEAD_END = 24;

    /**
     * A dead configuration stays dead whatever follows. Every word up to a length where the count of words
     * stays within {@link #DEAD_WORDS} is traced: once a prefix is dead, every later configuration is
     * dead, not accepting, allows no next symbol, and the word is not in the language by its definition
     * (so dead configurations reached early are followed several steps through every continuation). Every
     * distinct dead configuration met is then walked {@link #DEAD_WALK} steps further through every symbol.
     */
    @Test
    void deadConfigurationsStayDead() {
        var exercised = new ArrayList<String>();
        for (Language l : CATALOG.languages()) {
            var m = l.machine();
            Alphabet al = l.alphabet();
            int maxLen = wordsWithin(al, DEAD_WORDS);
            var dead = new HashSet<ReferenceMachine.Config>();
            int[] furthest = {-1};                                   // most steps read past a first dead prefix
            forAllWords(al, maxLen, w -> {
                var trace = m.trace(w);
                int first = -1;
                for (int i = 0; i < trace.size() && first < 0; i++) {
                    first = m.isDead(trace.get(i)) ? i : -1;
                }
                if (first < 0) {
                    return;
                }
                for (int i = first; i < trace.size(); i++) {
                    var c = trace.get(i);
                    assertTrue(m.isDead(c), () -> l.id() + ": live again after the dead prefix of '" + w + "'");
                    assertFalse(m.accepting(c), () -> l.id() + ": a dead configuration accepts, '" + w + "'");
                    assertTrue(m.allowedNext(c).isEmpty(), () -> l.id() + ": a dead configuration allows a symbol");
                    dead.add(c);
                }
                assertFalse(l.contains(w), () -> l.id() + ": '" + w + "' extends a dead prefix but is in the language");
                furthest[0] = Math.max(furthest[0], w.length() - first);
            });
            var frontier = new HashSet<>(dead);
            for (int step = 0; step < DEAD_WALK; step++) {
                var next = new HashSet<ReferenceMachine.Config>();
                for (var c : frontier) {
                    for (int a = 0; a < al.size(); a++) {
                        var d = m.step(c, a);
                        assertTrue(m.isDead(d) && !m.accepting(d) && m.allowedNext(d).isEmpty(),
                                () -> l.id() + ": " + m.describe(c) + " left the dead configurations");
                        next.add(d);
                    }
                }
                frontier = next;
            }
            if (!dead.isEmpty() && furthest[0] >= 2) {
                exercised.add(l.id());
            }
        }
        assertTrue(exercised.size() >= LANGUAGES_WITH_A_DEAD_END, "languages with a dead configuration checked: " + exercised);
    }

    /** The longest length up to 14 such that all words up to it number at most {@code budget}. */
    static int wordsWithin(Alphabet al, long budget) {
        long total = 1;
        long layer = 1;
        int len = 0;
        while (len < 14) {
            layer *= al.size();
            if (total + layer > budget) {
                return len;
            }
            total += layer;
            len++;
        }
        return len;
    }

    static void forAllWords(Alphabet al, int maxLen, Consumer<Word> f) {
        int k = al.size();
        for (int len = 0; len <= maxLen; len++) {
            int[] w = new int[len];
            while (true) {
                f.accept(Word.of(al, w));
                int i = len - 1;
                while (i >= 0 && w[i] == k - 1) {
                    w[i] = 0;
                    i--;
                }
                if (i < 0) {
                    break;
                }
                w[i]++;
            }
        }
    }
}
