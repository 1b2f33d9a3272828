package statescope.lang;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * A word over an {@link Alphabet}: a sequence of symbol indices. Immutable.
 *
 * <p>{@link #parse} reads text: over a single-character alphabet each character is a symbol (white
 * space is ignored); otherwise symbols are separated by white space. An unknown symbol is an
 * {@link IllegalArgumentException} naming the symbol, its position and the alphabet.
 */
public final class Word {

    private final Alphabet alphabet;
    private final int[] symbols;

    private Word(Alphabet alphabet, int[] symbols) {
        this.alphabet = alphabet;
        this.symbols = symbols;
    }

    /** A word of the given symbol indices (copied and checked). */
    public static Word of(Alphabet alphabet, int... symbols) {
        for (int i = 0; i < symbols.length; i++) {
            if (symbols[i] < 0 || symbols[i] >= alphabet.size()) {
                throw new IllegalArgumentException("symbol index " + symbols[i] + " at position " + (i + 1)
                        + " is outside the alphabet " + alphabet);
            }
        }
        return new Word(alphabet, symbols.clone());
    }

    public static Word empty(Alphabet alphabet) {
        return new Word(alphabet, new int[0]);
    }

    /** Parses text into a word; see the class comment for the format. */
    public static Word parse(Alphabet alphabet, String text) {
        var out = new ArrayList<Integer>();
        if (alphabet.singleCharacters()) {
            int pos = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                pos++;
                if (Character.isWhitespace(cp)) {
                    continue;
                }
                String s = new String(Character.toChars(cp));
                out.add(lookup(alphabet, s, pos));
            }
        } else {
            String trimmed = text.strip();
            if (!trimmed.isEmpty()) {
                String[] parts = trimmed.split("\\s+");
                for (int i = 0; i < parts.length; i++) {
                    try {
                        out.add(lookup(alphabet, parts[i], i + 1));
                    } catch (IllegalArgumentException e) {
                        String split = split(alphabet, parts[i]);
                        throw split == null ? e : new IllegalArgumentException("unknown symbol '" + cut(parts[i])
                                + "' at position " + (i + 1) + ": type it as " + cut(split)
                                + " (spaces between symbols of more than one character)", e);
                    }
                }
            }
        }
        return new Word(alphabet, out.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * {@code text} written as symbols of the alphabet separated by spaces ("(a(bb)a)" → "(a (b b) a)"), or
     * null when it is no concatenation of symbols (at each point the longest symbol that the rest can follow,
     * found from the end of the text backwards).
     */
    static String split(Alphabet alphabet, String text) {
        int n = text.length();
        int[] next = new int[n + 1];                                    // next[i]: where the symbol at i ends, or −1
        Arrays.fill(next, -1);
        next[n] = n;
        for (int i = n - 1; i >= 0; i--) {                              // from the end: a split of text[i..] exists
            for (String sym : alphabet.symbols()) {
                int end = i + sym.length();
                if (end <= n && next[end] >= 0 && text.startsWith(sym, i)
                        && (next[i] < 0 || end > next[i])) {
                    next[i] = end;
                }
            }
        }
        if (next[0] < 0) {
            return null;
        }
        var out = new StringBuilder();
        for (int i = 0; i < n; i = next[i]) {
            out.append(out.isEmpty() ? "" : " ").append(text, i, next[i]);
        }
        return out.toString();
    }

    /** A pasted text's start in a message: its first 40 characters and "…". */
    private static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static int lookup(Alphabet alphabet, String s, int pos) {
        int idx = alphabet.indexOf(s);
        if (idx < 0) {
            throw new IllegalArgumentException("unknown symbol '" + cut(s) + "' at position " + pos
                    + "; the alphabet is " + alphabet);
        }
        return idx;
    }

    public Alphabet alphabet() {
        return alphabet;
    }

    public int length() {
        return symbols.length;
    }

    public int at(int i) {
        return symbols[i];
    }

    /** A copy of the symbol indices. */
    public int[] toArray() {
        return symbols.clone();
    }

    public Word append(int symbol) {
        int[] s = Arrays.copyOf(symbols, symbols.length + 1);
        s[symbols.length] = symbol;
        return of(alphabet, s);
    }

    public Word concat(Word other) {
        int[] s = Arrays.copyOf(symbols, symbols.length + other.symbols.length);
        System.arraycopy(other.symbols, 0, s, symbols.length, other.symbols.length);
        return new Word(alphabet, s);
    }

    public Word prefix(int length) {
        return new Word(alphabet, Arrays.copyOf(symbols, length));
    }

    /** This word repeated {@code k} times. */
    public Word power(int k) {
        int[] s = new int[symbols.length * k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(symbols, 0, s, i * symbols.length, symbols.length);
        }
        return new Word(alphabet, s);
    }

    /** The word as text: concatenated for single-character alphabets, space-separated otherwise; ε if empty. */
    @Override
    public String toString() {
        if (symbols.length == 0) {
            return "ε";
        }
        var sb = new StringBuilder();
        for (int i = 0; i < symbols.length; i++) {
            if (i > 0 && !alphabet.singleCharacters()) {
                sb.append(' ');
            }
            sb.append(alphabet.symbol(symbols[i]));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Word w && w.alphabet.equals(alphabet) && Arrays.equals(w.symbols, symbols);
    }

    @Override
    public int hashCode() {
        return 31 * alphabet.hashCode() + Arrays.hashCode(symbols);
    }
}
