package statescope.construct;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;
import statescope.lang.Minimizer;
import statescope.lang.Regexes;
import statescope.lang.StarFree;

/**
 * Seeded random star-free regexes for the compiler's table: random expressions over {a, b} or {a, b, c}
 * (symbols, concatenation, union, star), kept when the language is star-free and its minimal DFA has
 * 3 to {@code maxStates} states. Same seed, same list.
 */
public final class RandomRegexes {

    private RandomRegexes() {
    }

    /** {@code count} distinct regexes (by text), each with its alphabet. */
    public static List<String> generate(int count, long seed, int maxStates) {
        var r = new SplittableRandom(seed);
        var out = new LinkedHashSet<String>();
        int tries = 0;
        while (out.size() < count) {
            if (++tries > 200_000) {
                throw new IllegalStateException("found only " + out.size() + " star-free regexes");
            }
            String sigma = r.nextInt(3) == 0 ? "abc" : "ab";
            String re = expr(r, sigma, 4);
            if (sigma.length() == 3 && re.indexOf('c') < 0) {
                continue;
            }
            Dfa min = Minimizer.minimize(Regexes.compile(re, Alphabet.ofChars(sigma)));
            if (min.numStates() >= 3 && min.numStates() <= maxStates && StarFree.analyze(min).starFree()) {
                out.add(re);
            }
        }
        return new ArrayList<>(out);
    }

    /** The alphabet a generated regex is read over: {a, b, c} when it mentions c, else {a, b}. */
    public static Alphabet alphabetOf(String regex) {
        return Alphabet.ofChars(regex.indexOf('c') >= 0 ? "abc" : "ab");
    }

    private static String expr(SplittableRandom r, String sigma, int depth) {
        int pick = depth == 0 ? 0 : r.nextInt(6);
        return switch (pick) {
            case 0, 1 -> Character.toString(sigma.charAt(r.nextInt(sigma.length())));
            case 2, 3 -> "(" + expr(r, sigma, depth - 1) + expr(r, sigma, depth - 1) + ")";
            case 4 -> "(" + expr(r, sigma, depth - 1) + "|" + expr(r, sigma, depth - 1) + ")";
            default -> "(" + expr(r, sigma, depth - 1) + ")*";
        };
    }
}
