package statescope.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import statescope.PropertyLoop;

class RegexTest {

    private static final Alphabet ABC = Alphabet.ofChars("abc");
    private static final List<String> SYMBOLS = List.of("a", "b", "c");

    private static void sameLanguage(String regex, String expected, Alphabet sigma) {
        assertTrue(Equivalence.equivalent(Regexes.compile(regex, sigma), Regexes.compile(expected, sigma)),
                regex + " vs " + expected);
    }

    @Test
    void operatorsAndPrecedence() {
        sameLanguage("ab*|c", "(a(b*))|c", ABC);
        sameLanguage("a+", "aa*", ABC);
        sameLanguage("a?b", "(a|ε)b", ABC);
        sameLanguage("()", "ε", ABC);
        sameLanguage("[a-c]", "a|b|c", ABC);
        sameLanguage("[^a]", "b|c", ABC);
        sameLanguage(".", "[abc]", ABC);
        sameLanguage("a{2,3}", "aa|aaa", ABC);
        sameLanguage("a{2}", "aa", ABC);
        sameLanguage("a{2,}", "aaa*", ABC);
        sameLanguage("a{0}", "ε", ABC);
        sameLanguage(" a  b |\tc ", "ab|c", ABC);
        sameLanguage("a**", "a*", ABC);
        sameLanguage("(a+)?", "a*", ABC);
        sameLanguage("a|", "a|ε", ABC);
        sameLanguage("a∅|b", "b", ABC);
        assertTrue(Dfas.isEmpty(Regexes.compile("∅", ABC)));
    }

    @Test
    void escapesMakeMetacharactersSymbols() {
        Dfa d = Regexes.compile("(\\(\\))*");
        assertEquals(Alphabet.ofChars("()"), d.alphabet());
        assertTrue(d.accepts(Word.parse(d.alphabet(), "()()")));
        Dfa e = Regexes.compile("[\\]\\-]\\*");
        assertEquals(Alphabet.ofChars("*-]"), e.alphabet());
        assertTrue(e.accepts(Word.parse(e.alphabet(), "-*")));
    }

