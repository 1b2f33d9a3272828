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

    /**
     * D_n, one layer: a bounded counter (the depth), read out as {a}, {a,b} or {b}. For an n without a
     * catalog language the outputs are the next-symbol bits of D_n's DFA (a: d &lt; n, b: d &gt; 0).
     */
    static Constructed dn(int n) {
        if (n < 1 || n > 1 << 20) {
            throw new IllegalArgumentException("D_n needs 1 <= n <= " + (1 << 20) + ", got " + n);
        }
        var catalog = Catalog.standard().find("d-" + n);
        if (catalog.isEmpty() || !catalog.get().id().equals("d-" + n)) {
            return dnBits(n);
        }
        Language lang = catalog.get();
        var m = start(lang);
        int depth = m.count("depth", 20);
        var l = m.layer();
        Channel a = l.feature("token is a", m.tokenIn(tok(lang, "a")), 0, false);
        Channel b = l.feature("token is b", m.tokenIn(tok(lang, "b")), 0, false);
        Channel c = l.counter("depth");
        l.increment(a, 1);
        l.increment(b, -1);
        l.emit(c, Gate.always(), depth, 1);
        m.head(cls(lang, "10"), Form.constant(1).plus(Form.of(depth, -2)));           // 1 − 2d > 0 iff d = 0
        m.head(cls(lang, "01"), Form.of(depth, 2).plus(Form.constant(1 - 2.0 * n)));  // 2d − 2n + 1 > 0 iff d = n
        return done(m, lang, GateRange.NONNEGATIVE, "1 layer: counter depth (+1 on a, −1 on b, Ā = 1)");
    }

    private static Constructed dnBits(int n) {
        var m = new ModelBuilder(List.of("a", "b"), List.of("next a", "next b"));
        int depth = m.count("depth", 20);
        var l = m.layer();
        Channel a = l.feature("token is a", m.tokenIn(0), 0, false);
        Channel b = l.feature("token is b", m.tokenIn(1), 0, false);
        Channel c = l.counter("depth");
        l.increment(a, 1);
        l.increment(b, -1);
        l.emit(c, Gate.always(), depth, 1);
        m.head(0, Form.constant(2.0 * n - 1).plus(Form.of(depth, -2)));            // 2(n − d) − 1 > 0 iff d < n
        m.head(1, Form.of(depth, 2).plus(Form.constant(-1)));                     // 2d − 1 > 0 iff d > 0
        var dfa = Automata.dn(n);
        var cp = m.build(GateRange.NONNEGATIVE, null, "constructed: D_" + n + ", next-symbol bits");
        return new Constructed(cp, null, dfa, Constructed.Readout.BITS,
                "1 layer: counter depth (+1 on a, −1 on b, Ā = 1)", false);
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

    /**
     * a^n b^n: a counter #a − #b (one layer). Class a on an a, on a b class b while the counter is
     * positive and T (end) when it is 0. Exact while the counter and 2·count − 1 are exact in float32.
     */
    static Constructed anbn() {
        Language lang = Catalog.standard().get("anbn");
        var m = start(lang);
        int count = m.count("#a − #b", 40);
        var l = m.layer();
        int a = tok(lang, "a");
        Channel fa = l.feature("token is a", m.tokenIn(a), 0, false);
        Channel fb = l.feature("token is b", m.tokenIn(tok(lang, "b")), 0, false);
        Channel c = l.counter("#a − #b");
        l.increment(fa, 1);
        l.increment(fb, -1);
        l.emit(c, Gate.always(), count, 1);
        Form b = Form.of(count, 2).plus(Form.constant(-1));                  // 2c − 1
        m.head(cls(lang, "010"), b);
        m.head(cls(lang, "110"), b.plus(Form.of(m.token(a), 2)));            // 2c − 1 ± 2
        return done(m, lang, GateRange.NONNEGATIVE, "1 layer: counter #a − #b (Ā = 1)");
    }

    /** Logit scale of bounded Dyck: the closing-bracket metric reads softmax probabilities. */
    static final double DYCK_SCALE = 8;

    /**
     * Bounded Dyck(K, h), two layers (research notes §2.4). Layer 1: the depth d, a counter (+1 on an
     * opening bracket, −1 on a closing one). Layer 2: h slots of ⌈log₂K⌉ bits; slot ℓ takes the code of
     * an opening bracket read at depth ℓ (its control is [open]·[d = ℓ], with [d = ℓ] = r(d−ℓ+1) − 2r(d−ℓ)
     * + r(d−ℓ−1) from three ramps r = max(0, ·)); a closed slot keeps a stale code until the next opening
     * at its depth overwrites it, so no stack is simulated. The readout takes the code of slot d (the same
     * tent through the output gate), [d = 0] and [d = h]; the head gives the next-token logits.
     */
    static Constructed boundedDyck(int k, int h) {
        Language lang = Catalog.standard().get("bounded-dyck-" + k + "-" + h);
        var vocab = new ArrayList<String>();
        for (int i = 0; i < lang.alphabet().size(); i++) {
            vocab.add(lang.alphabet().symbol(i));
        }
        var outputs = new ArrayList<String>();
        vocab.forEach(v -> outputs.add("next " + v));
        outputs.add("END");
        var m = new ModelBuilder(vocab, outputs);
        int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(k - 1));
        int[] opens = new int[k];
        int[] closes = new int[k];
        for (int i = 0; i < k; i++) {
            opens[i] = i;
            closes[i] = k + i;
        }
        int depth = m.count("depth", 20);
        int[] top = new int[bits];
        for (int b = 0; b < bits; b++) {
            top[b] = m.sign("top type bit " + b);
        }
        int atZero = m.sign("depth is 0");
        int atMax = m.sign("depth is " + h);
        var l1 = m.layer();
        Channel open1 = l1.feature("opening bracket", m.tokenIn(opens), 0, false);
        Channel close1 = l1.feature("closing bracket", m.tokenIn(closes), 0, false);
        Channel d = l1.counter("depth");
        l1.increment(open1, 1);
        l1.increment(close1, -1);
        l1.emit(d, Gate.always(), depth, 1);

        var l2 = m.layer();
        Channel open = l2.feature("opening bracket", m.tokenIn(opens), 0, false);
        Form dep = Form.of(depth, 1);
        for (int lev = 1; lev <= h; lev++) {
            var w = new java.util.LinkedHashMap<Channel, Double>();
            for (int j = 1; j >= -1; j--) {
                Form f = dep.plus(Form.constant(j - lev));
                w.put(l2.ramp("ramp(depth − " + (lev - j) + ")", f, 0), j == 0 ? -2.0 : 1.0);
            }
            w.put(open, 1.0);
            int ctrl = l2.control("write slot " + lev, w, -1);
            for (int b = 0; b < bits; b++) {
                var with = new ArrayList<Integer>();
                for (int t = 0; t < k; t++) {
                    if ((t >> b & 1) == 1) {
                        with.add(opens[t]);
                    }
                }
                Form bit = with.isEmpty() ? Form.zero() : m.tokenIn(with.stream().mapToInt(Integer::intValue).toArray());
                Channel slot = l2.flag("slot " + lev + " type bit " + b, bit, 0, ctrl);
                tent(l2, slot, dep, lev, top[b], 2);
            }
        }
        tent(l2, null, dep, 0, atZero, 2);
        tent(l2, null, dep, h, atMax, 2);
        for (int t = 0; t < k; t++) {
            m.head(opens[t], Form.of(atMax, -DYCK_SCALE));
            Form f = Form.constant(1 - bits).plus(Form.is(atZero).times(-2.0 * bits));
            for (int b = 0; b < bits; b++) {
                f = f.plus(Form.of(top[b], (t >> b & 1) == 1 ? 1 : -1));
            }
            m.head(closes[t], f.times(DYCK_SCALE));
        }
        m.head(2 * k, Form.of(atZero, DYCK_SCALE));
        var cp = m.build(GateRange.NONNEGATIVE, lang.id(), "constructed: bounded Dyck(" + k + ", " + h + ")");
        return new Constructed(cp, lang.id(), null, Constructed.Readout.BITS,
                "2 layers: counter depth; " + h + " slots of " + bits + " bits, read at the depth", false);
    }

    /** Adds amount·value·[d = level] to dim, through three ramp gates on the depth. */
    private static void tent(LayerBuilder l, Channel value, Form depth, int level, int dim, double amount) {
        for (int j = 1; j >= -1; j--) {
            Form f = depth.plus(Form.constant(j - level));
            l.emit(value, Gate.ramp("depth − " + (level - j), f), dim, j == 0 ? -2 * amount : amount);
        }
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
