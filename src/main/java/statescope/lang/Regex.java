package statescope.lang;

import java.util.List;

/**
 * The syntax tree of a regex of our dialect (see {@link RegexParser} for the grammar). Symbols are
 * kept as text so that a tree can be parsed before its alphabet is known; {@link Regexes} resolves
 * them against an alphabet. Positions are 1-based code-point offsets into the regex text.
 */
public sealed interface Regex {

    /** ∅: the empty language. */
    record Empty() implements Regex {
    }

    /** ε: the language of the empty word. */
    record Epsilon() implements Regex {
    }

    /**
     * One symbol out of a set: a literal ({@code a}, one symbol, not negated), a class
     * ({@code [abc]}, {@code [^ab]}) or the wildcard {@code .} (no symbols, negated).
     *
     * @param position where the literal or class starts in the regex text
     * @param symbols the listed symbols, each one character
     * @param negated when true, every alphabet symbol except the listed ones
     */
    record Symbols(int position, List<String> symbols, boolean negated) implements Regex {
        public Symbols {
            symbols = List.copyOf(symbols);
        }
    }

    /** r1 r2 ... rn (n ≥ 2). */
    record Concat(List<Regex> parts) implements Regex {
        public Concat {
            parts = List.copyOf(parts);
        }
    }

    /** r1 | r2 | ... | rn (n ≥ 2). */
    record Union(List<Regex> alternatives) implements Regex {
        public Union {
            alternatives = List.copyOf(alternatives);
        }
    }

    /** r*: zero or more. */
    record Star(Regex inner) implements Regex {
    }

    /** r+: one or more. */
    record Plus(Regex inner) implements Regex {
    }

    /** r?: zero or one. */
    record Maybe(Regex inner) implements Regex {
    }

    /**
     * r{min,max}: between {@code min} and {@code max} repetitions; {@code max == -1} means no upper
     * bound ({@code r{min,}}).
     */
    record Repeat(Regex inner, int min, int max) implements Regex {
    }
}
