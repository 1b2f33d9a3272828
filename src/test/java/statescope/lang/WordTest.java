package statescope.lang;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Words over an alphabet of symbols longer than one character (bounded Dyck's "(a" and "a)") are typed
 * with spaces between symbols; typed without them, the error shows how to write it.
 */
class WordTest {

    private static final Alphabet BRACKETS = Alphabet.of("(a", "(b", "a)", "b)");

    @Test
    void multiCharacterSymbolsAreSeparatedBySpaces() {
        assertArrayEquals(new int[] {0, 1, 3, 2}, Word.parse(BRACKETS, "(a (b b) a)").toArray());
        var e = assertThrows(IllegalArgumentException.class, () -> Word.parse(BRACKETS, "(a(bb)a)"));
        assertEquals("unknown symbol '(a(bb)a)' at position 1: type it as (a (b b) a) (spaces between symbols of more"
                + " than one character)", e.getMessage());
        var pasted = assertThrows(IllegalArgumentException.class, () -> Word.parse(BRACKETS, "(a(b".repeat(25_000)));
        assertTrue(pasted.getMessage().length() < 200, "a pasted 100,000 characters are not echoed: "
                + pasted.getMessage().length());
        var bad = assertThrows(IllegalArgumentException.class, () -> Word.parse(BRACKETS, "(a(x".repeat(25_000)));
        assertTrue(bad.getMessage().length() < 200, "nor one that is no word: " + bad.getMessage().length());
        var other = assertThrows(IllegalArgumentException.class, () -> Word.parse(BRACKETS, "(a (c"));
        assertTrue(other.getMessage().startsWith("unknown symbol '(c' at position 2") && !other.getMessage().contains("spaces"),
                "no split to offer: " + other.getMessage());
    }

    @Test
    void theSplitBacktracksWhereTheLongestSymbolLeadsNowhere() {
        var ab = Alphabet.of("ab", "aba", "c");
        assertEquals("ab ab", Word.split(ab, "abab"));
        assertEquals("aba c", Word.split(ab, "abac"));
        assertNull(Word.split(ab, "abx"));
    }
}
