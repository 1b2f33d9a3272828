package statescope.lang;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A finite, ordered alphabet of symbols. A symbol is a non-empty string without white space (most
 * are one character, like {@code 0} or {@code (}); its index is its position in the alphabet and is
 * what automata and models see. Immutable.
 */
public final class Alphabet {

    private final List<String> symbols;
    private final Map<String, Integer> index;
    private final boolean singleCharacters;

    private Alphabet(List<String> symbols) {
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("an alphabet needs at least one symbol");
        }
        this.symbols = List.copyOf(symbols);
        this.index = new HashMap<>();
        boolean single = true;
        for (int i = 0; i < this.symbols.size(); i++) {
            String s = Objects.requireNonNull(this.symbols.get(i), "symbol");
            if (s.isEmpty() || s.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("symbol " + (i + 1) + " is empty or contains white space");
            }
            if (index.put(s, i) != null) {
                throw new IllegalArgumentException("symbol '" + s + "' appears twice in the alphabet");
            }
            single &= s.codePointCount(0, s.length()) == 1;
        }
        this.singleCharacters = single;
    }

    /** An alphabet of the given symbols, in this order. */
    public static Alphabet of(String... symbols) {
        return new Alphabet(List.of(symbols));
    }

    /** An alphabet of the given symbols, in this order. */
    public static Alphabet of(List<String> symbols) {
        return new Alphabet(new ArrayList<>(symbols));
    }

    /** An alphabet of single characters, e.g. {@code ofChars("01")}. */
    public static Alphabet ofChars(String chars) {
        var list = new ArrayList<String>();
        chars.codePoints().forEach(cp -> list.add(new String(Character.toChars(cp))));
        return new Alphabet(list);
    }

    public int size() {
        return symbols.size();
    }

    public String symbol(int i) {
        return symbols.get(i);
    }

    public List<String> symbols() {
        return Collections.unmodifiableList(symbols);
    }

    /** The index of a symbol, or -1 when it is not in the alphabet. */
    public int indexOf(String symbol) {
        Integer i = index.get(symbol);
        return i == null ? -1 : i;
    }

    public boolean contains(String symbol) {
        return index.containsKey(symbol);
    }

    /** True when every symbol is one character, so words can be written without separators. */
    public boolean singleCharacters() {
        return singleCharacters;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Alphabet a && a.symbols.equals(symbols);
    }

    @Override
    public int hashCode() {
        return symbols.hashCode();
    }

    @Override
    public String toString() {
        return "{" + String.join(", ", symbols) + "}";
    }
}
