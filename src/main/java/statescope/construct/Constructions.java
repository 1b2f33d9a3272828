package statescope.construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import statescope.construct.LayerBuilder.Channel;
import statescope.construct.LayerBuilder.Gate;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.TargetClass;
import statescope.ssm.GateRange;

/**
 * The paper's constructions (research notes §2.1-§2.5) as exact Mamba models, one method per
 * language. Each reads the catalog language's input vocabulary and writes its protocol targets (one
 * output per target class, read by argmax), except bounded Dyck, whose outputs are the next-token
 * logits of its protocol (K opens, K closes, END; allowed ⟺ logit &gt; 0).
 */
final class Constructions {

    private Constructions() {
    }

    /** Flip-flop, one layer: the memory bit is set to the current bit when the previous token was w. */
    static Constructed flipFlop() {
        Language lang = Catalog.standard().get("flip-flop");
        var m = start(lang);
        int one = tok(lang, "1");
        int dash = tok(lang, "-");
        int w = tok(lang, "w");
        int readsOne = m.sign("a read returns 1");
        var l = m.layer();
        Channel prevW = l.feature("previous token is w", m.tokenIn(w), 1, false);
        int write = l.control("write: previous token is w", Map.of(prevW, 1.0), 0);
        Channel mem = l.flag("memory (last written bit)", m.tokenIn(one), 0, write);
        l.emit(mem, Gate.when("token is -", m.tokenIn(dash)), readsOne, 2);
        m.head(cls(lang, "010"), Form.is(readsOne));
        m.head(cls(lang, "100"), Form.is(m.token(dash)).plus(Form.is(readsOne).times(-1)));
        m.head(cls(lang, "001"), Form.not(m.token(dash)));
        return done(m, lang, GateRange.NONNEGATIVE,
                "1 layer: flag memory, written with the current bit when the previous token was w (the conv)");
    }

    /** Parity with a signed gate: p ← 1 − p on a 1 (Ā = −1, write 1), kept on a 0. */
    static Constructed parity() {
        Language lang = Catalog.standard().get("parity");
        var m = start(lang);
        int odd = m.sign("odd number of 1s");
        var l = m.layer();
        Channel one = l.feature("token is 1", m.tokenIn(tok(lang, "1")), 0, false);
        int flip = l.control("flip on 1", Map.of(one, 1.0), 0);
        Channel p = l.flag("parity (1 = odd)", null, 0, flip);
        l.emit(p, Gate.always(), odd, 2);
        m.head(cls(lang, "1"), Form.not(odd));
        m.head(cls(lang, "0"), Form.is(odd));
        return done(m, lang, GateRange.SIGNED, "1 layer, signed gate: flag parity, p ← 1 − p on 1 (Ā = −1)");
    }

    /** {a,b}*d{b,c}*: one set-only flag "seen d". */
    static Constructed abDbc() {
        Language lang = Catalog.standard().get("ab-d-bc");
        var m = start(lang);
        int seen = m.sign("seen d");
        var l = m.layer();
        Channel d = l.feature("token is d", m.tokenIn(tok(lang, "d")), 0, false);
        Channel f = l.flag("seen d", null, 0, l.control("set on d", Map.of(d, 1.0), 0));
        l.emit(f, Gate.always(), seen, 2);
        m.head(cls(lang, "0110"), Form.is(seen));
        m.head(cls(lang, "1101"), Form.not(seen));
        return done(m, lang, GateRange.NONNEGATIVE, "1 layer: flag seen d (set on d)");
    }

    /** {0,1,2}*02*: flag "last non-2 symbol was 0" (set on 0, reset on 1, kept on 2). */
    static Constructed zeroTwo() {
        Language lang = Catalog.standard().get("012-star-02-star");
        var m = start(lang);
        int mayEnd = m.sign("may end here");
        var l = m.layer();
        Channel nonTwo = l.feature("token is 0 or 1", m.tokenIn(tok(lang, "0"), tok(lang, "1")), 0, false);
        int write = l.control("write on 0 or 1", Map.of(nonTwo, 1.0), 0);
        Channel last0 = l.flag("last non-2 symbol was 0", m.tokenIn(tok(lang, "0")), 0, write);
        l.emit(last0, Gate.when("token is 2", m.tokenIn(tok(lang, "2"))), mayEnd, 2);
        m.head(cls(lang, "1"), Form.is(mayEnd));
        m.head(cls(lang, "0"), Form.not(mayEnd));
        return done(m, lang, GateRange.NONNEGATIVE, "1 layer: flag last non-2 symbol was 0 (set on 0, reset on 1)");
    }

