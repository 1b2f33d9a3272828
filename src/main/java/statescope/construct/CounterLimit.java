package statescope.construct;

import statescope.ssm.SsmConfig;
import statescope.ssm.SsmState;
import statescope.ssm.SsmStepper;

/**
 * Where the a^n b^n construction stops being exact in float32: its counter is exact below 2^24, its
 * head's logits 2c − 1 and 2c + 1 below 2^23; past that the rounded logits of "a" and "b" can tie. The
 * search steps the model from states whose counter is set directly, so it costs a few steps per count.
 */
public final class CounterLimit {

    private CounterLimit() {
    }

    /**
     * The smallest count c in [from, to] at which a^n b^n (n ≥ c) is read wrong: the class after the c-th
     * a, or after the b that brings the counter down to c − 1, or the end at 0; −1 if none.
     */
    public static long firstWrongCount(Constructed anbn, long from, long to) {
        if (!"anbn".equals(anbn.languageId())) {
            throw new IllegalArgumentException("the counter limit is measured on the a^n b^n construction");
        }
        var w = anbn.checkpoint().weights();
        var stepper = new SsmStepper(w);
        int ch = anbn.checkpoint().manifest().channels().get(0).indexOf("#a − #b");
        float[] logits = new float[3];
        for (long c = from; c <= to; c++) {
            // the c-th a: counter c − 1 before it, class a (2) after
            if (argmax(step(stepper, w.config(), ch, c - 1, 0, logits)) != 2) {
                return c;
            }
            // a b bringing the counter from c to c − 1 ≥ 1: class b (1)
            if (c >= 2 && argmax(step(stepper, w.config(), ch, c, 1, logits)) != 1) {
                return c;
            }
        }
        return -1;
    }

    private static float[] step(SsmStepper s, SsmConfig cfg, int ch, long count, int token, float[] out) {
        var state = new SsmState(cfg);
        float[] h = state.h(0);
        h[ch] = count;
        if (h[ch] != count) {
            throw new IllegalArgumentException("count " + count + " is not a float32 integer");
        }
        state.setH(0, h);
        s.step(state, token, out);
        return out;
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            best = v[i] > v[best] ? i : best;
        }
        return best;
    }
}
