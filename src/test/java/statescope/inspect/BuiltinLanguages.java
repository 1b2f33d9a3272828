package statescope.inspect;

import java.util.List;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;
import statescope.lang.DfaBuilder;
import statescope.lang.catalog.CounterMachines;

/**
 * A handful of languages built in code (parity, (aa)*, Tomita 1 and 2, flip-flop, Dyck-1), so the UI
 * has something to show before or without the full catalog. Each follows the target encoding of
 * paper.md §3.1.
 */
public final class BuiltinLanguages {

    private BuiltinLanguages() {
    }

    /** All built-in languages, flip-flop first (the start-up demo). */
    public static List<LanguageEntry> all() {
        return List.of(flipFlop(), parity(), aaStar(), tomita1(), tomita2(), dyck1());
    }

    public static LanguageEntry parity() {
        var ab = Alphabet.ofChars("01");
        Dfa dfa = new DfaBuilder(ab).start("even").accept("even")
                .on("even", "0", "even").on("even", "1", "odd")
                .on("odd", "0", "odd").on("odd", "1", "even").build();
        return new LanguageEntry("parity", "Parity", "even number of 1s", "non-star-free", false,
                Reference.membership(dfa), "0110");
    }

    public static LanguageEntry aaStar() {
        var ab = Alphabet.ofChars("a");
        Dfa dfa = new DfaBuilder(ab).start("even").accept("even")
                .on("even", "a", "odd").on("odd", "a", "even").build();
        return new LanguageEntry("aa-star", "(aa)*", "words of even length over {a}", "non-star-free", false,
                Reference.membership(dfa), "aaaaa");
    }

    public static LanguageEntry tomita1() {
        var ab = Alphabet.ofChars("01");
        Dfa dfa = new DfaBuilder(ab).start("q0").accept("q0").on("q0", "1", "q0").build();
        return new LanguageEntry("tomita-1", "Tomita 1", "1*", "star-free", true,
                Reference.nextSymbols(dfa), "1111");
    }

    public static LanguageEntry tomita2() {
        var ab = Alphabet.ofChars("01");
        Dfa dfa = new DfaBuilder(ab).start("q0").accept("q0")
                .on("q0", "1", "q1").on("q1", "0", "q0").build();
        return new LanguageEntry("tomita-2", "Tomita 2", "(10)*", "star-free", true,
                Reference.nextSymbols(dfa), "101010");
    }

    /**
     * Flip-flop over instructions {@code w b}, {@code r b}, {@code i b} (b a bit): every read returns
     * the last written bit; the first instruction writes.
     */
    public static LanguageEntry flipFlop() {
        var ab = Alphabet.ofChars("wri01");
        var b = new DfaBuilder(ab).start("start").accept("m=0", "m=1");
        b.on("start", "w", "w:?");
        b.on("w:?", "0", "m=0").on("w:?", "1", "m=1");
        for (String m : List.of("0", "1")) {
            String mem = "m=" + m;
            b.on(mem, "w", "w:?").on(mem, "r", "r:" + m).on(mem, "i", "i:" + m);
            b.on("r:" + m, m, mem);
            b.on("i:" + m, List.of("0", "1"), mem);
        }
        return new LanguageEntry("flip-flop", "Flip-flop", "w/r/i instructions; a read returns the last write",
                "star-free", true, Reference.nextSymbols(b.build()), "w1i0i1r1w0i1r0");
    }

    /** Dyck-1 on the catalog's one-counter machine (the depth), with next-symbol bits. */
    public static LanguageEntry dyck1() {
        return new LanguageEntry("dyck-1", "Dyck-1", "balanced brackets, one type", "counter", false,
                Reference.nextSymbols(new CounterMachines.Shuffle(Alphabet.ofChars("()"))), "(()(()))");
    }
}
