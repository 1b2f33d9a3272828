package statescope.lang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.TreeSet;

/**
 * Compiles regexes of the dialect of {@link RegexParser} to minimal DFAs: parse, resolve symbols
 * against the alphabet, Thompson's construction to an ε-NFA, the subset construction, then
 * {@link Minimizer#minimize}.
 */
public final class Regexes {

    /** Most NFA states Thompson's construction may create (bounded repetitions multiply copies). */
    public static final int MAX_NFA_STATES = 200_000;

    private Regexes() {
    }

    /** The minimal DFA of a regex over the alphabet of its literal symbols (sorted by code point). */
    public static Dfa compile(String regex) {
        Regex tree = RegexParser.parse(regex);
        return compile(tree, inferAlphabet(tree), regex, Limits.DEFAULT);
    }

    /**
     * The minimal DFA of a regex over the given alphabet.
     *
     * @throws RegexSyntaxException when the regex does not parse or names a symbol outside the alphabet
     * @throws LimitExceededException when the automaton grows beyond {@link Limits#DEFAULT}
     */
    public static Dfa compile(String regex, Alphabet alphabet) {
        return compile(RegexParser.parse(regex), alphabet, regex, Limits.DEFAULT);
    }

    /**
     * The minimal DFA of a regex under the given limits on the intermediate DFA.
     *
     * @param alphabet the alphabet, or null for the regex's symbols
     */
    public static Dfa compile(String regex, Alphabet alphabet, Limits limits) {
        Regex tree = RegexParser.parse(regex);
        return compile(tree, alphabet == null ? inferAlphabet(tree) : alphabet, regex, limits);
    }

    private static Dfa compile(Regex tree, Alphabet alphabet, String text, Limits limits) {
        Nfa nfa = toNfa(tree, alphabet, text);
        return Minimizer.minimize(nfa.toDfa(limits));
    }