    /** Tomita 1 = 1*: flag "seen 0" (the prefix is dead after a 0); the only live target is {1}. */
    static Constructed tomita1() {
        Language lang = Catalog.standard().get("tomita-1");
        var m = start(lang);
        int seen = m.sign("seen 0");
        var l = m.layer();
        Channel zero = l.feature("token is 0", m.tokenIn(tok(lang, "0")), 0, false);
        l.emit(l.flag("seen 0", null, 0, l.control("set on 0", Map.of(zero, 1.0), 0)), Gate.always(), seen, 2);
        m.head(cls(lang, "01"), Form.constant(1));
        return done(m, lang, GateRange.NONNEGATIVE, "1 layer: flag seen 0 (set on 0)");
    }

    /**
     * Tomita 2 = (10)*: layer 1 marks a bad step (the same symbol twice, or a first 0) from the current
     * and the previous token (the conv); layer 2 keeps a flag "violation seen". The next symbol is the
     * other one than the current.
     */
    static Constructed tomita2() {
        Language lang = Catalog.standard().get("tomita-2");
        var m = start(lang);
        int z = tok(lang, "0");
        int o = tok(lang, "1");
        int bad = m.sign("bad step here");
        int violated = m.sign("violation seen");
        var l1 = m.layer();
        Channel prev0 = l1.feature("previous token is 0 (or none)", m.tokenIn(z), 1, true);
        Channel prev1 = l1.feature("previous token is 1", m.tokenIn(o), 1, false);
        l1.emit(prev0, Gate.when("token is 0", m.tokenIn(z)), bad, 2);
        l1.emit(prev1, Gate.when("token is 1", m.tokenIn(o)), bad, 2);
        var l2 = m.layer();
        Channel b = l2.feature("bad step here", Form.is(bad), 0, false);
        l2.emit(l2.flag("violation seen", null, 0, l2.control("set on a bad step", Map.of(b, 1.0), 0)),
                Gate.always(), violated, 2);
        m.head(cls(lang, "10"), Form.is(m.token(o)));
        m.head(cls(lang, "01"), Form.is(m.token(z)));
        return done(m, lang, GateRange.NONNEGATIVE,
                "2 layers: bad step (current and previous token, via the conv), then flag violation seen");
    }

    /** Tomita 4 (no 000): "the last two tokens are 00" from the conv, and a flag "seen 000". */
    static Constructed tomita4() {
        Language lang = Catalog.standard().get("tomita-4");
        var m = start(lang);
        int z = tok(lang, "0");
        int twoZeros = m.sign("last two tokens are 00");
        int dead = m.sign("seen 000");
        var l = m.layer();
        Channel z0 = l.feature("token is 0", m.tokenIn(z), 0, false);
        Channel z1 = l.feature("previous token is 0", m.tokenIn(z), 1, false);
        Channel z2 = l.feature("token before that is 0", m.tokenIn(z), 2, false);
        Channel seen = l.flag("seen 000", null, 0, l.control("000 here", Map.of(z0, 1.0, z1, 1.0, z2, 1.0), -2));
        l.emit(seen, Gate.always(), dead, 2);
        l.emit(z1, Gate.when("token is 0", m.tokenIn(z)), twoZeros, 2);
        m.head(cls(lang, "01"), Form.is(twoZeros));
        m.head(cls(lang, "11"), Form.not(twoZeros));
        return done(m, lang, GateRange.NONNEGATIVE, "1 layer: 00 at the end (the conv) and flag seen 000");
    }

