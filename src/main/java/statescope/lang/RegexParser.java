package statescope.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the regex dialect of StateScope into a {@link Regex} tree. Symbols are single characters.
 *
 * <p>Grammar (EBNF; white space between tokens is ignored, also inside classes):
 * <pre>
 * regex    = union ;
 * union    = concat , { "|" , concat } ;
 * concat   = { postfix } ;                          (* nothing at all means ε *)
 * postfix  = atom , { "*" | "+" | "?" | bounds } ;
 * bounds   = "{" , number , [ "," , [ number ] ] , "}" ;   (* r{n}, r{n,m}, r{n,}; numbers ≤ 1000 *)
 * atom     = symbol | "." | "ε" | "∅" | "(" , union , ")" | class ;
 * class    = "[" , [ "^" ] , item , { item } , "]" ;
 * item     = csymbol , [ "-" , csymbol ] ;              (* a range a-c, by code point *)
 * symbol   = ? any character except white space and  | * + ? ( ) [ ] { } . \ ε ∅ ?
 *          | "\" , ? any character except white space ? ;
 * csymbol  = ? any character except white space and  ] \ - ?
 *          | "\" , ? any character except white space ? ;
 * number   = digit , { digit } ;
 * </pre>
 * Meaning: {@code |} union, juxtaposition concatenation, {@code *} zero or more, {@code +} one or
 * more, {@code ?} zero or one, {@code .} any symbol of the alphabet, {@code [abc]} one of the listed
 * symbols, {@code [^ab]} any alphabet symbol except those, {@code ε} (or {@code ()}) the empty word,
 * {@code ∅} the empty language. Precedence, from tightest: postfix operators, concatenation, union.
 * In a class, {@code ^} negates only in first place and {@code -} is literal in first or last place.
 * A backslash makes the next character a literal symbol ({@code \(}, {@code \*}, {@code \ε}).
 *
 * <p>Errors are {@link RegexSyntaxException}s with the 1-based position and what was expected.
 * Nesting of groups and repetitions is limited to {@value #MAX_DEPTH} levels and the text to
 * {@value #MAX_LENGTH} characters.
 */
public final class RegexParser {

    /** Deepest nesting of groups and repetition operators. */
    public static final int MAX_DEPTH = 200;
    /** Longest regex text, in characters. */
    public static final int MAX_LENGTH = 100_000;
    /** Largest bound in {@code r{n,m}}. */
    public static final int MAX_BOUND = 1000;

    private static final String METAS = "|*+?()[]{}.\\ε∅";

    private final String text;
    private final int[] cps;
    private int pos;    // 0-based index into cps
    private int depth;

    private RegexParser(String text) {
        this.text = text;
        this.cps = text.codePoints().toArray();
    }

    /** Parses a regex; see the class comment for the grammar. */
    public static Regex parse(String regex) {
        if (regex.length() > MAX_LENGTH) {
            throw new RegexSyntaxException(regex.substring(0, 80), 1, "the regex is longer than "
                    + MAX_LENGTH + " characters");
        }
        var p = new RegexParser(regex);
        Regex r = p.union();
        p.skipSpace();
        if (p.pos < p.cps.length) {
            // union() stops only at ')' here
            throw p.error(p.pos, "unexpected ')' without a matching '('");
        }
        return r;
    }

    private RegexSyntaxException error(int index0, String problem) {
        return new RegexSyntaxException(text, index0 + 1, problem);
    }

    private void skipSpace() {
        while (pos < cps.length && Character.isWhitespace(cps[pos])) {
            pos++;
        }
    }

    private int peek() {
        skipSpace();
        return pos < cps.length ? cps[pos] : -1;
    }

    private Regex union() {
        var alts = new ArrayList<Regex>();
        alts.add(concat());
        while (peek() == '|') {
            pos++;
            alts.add(concat());
        }
        return alts.size() == 1 ? alts.get(0) : new Regex.Union(alts);
    }

    private Regex concat() {
        var parts = new ArrayList<Regex>();
        while (true) {
            int c = peek();
            if (c == -1 || c == '|' || c == ')') {
                break;
            }
            parts.add(postfix());
        }
        if (parts.isEmpty()) {
            return new Regex.Epsilon();
        }
        return parts.size() == 1 ? parts.get(0) : new Regex.Concat(parts);
    }

    private Regex postfix() {
        Regex r = atom();
        int ops = 0;
        while (true) {
            int c = peek();
            if (c == '*' || c == '+' || c == '?') {
                pos++;
                r = combine(r, c);
            } else if (c == '{') {
                int open = pos++;
                int min = number(open);
                int max = min;
                if (peek() == ',') {
                    pos++;
                    max = peek() == '}' ? -1 : number(open);
                }
                if (peek() != '}') {
                    throw error(pos, "expected '}' to close the repetition opened at position " + (open + 1));
                }
                pos++;
                if (max != -1 && max < min) {
                    throw error(open, "the repetition {" + min + "," + max + "} has its bounds reversed");
                }
                if (++ops + depth > MAX_DEPTH) {
                    throw error(open, "repetitions nested deeper than " + MAX_DEPTH + " levels");
                }
                r = new Regex.Repeat(r, min, max);
            } else {
                return r;
            }
        }
    }

    /** Applies a postfix operator, folding chains like a** or a+? into one operator. */
    private static Regex combine(Regex r, int op) {
        Regex inner = r;
        int prev = 0;
        if (r instanceof Regex.Star s) {
            inner = s.inner();
            prev = '*';
        } else if (r instanceof Regex.Plus p) {
            inner = p.inner();
            prev = '+';
        } else if (r instanceof Regex.Maybe m) {
            inner = m.inner();
            prev = '?';
        }
        int result = op;
        if (prev != 0 && prev != op) {
            result = '*';          // any two different of * + ? combine to *
        } else if (prev == op) {
            result = op;           // idempotent
        }
        return switch (result) {
            case '*' -> new Regex.Star(inner);
            case '+' -> new Regex.Plus(inner);
            default -> new Regex.Maybe(inner);
        };
    }

    private int number(int open) {
        skipSpace();
        int start = pos;
        long v = 0;
        while (pos < cps.length && cps[pos] >= '0' && cps[pos] <= '9') {
            v = Math.min(v * 10 + (cps[pos] - '0'), Integer.MAX_VALUE);
            pos++;
        }
        if (pos == start) {
            throw error(pos, "expected a number in the repetition opened at position " + (open + 1));
        }
        if (v > MAX_BOUND) {
            // the count as written: a number past int's range is held saturated above
            throw error(start, "repetition count " + new String(cps, start, pos - start) + " is too large (at most "
                    + MAX_BOUND + ")");
        }
        return (int) v;
    }

    private Regex atom() {
        int c = peek();
        int at = pos;
        switch (c) {
            case '(' -> {
                pos++;
                if (++depth > MAX_DEPTH) {
                    throw error(at, "groups nested deeper than " + MAX_DEPTH + " levels");
                }
                Regex inner = union();
                if (peek() != ')') {
                    throw error(pos, "expected ')' to close the group opened at position " + (at + 1));
                }
                pos++;
                depth--;
                return inner;
            }
            case '[' -> {
                return charClass();
            }
            case '.' -> {
                pos++;
                return new Regex.Symbols(at + 1, List.of(), true);
            }
            case 'ε' -> {
                pos++;
                return new Regex.Epsilon();
            }
            case '∅' -> {
                pos++;
                return new Regex.Empty();
            }
            case '*', '+', '?', '{' -> throw error(at, "expected a symbol, '(' or '[' before '"
                    + Character.toString(c) + "' (there is nothing to repeat)");
            case ']' -> throw error(at, "unexpected ']' without a matching '['");
            case '}' -> throw error(at, "unexpected '}' without a matching '{'");
            default -> {
                return new Regex.Symbols(at + 1, List.of(literal("")), false);
            }
        }
    }

    /** A literal symbol at pos: a plain character, or a backslash and the character it escapes. */
    private String literal(String metas) {
        int at = pos;
        int c = cps[pos++];
        if (c == '\\') {
            if (pos >= cps.length) {
                throw error(at, "expected a character after '\\'");
            }
            c = cps[pos++];
            if (Character.isWhitespace(c)) {
                throw error(at + 1, "white space cannot be a symbol");
            }
        } else if (metas.indexOf(c) >= 0) {
            throw error(at, "unexpected '" + Character.toString(c) + "'");
        }
        return Character.toString(c);
    }

    private Regex charClass() {
        int open = pos++;
        boolean negated = false;
        if (peek() == '^') {
            pos++;
            negated = true;
        }
        var symbols = new ArrayList<String>();
        boolean first = true;
        while (true) {
            int c = peek();
            if (c == -1) {
                throw error(pos, "expected ']' to close the class opened at position " + (open + 1));
            }
            if (c == ']') {
                if (symbols.isEmpty()) {
                    throw error(pos, "expected a symbol in the class opened at position " + (open + 1));
                }
                pos++;
                return new Regex.Symbols(open + 1, symbols, negated);
            }
            int at = pos;
            String lo = (c == '-' && first) ? Character.toString(cps[pos++]) : literal("]-");
            first = false;
            if (peek() == '-') {
                int dash = pos++;
                int c2 = peek();
                if (c2 == ']') {          // trailing '-' is literal
                    symbols.add(lo);
                    symbols.add("-");
                    continue;
                }
                if (c2 == -1) {
                    throw error(pos, "expected a symbol after '-' in the class opened at position " + (open + 1));
                }
                String hi = literal("]-");
                int a = lo.codePointAt(0);
                int b = hi.codePointAt(0);
                if (b < a) {
                    throw error(at, "the range " + printable(a) + "-" + printable(b)
                            + " is reversed; expected the lower symbol first");
                }
                if (b - a > 10_000) {
                    throw error(dash, "the range " + printable(a) + "-" + printable(b)
                            + " spans more than 10000 characters");
                }
                for (int x = a; x <= b; x++) {
                    if (Character.isWhitespace(x)) {
                        throw error(at, "the range " + printable(a) + "-" + printable(b)
                                + " includes white space, which cannot be a symbol");
                    }
                    symbols.add(Character.toString(x));
                }
            } else {
                symbols.add(lo);
            }
        }
    }

    private static String printable(int cp) {
        return Character.isISOControl(cp) || Character.isWhitespace(cp)
                ? String.format("U+%04X", cp) : Character.toString(cp);
    }

    static boolean isMeta(int cp) {
        return METAS.indexOf(cp) >= 0;
    }
}
