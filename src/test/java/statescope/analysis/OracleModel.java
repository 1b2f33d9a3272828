package statescope.analysis;

import java.util.Arrays;
import java.util.function.BiPredicate;
import statescope.inspect.LanguageEntry;
import statescope.inspect.Reference;
import statescope.lang.catalog.ReferenceMachine;
import statescope.lang.catalog.ReferenceMachine.Config;
import statescope.ssm.SelectiveScanKernel;

/**
 * A hand-made {@link Model} for tests: it runs the reference machine inside and emits the right logits
 * (one-hot ±1 over the classes, or ±1 per bit), except where {@code errs} says so, where it emits the
 * opposite. Its state is the symbols read so far. Token ids must be the symbol indices.
 */
final class OracleModel implements Model {

    private final LanguageEntry lang;
    private final BiPredicate<int[], Integer> errs;     // (symbols, t) -> wrong at position t (1-based, the first t symbols)
    private final int outputs;

    /** @param errs wrong at position t of a string whose first t symbols are given (the array may be longer) */
    OracleModel(LanguageEntry lang, BiPredicate<int[], Integer> errs) {
        this.lang = lang;
        this.errs = errs;
        this.outputs = lang.reference().width();
    }

    /** Wrong exactly after reading {@code word}, right everywhere else. */
    static OracleModel wrongAfter(LanguageEntry lang, int[] word) {
        return new OracleModel(lang, (w, t) -> t == word.length && Arrays.equals(w, 0, t, word, 0, t));
    }

    /** Wrong at position {@code t} of every string. */
    static OracleModel wrongAt(LanguageEntry lang, int position) {
        return new OracleModel(lang, (w, t) -> t == position);
    }

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public int vocabSize() {
        return lang.vocabularySize();
    }

    @Override
    public int outputSize() {
        return outputs;
    }

    private final class Read implements State {
        int[] symbols = new int[8];
        int length;
        Config config = lang.machine().start();

        @Override
        public State copy() {
            var r = new Read();
            r.restore(this);
            return r;
        }

        @Override
        public void restore(State other) {
            Read o = (Read) other;
            symbols = Arrays.copyOf(o.symbols, o.symbols.length);
            length = o.length;
            config = o.config;
        }
    }

    @Override
    public State newState() {
        return new Read();
    }

    @Override
    public Stepper stepper() {
        return (state, token, logits) -> {
            Read r = (Read) state;
            if (r.length == r.symbols.length) {
                r.symbols = Arrays.copyOf(r.symbols, 2 * r.length);
            }
            r.symbols[r.length++] = token;
            r.config = write(r.symbols, r.length, r.config, logits, 0);
        };
    }

    @Override
    public Forward forward(SelectiveScanKernel kernel, int threads) {
        return tokens -> {
            int maxLen = Arrays.stream(tokens).mapToInt(t -> t.length).max().orElse(0);
            float[] logits = new float[tokens.length * maxLen * outputs];
            for (int b = 0; b < tokens.length; b++) {
                Config c = lang.machine().start();
                for (int t = 1; t <= tokens[b].length; t++) {
                    c = write(tokens[b], t, c, logits, (b * maxLen + t - 1) * outputs);
                }
            }
            return new Batch(logits, maxLen);
        };
    }

    /** The logits after the first t symbols of {@code w}, from the configuration after t - 1; returns the next one. */
    private Config write(int[] w, int t, Config c, float[] logits, int off) {
        ReferenceMachine m = lang.machine();
        Config after = m.step(c, w[t - 1]);
        Reference ref = lang.reference();
        boolean[] bits = ref.targets().at(c, w[t - 1], after);
        boolean flip = errs.test(w, t);
        if (ref.units() == Reference.Units.CLASSES) {
            var sb = new StringBuilder();
            for (boolean b : bits) {
                sb.append(b ? '1' : '0');
            }
            int cls = ref.targets().classOf(sb.toString());
            int pick = flip ? (cls + 1) % outputs : cls;
            for (int j = 0; j < outputs; j++) {
                logits[off + j] = j == pick ? 1f : -1f;
            }
        } else {
            for (int j = 0; j < outputs; j++) {
                boolean on = bits[j] != (flip && j == 0);
                logits[off + j] = on ? 1f : -1f;
            }
        }
        return after;
    }
}