    /**
     * Tomita 7 = 0*1*0*1*: the textbook cascade of set-only flags, one layer each: seen 1, seen 0 after
     * it, seen 1 after that, seen 0 after that (dead). The next set is {1} in the fourth block.
     */
    static Constructed tomita7() {
        Language lang = Catalog.standard().get("tomita-7");
        var m = start(lang);
        String[] names = {"seen 1", "seen 0 after a 1", "seen 1 after that", "seen 0 after that (dead)"};
        int prev = -1;
        for (int i = 0; i < names.length; i++) {
            int symbol = tok(lang, i % 2 == 0 ? "1" : "0");
            int dim = m.sign(names[i]);
            var l = m.layer();
            Form when = prev < 0 ? m.tokenIn(symbol) : Form.and(m.tokenIn(symbol), Form.is(prev));
            Channel f = l.feature(prev < 0 ? "token is " + (i % 2 == 0 ? "1" : "0")
                    : "token is " + (i % 2 == 0 ? "1" : "0") + " and " + names[i - 1], when, 0, false);
            l.emit(l.flag(names[i], null, 0, l.control("set", Map.of(f, 1.0), 0)), Gate.always(), dim, 2);
            if (i == 2) {
                m.head(cls(lang, "01"), Form.is(dim));
                m.head(cls(lang, "11"), Form.not(dim));
            }
            prev = dim;
        }
        return done(m, lang, GateRange.NONNEGATIVE, "4 layers: a cascade of set-only flags");
    }

    /**
     * aa*bb*cc*dd*ee*: on a live prefix the next set depends on the current letter only; layer 1 marks a
     * step that breaks the order (via the conv), layer 2 keeps a flag "dead".
     */
    static Constructed abcde() {
        Language lang = Catalog.standard().get("abcde-plus");
        var m = start(lang);
        String letters = "abcde";
        int bad = m.sign("bad step here");
        int dead = m.sign("dead");
        var l1 = m.layer();
        for (int c = 0; c < 5; c++) {
            int cur = tok(lang, letters.substring(c, c + 1));
            var badPrev = new ArrayList<Integer>();
            for (int p = 0; p < 5; p++) {
                if (p != c && p != c - 1) {
                    badPrev.add(tok(lang, letters.substring(p, p + 1)));
                }
            }
            Form f = m.tokenIn(badPrev.stream().mapToInt(Integer::intValue).toArray());
            Channel prevBad = l1.feature("previous token cannot precede " + letters.charAt(c), f, 1, c != 0);
            l1.emit(prevBad, Gate.when("token is " + letters.charAt(c), m.tokenIn(cur)), bad, 2);
        }
        var l2 = m.layer();
        Channel b = l2.feature("bad step here", Form.is(bad), 0, false);
        l2.emit(l2.flag("dead", null, 0, l2.control("set on a bad step", Map.of(b, 1.0), 0)), Gate.always(), dead, 2);
        String[] classOf = {"110000", "011000", "001100", "000110", "000011"};
        for (int c = 0; c < 5; c++) {
            m.head(cls(lang, classOf[c]), Form.is(m.token(tok(lang, letters.substring(c, c + 1)))));
        }
        return done(m, lang, GateRange.NONNEGATIVE, "2 layers: bad step (the conv), then flag dead; next set from the letter");
    }

    static ModelBuilder start(Language lang) {
        var vocab = new ArrayList<String>();
        for (int i = 0; i < lang.inputVocabulary().size(); i++) {
            vocab.add(lang.inputVocabulary().symbol(i));
        }
        List<String> outputs = lang.targets().classes().stream().map(TargetClass::name).toList();
        return new ModelBuilder(vocab, outputs);
    }

    static Constructed done(ModelBuilder m, Language lang, GateRange gates, String summary) {
        return new Constructed(m.build(gates, lang.id(), "constructed: " + summary), lang.id(), null,
                Constructed.Readout.CLASSES, summary, false);
    }

    /** The token id of an input symbol. */
    static int tok(Language lang, String symbol) {
        int i = lang.inputVocabulary().indexOf(symbol);
        if (i < 0) {
            throw new IllegalStateException(lang.id() + " has no input symbol " + symbol);
        }
        return i;
    }

    /** The class id of a target bit pattern. */
    static int cls(Language lang, String bits) {
        int c = lang.targets().classOf(bits);
        if (c < 0) {
            throw new IllegalStateException(lang.id() + " has no target class " + bits);
        }
        return c;
    }
}
