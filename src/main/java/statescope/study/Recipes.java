package statescope.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Family;
import statescope.lang.catalog.Language;
import statescope.ssm.GateRange;
import statescope.ssm.NormKind;
import statescope.train.TrainOptions;

/**
 * The training recipe of every shipped model: the smallest configuration and a CPU-friendly schedule
 * per language (docs/reproduction.md explains each deviation from the paper's sweep). {@code train}
 * starts from these defaults; {@code reproduce} runs them all.
 */
public final class Recipes {

    /**
     * One model to train.
     *
     * @param fileStem the model's file name without extension, e.g. {@code parity-signed}
     */
    public record Recipe(String fileStem, String language, int layers, int dModel, GateRange gates, double lr, int batch,
                         long steps, int maxWords, int evalEvery, int quickEval, double stopAt, boolean decayAll,
                         String mixSplit) {

        Recipe(String fileStem, String language, int layers, int dModel, GateRange gates, double lr, int batch,
               long steps, int maxWords, int evalEvery, int quickEval, double stopAt) {
            this(fileStem, language, layers, dModel, gates, lr, batch, steps, maxWords, evalEvery, quickEval, stopAt,
                    true, null);
        }

        /** The run spec of this recipe for a seed (LayerNorm as the paper's MixerModel, d_state 16). */
        public TrainingRun.Spec spec(long seed) {
            int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
            var o = new TrainOptions(lr, 0.1, decayAll, 1.0, batch, steps, threads, seed);
            return new TrainingRun.Spec(language, layers, dModel, 16, gates, NormKind.LAYER, o, maxWords, evalEvery,
                    quickEval, Math.max(evalEvery, 100), stopAt, mixSplit);
        }
    }

    /** Training tokens per suite language (steps = budget / (32 · mean training length), in 400..2000). */
    static final double TOKEN_BUDGET = 3e6;

    private Recipes() {
    }

    /** The recipe of a language (with the given gates, or the language's default when null). */
    public static Recipe forLanguage(String name, GateRange gates) {
        Language l = Catalog.standard().get(name);
        GateRange g = gates != null ? gates : GateRange.NONNEGATIVE;
        String stem = l.id() + (gates == GateRange.SIGNED ? "-signed" : "");
        return switch (l.id()) {
            case "flip-flop" -> new Recipe(stem, l.id(), 1, 16, g, 3e-3, 16, 4000, 3000, 100, 1000, 100.0, false,
                    "val-sparse");
            case "parity" -> new Recipe(stem + (gates == null || gates == GateRange.NONNEGATIVE ? "-nonneg" : ""),
                    l.id(), 1, 16, g, 3e-3, 32, g == GateRange.SIGNED ? 3000 : 1500, 0, 100, 300, 99.95);
            case "bounded-dyck-8-10" -> new Recipe(stem, l.id(), 2, 32, g, 3e-3, 16, 3000, 400, 200, 100, 99.5);
            default -> {
                boolean counter = l.family() == Family.COUNTER;
                var w = l.trainingSplit().window();
                double mean = (w.min() + w.max()) / 2.0;
                long steps = Math.max(400, Math.min(2000, Math.round(TOKEN_BUDGET / (32 * mean))));
                yield new Recipe(stem, l.id(), 2, counter ? 32 : 24, g, 3e-3, 32, steps, 0, 100, 300, 99.95);
            }
        };
    }

    /**
     * Every shipped model in training order: flip-flop, parity (signed, then nonnegative gates), the
     * rest of the suite, bounded Dyck with 2 and 1 layers.
     */
    public static List<Recipe> all() {
        Map<String, Recipe> out = new LinkedHashMap<>();
        put(out, forLanguage("flip-flop", null));
        put(out, forLanguage("parity", GateRange.SIGNED));
        put(out, forLanguage("parity", GateRange.NONNEGATIVE));
        for (Language l : Catalog.standard().languages()) {
            String id = l.id();
            if (id.equals("flip-flop") || id.equals("parity") || id.startsWith("bounded-dyck") || id.startsWith("mod-")) {
                continue;
            }
            put(out, forLanguage(id, null));
        }
        Recipe two = forLanguage("bounded-dyck-8-10", null);
        put(out, two);
        put(out, new Recipe(two.fileStem() + "-1layer", two.language(), 1, two.dModel(), two.gates(), two.lr(),
                two.batch(), two.steps(), two.maxWords(), two.evalEvery(), two.quickEval(), two.stopAt()));
        return List.copyOf(out.values());
    }

    private static void put(Map<String, Recipe> m, Recipe r) {
        m.put(r.fileStem().toLowerCase(Locale.ROOT), r);
    }
}
