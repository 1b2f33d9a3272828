package statescope.construct;

import static statescope.construct.Constructions.cls;
import static statescope.construct.Constructions.done;
import static statescope.construct.Constructions.start;
import static statescope.construct.Constructions.tok;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import statescope.construct.LayerBuilder.Channel;
import statescope.construct.LayerBuilder.Gate;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Language;
import statescope.ssm.GateRange;

/**
 * The constructions with counters (research notes §2.3-§2.5): D_n and bounded Dyck, whose depth is
 * bounded, so finite precision is exact at every length, and a^n b^n, whose count is not.
 */
final class CounterConstructions {

    private CounterConstructions() {
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
            var w = new LinkedHashMap<Channel, Double>();
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

}