    @Test
    void theInferredAlphabetIsSortedAndAGivenOneIsKept() {
        assertEquals(Alphabet.ofChars("01"), Regexes.compile("1*0").alphabet());
        assertEquals(Alphabet.ofChars("10"), Regexes.compile("1*0", Alphabet.ofChars("10")).alphabet());
        var e = assertThrows(IllegalArgumentException.class, () -> Regexes.compile(".*"));
        assertTrue(e.getMessage().contains("names no symbol"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "(ab|c;     6; expected ')' to close the group opened at position 1",
        "a)b;       2; unexpected ')' without a matching '('",
        "*a;        1; expected a symbol, '(' or '[' before '*'",
        "a|+;       3; expected a symbol, '(' or '[' before '+'",
        "[ab;       4; expected ']' to close the class opened at position 1",
        "a[];       3; expected a symbol in the class opened at position 2",
        "[c-a];     2; the range c-a is reversed",
        "ab\\;      3; expected a character after '\\'",
        "a{3,2};    2; the repetition {3,2} has its bounds reversed",
        "a{x};      3; expected a number in the repetition opened at position 2",
        "a{2;       4; expected '}' to close the repetition opened at position 2",
        "a{2000};   3; repetition count 2000 is too large (at most 1000)",
        "a{99999999999};  3; repetition count 99999999999 is too large (at most 1000)",
        "a]b;       2; unexpected ']' without a matching '['",
        "((a)|(b;   8; expected ')' to close the group opened at position 6",
    })
    void errorsNameThePositionAndWhatWasExpected(String regex, int position, String problem) {
        var e = assertThrows(RegexSyntaxException.class, () -> RegexParser.parse(regex));
        assertEquals(position, e.position(), e.getMessage());
        assertTrue(e.problem().startsWith(problem), e.getMessage());
        assertTrue(e.getMessage().startsWith("at position " + position + ": " + problem), e.getMessage());
    }

    @Test
    void theMessageShowsACaretUnderThePosition() {
        var e = assertThrows(RegexSyntaxException.class, () -> Regexes.compile("(ab|c"));
        String[] lines = e.getMessage().split("\\R");
        assertEquals(List.of("at position 6: expected ')' to close the group opened at position 1",
                "  (ab|c", "       ^"), List.of(lines));
    }

    @Test
    void aSymbolOutsideTheAlphabetIsReportedWhereItStands() {
        var e = assertThrows(RegexSyntaxException.class, () -> Regexes.compile("a(b|d)", ABC));
        assertEquals(5, e.position());
        assertTrue(e.problem().contains("symbol 'd' is not in the alphabet {a, b, c}"), e.getMessage());
    }

    @Test
    void deepNestingIsRejectedNotAStackOverflow() {
        String deep = "(".repeat(5000) + "a" + ")".repeat(5000);
        var e = assertThrows(RegexSyntaxException.class, () -> RegexParser.parse(deep));
        assertTrue(e.problem().contains("nested deeper than"), e.getMessage());
        assertEquals(1, Regexes.compile("(".repeat(150) + "a" + ")".repeat(150)).numStates() - 2);
    }

    @Test
    void blowUpIsALimitNotAnOutOfMemoryError() {
        var e = assertThrows(LimitExceededException.class, () -> Regexes.compile("((a{1000}){1000}){1000}"));
        assertTrue(e.getMessage().contains("NFA states"), e.getMessage());
    }

    @Test
    void exponentialSubsetConstructionStopsAtTheLimit() {
        // (a|b)*a(a|b){n}: the minimal DFA has 2^(n+1) states
        assertEquals(1 << 9, Regexes.compile("(a|b)*a(a|b){8}").numStates());
        var limits = Limits.DEFAULT.withMaxConstructionStates(1000);
        var e = assertThrows(LimitExceededException.class, () -> Regexes.compile("(a|b)*a(a|b){12}", null, limits));
        assertTrue(e.getMessage().startsWith("the subset construction grew beyond 1000 states"), e.getMessage());
    }

    @Test
    void toTextRoundTrips() {
        for (String r : List.of("ab*|c", "(a|b)*c+", "[^ab]?.", "a{2,}b{1,3}", "\\(|\\*", "(ε|∅)a", "[\\]\\-\\^a]")) {
            Regex tree = RegexParser.parse(r);
            String text = Regexes.toText(tree);
            Alphabet sigma = Alphabet.ofChars("abc()*]-^");
            assertTrue(Equivalence.equivalent(Regexes.compile(r, sigma), Regexes.compile(text, sigma)), r + " -> " + text);
        }
    }

    @Test
    void compiledDfaAgreesWithABacktrackingMatcher() {
        PropertyLoop.forAll(RegexTest::regex).trials(400).sizes(0, 4).describedBy(Regexes::toText)
                .check(RegexTest::compiledAgreesWithBacktracking);
    }

    private static void compiledAgreesWithBacktracking(Regex r) {
        String text = Regexes.toText(r);
        Dfa dfa = Regexes.compile(text, ABC);
        Regex reparsed = RegexParser.parse(text);
        for (Word w : Fixtures.words(ABC, 5)) {
            boolean expected = BacktrackingMatcher.matches(r, w);
            assertEquals(expected, dfa.accepts(w), () -> text + " on " + w);
            assertEquals(expected, BacktrackingMatcher.matches(reparsed, w), () -> text + " reparsed, on " + w);
        }
        assertTrue(Minimizer.isMinimal(dfa));
    }

    /**
     * Random regex trees of depth up to {@code depth}: a leaf is a symbol (weight 8), a class of one or
     * two symbols, maybe negated (2), any symbol, ε or ∅ (1 each); an inner node a leaf (4), a
     * concatenation (3) or union (2) of two or three subtrees, or a star, plus, option or bounded or
     * open repetition of one (1 each).
     */
    static Regex regex(RandomGenerator r, int depth) {
        if (depth == 0) {
            return leaf(r, r.nextInt(13));
        }
        int pick = r.nextInt(13);
        if (pick < 4) {
            return leaf(r, r.nextInt(13));
        } else if (pick < 7) {
            return new Regex.Concat(subtrees(r, depth - 1));
        } else if (pick < 9) {
            return new Regex.Union(subtrees(r, depth - 1));
        }
        Regex x = regex(r, depth - 1);
        return switch (pick) {
            case 9 -> new Regex.Star(x);
            case 10 -> new Regex.Plus(x);
            case 11 -> new Regex.Maybe(x);
            default -> {
                int min = r.nextInt(3);
                int max = r.nextInt(-1, 4);
                yield new Regex.Repeat(x, min, max < 0 ? -1 : Math.max(min, max));
            }
        };
    }

    /** Leaf by weight: 0..7 a symbol, 8..9 a class, 10 any symbol, 11 ε, 12 ∅. */
    private static Regex leaf(RandomGenerator r, int pick) {
        if (pick < 8) {
            return new Regex.Symbols(1, List.of(SYMBOLS.get(r.nextInt(3))), false);
        } else if (pick < 10) {
            var set = new TreeSet<String>();
            for (int i = 1 + r.nextInt(2); i > 0; i--) {
                set.add(SYMBOLS.get(r.nextInt(3)));
            }
            return new Regex.Symbols(1, List.copyOf(set), r.nextBoolean());
        }
        return switch (pick) {
            case 10 -> new Regex.Symbols(1, List.of(), true);
            case 11 -> new Regex.Epsilon();
            default -> new Regex.Empty();
        };
    }

    private static List<Regex> subtrees(RandomGenerator r, int depth) {
        var parts = new ArrayList<Regex>();
        for (int i = 2 + r.nextInt(2); i > 0; i--) {
            parts.add(regex(r, depth));
        }
        return parts;
    }
}