    /**
     * The alphabet of the symbols a regex lists, sorted by code point.
     *
     * @throws IllegalArgumentException when the regex lists no symbol at all
     */
    public static Alphabet inferAlphabet(Regex tree) {
        var found = new TreeSet<Integer>();
        collect(tree, found);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("the regex names no symbol (as a and b in (ab)*a), so it has no "
                    + "alphabet; name at least one (statescope starfree also takes --alphabet)");
        }
        var symbols = new ArrayList<String>();
        for (int cp : found) {
            symbols.add(Character.toString(cp));
        }
        return Alphabet.of(symbols);
    }

    private static void collect(Regex r, TreeSet<Integer> out) {
        switch (r) {
            case Regex.Symbols s -> s.symbols().forEach(x -> out.add(x.codePointAt(0)));
            case Regex.Concat c -> c.parts().forEach(p -> collect(p, out));
            case Regex.Union u -> u.alternatives().forEach(p -> collect(p, out));
            case Regex.Star s -> collect(s.inner(), out);
            case Regex.Plus p -> collect(p.inner(), out);
            case Regex.Maybe m -> collect(m.inner(), out);
            case Regex.Repeat rep -> collect(rep.inner(), out);
            case Regex.Empty e -> { }
            case Regex.Epsilon e -> { }
        }
    }

    /**
     * The ε-NFA of a regex tree by Thompson's construction (one start, one accepting state).
     *
     * @param text the regex text, for error messages
     */
    public static Nfa toNfa(Regex tree, Alphabet alphabet, String text) {
        var t = new Thompson(new Nfa.Builder(alphabet), alphabet, text);
        int[] frag = t.build(tree);
        t.b.addStart(frag[0]);
        t.b.setAccepting(frag[1], true);
        return t.b.build();
    }

    /** The alphabet indices a symbol node stands for, ascending; time ∝ its symbols unless it is negated. */
    static int[] resolve(Regex.Symbols s, Alphabet alphabet, String text) {
        int[] listed = new int[s.symbols().size()];
        int i = 0;
        for (String sym : s.symbols()) {
            int a = alphabet.indexOf(sym);
            if (a < 0) {
                throw new RegexSyntaxException(text, s.position(), (s.symbols().size() == 1 && !s.negated()
                        ? "symbol '" + sym + "'" : "the class lists '" + sym + "', which")
                        + " is not in the alphabet " + alphabet);
            }
            listed[i++] = a;
        }
        int[] sorted = Arrays.stream(listed).sorted().distinct().toArray();
        if (!s.negated()) {
            return sorted;
        }
        int[] out = new int[alphabet.size() - sorted.length];
        int n = 0;
        for (int a = 0, j = 0; a < alphabet.size(); a++) {
            if (j < sorted.length && sorted[j] == a) {
                j++;
            } else {
                out[n++] = a;
            }
        }
        return out;
    }

    /**
     * Writes a regex tree back as text of the dialect, with as few parentheses as the precedences
     * allow; parsing the text gives a tree of the same language.
     */
    public static String toText(Regex tree) {
        var sb = new StringBuilder();
        print(tree, 0, sb);
        return sb.toString();
    }

    /** Precedence levels: 0 union, 1 concatenation, 2 postfix, 3 atom. */
    private static void print(Regex r, int level, StringBuilder sb) {
        int own = switch (r) {
            case Regex.Union u -> 0;
            case Regex.Concat c -> 1;
            case Regex.Star s -> 2;
            case Regex.Plus p -> 2;
            case Regex.Maybe m -> 2;
            case Regex.Repeat rep -> 2;
            default -> 3;
        };
        boolean paren = own < level;
        if (paren) {
            sb.append('(');
        }
        switch (r) {
            case Regex.Empty e -> sb.append('∅');
            case Regex.Epsilon e -> sb.append('ε');
            case Regex.Symbols sy -> printSymbols(sy, sb);
            case Regex.Union u -> {
                for (int i = 0; i < u.alternatives().size(); i++) {
                    if (i > 0) {
                        sb.append('|');
                    }
                    print(u.alternatives().get(i), 1, sb);
                }
            }
            case Regex.Concat c -> {
                if (c.parts().isEmpty()) {
                    sb.append('ε');
                }
                for (Regex part : c.parts()) {
                    print(part, 2, sb);
                }
            }
            case Regex.Star st -> postfix(st.inner(), "*", sb);
            case Regex.Plus p -> postfix(p.inner(), "+", sb);
            case Regex.Maybe m -> postfix(m.inner(), "?", sb);
            case Regex.Repeat rep -> postfix(rep.inner(), "{" + rep.min()
                    + (rep.max() == rep.min() ? "" : "," + (rep.max() < 0 ? "" : rep.max())) + "}", sb);
        }
        if (paren) {
            sb.append(')');
        }
    }

    private static void postfix(Regex inner, String op, StringBuilder sb) {
        print(inner, 3, sb);
        sb.append(op);
    }

    private static void printSymbols(Regex.Symbols sy, StringBuilder sb) {
        if (!sy.negated() && sy.symbols().size() == 1) {
            String s = sy.symbols().get(0);
            if (RegexParser.isMeta(s.codePointAt(0))) {
                sb.append('\\');
            }
            sb.append(s);
            return;
        }
        if (sy.negated() && sy.symbols().isEmpty()) {
            sb.append('.');
            return;
        }
        sb.append(sy.negated() ? "[^" : "[");
        for (String s : sy.symbols()) {
            if ("]\\-^".indexOf(s.codePointAt(0)) >= 0) {
                sb.append('\\');
            }
            sb.append(s);
        }
        sb.append(']');
    }

    private static final class Thompson {
        final Nfa.Builder b;
        final Alphabet alphabet;
        final String text;
        final IdentityHashMap<Regex.Symbols, int[]> resolved = new IdentityHashMap<>(); // copies of r{n,m}

        Thompson(Nfa.Builder b, Alphabet alphabet, String text) {
            this.b = b;
            this.alphabet = alphabet;
            this.text = text;
        }

        int state() {
            if (b.numStates() >= MAX_NFA_STATES) {
                throw new LimitExceededException("the regex needs more than " + MAX_NFA_STATES
                        + " NFA states; reduce the bounded repetitions r{n,m}");
            }
            return b.addState(false);
        }

        /** Returns {start, end} of a fragment for r. */
        int[] build(Regex r) {
            return switch (r) {
                case Regex.Empty e -> new int[] {state(), state()};
                case Regex.Epsilon e -> {
                    int s = state();
                    int t = state();
                    b.addEpsilon(s, t);
                    yield new int[] {s, t};
                }
                case Regex.Symbols sy -> {
                    int s = state();
                    int t = state();
                    for (int a : resolved.computeIfAbsent(sy, x -> resolve(x, alphabet, text))) {
                        b.addTransition(s, a, t);
                    }
                    yield new int[] {s, t};
                }
                case Regex.Concat c -> {
                    int[] first = build(c.parts().get(0));
                    int end = first[1];
                    for (int i = 1; i < c.parts().size(); i++) {
                        int[] f = build(c.parts().get(i));
                        b.addEpsilon(end, f[0]);
                        end = f[1];
                    }
                    yield new int[] {first[0], end};
                }
                case Regex.Union u -> {
                    int s = state();
                    int t = state();
                    for (Regex alt : u.alternatives()) {
                        int[] f = build(alt);
                        b.addEpsilon(s, f[0]);
                        b.addEpsilon(f[1], t);
                    }
                    yield new int[] {s, t};
                }
                case Regex.Star st -> star(build(st.inner()));
                case Regex.Plus p -> {
                    int[] f = build(p.inner());
                    int s = state();
                    int t = state();
                    b.addEpsilon(s, f[0]);
                    b.addEpsilon(f[1], s);
                    b.addEpsilon(f[1], t);
                    yield new int[] {s, t};
                }
                case Regex.Maybe m -> {
                    int[] f = build(m.inner());
                    int s = state();
                    int t = state();
                    b.addEpsilon(s, f[0]);
                    b.addEpsilon(f[1], t);
                    b.addEpsilon(s, t);
                    yield new int[] {s, t};
                }
                case Regex.Repeat rep -> repeat(rep);
            };
        }

        private int[] star(int[] f) {
            int s = state();
            int t = state();
            b.addEpsilon(s, f[0]);
            b.addEpsilon(f[1], f[0]);
            b.addEpsilon(f[1], t);
            b.addEpsilon(s, t);
            return new int[] {s, t};
        }

        private int[] repeat(Regex.Repeat rep) {
            int s = state();
            int end = s;
            for (int i = 0; i < rep.min(); i++) {
                int[] f = build(rep.inner());
                b.addEpsilon(end, f[0]);
                end = f[1];
            }
            if (rep.max() < 0) {
                int[] f = star(build(rep.inner()));
                b.addEpsilon(end, f[0]);
                end = f[1];
            } else {
                int t = state();
                b.addEpsilon(end, t);
                for (int i = rep.min(); i < rep.max(); i++) {
                    int[] f = build(rep.inner());
                    b.addEpsilon(end, f[0]);
                    b.addEpsilon(f[1], t);
                    end = f[1];
                }
                end = t;
            }
            return new int[] {s, end};
        }
    }
}
