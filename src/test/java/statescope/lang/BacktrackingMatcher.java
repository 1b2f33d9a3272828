package statescope.lang;

import java.util.function.IntPredicate;

/**
 * A slow, independent matcher over the regex tree: continuation-passing backtracking, no automata.
 * The reference that {@link Regexes#compile} is checked against.
 */
final class BacktrackingMatcher {

    private final Alphabet alphabet;
    private final int[] w;

    private BacktrackingMatcher(Alphabet alphabet, Word word) {
        this.alphabet = alphabet;
        this.w = word.toArray();
    }

    /** True when the regex matches the whole word. */
    static boolean matches(Regex r, Word word) {
        var m = new BacktrackingMatcher(word.alphabet(), word);
        return m.match(r, 0, end -> end == m.w.length);
    }

    /** Tries to match r at position i; k is called with each possible end until it says yes. */
    private boolean match(Regex r, int i, IntPredicate k) {
        return switch (r) {
            case Regex.Empty e -> false;
            case Regex.Epsilon e -> k.test(i);
            case Regex.Symbols s -> i < w.length && s.symbols().contains(alphabet.symbol(w[i])) != s.negated()
                    && k.test(i + 1);
            case Regex.Concat c -> concat(c, 0, i, k);
            case Regex.Union u -> u.alternatives().stream().anyMatch(alt -> match(alt, i, k));
            case Regex.Star s -> star(s.inner(), i, k);
            case Regex.Plus p -> match(p.inner(), i, j -> star(p.inner(), j, k));
            case Regex.Maybe m -> k.test(i) || match(m.inner(), i, k);
            case Regex.Repeat rep -> repeat(rep, 0, i, k);
        };
    }

    private boolean concat(Regex.Concat c, int part, int i, IntPredicate k) {
        if (part == c.parts().size()) {
            return k.test(i);
        }
        return match(c.parts().get(part), i, j -> concat(c, part + 1, j, k));
    }

    /** Zero or more, each further iteration consuming at least one symbol (so it terminates). */
    private boolean star(Regex inner, int i, IntPredicate k) {
        return k.test(i) || match(inner, i, j -> j > i && star(inner, j, k));
    }

    private boolean repeat(Regex.Repeat rep, int count, int i, IntPredicate k) {
        if (count >= rep.min() && k.test(i)) {
            return true;
        }
        if (rep.max() >= 0 && count >= rep.max()) {
            return false;
        }
        return match(rep.inner(), i, j -> (j > i || count < rep.min()) && repeat(rep, count + 1, j, k));
    }
}
