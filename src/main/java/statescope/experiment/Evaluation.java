package statescope.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Scores a model on the evaluation splits of a task, the paper's way (per-bin accuracy in percent). */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * Accuracy per split, in split order.
     *
     * @param splits examples per split name
     * @param logits the model: token rows → logits rows [T_i · O]
     * @param batch  sequences per forward call
     */
    public static Map<String, Double> evaluate(LanguageTask task, Map<String, List<LanguageTask.Example>> splits,
                                               Function<int[][], float[][]> logits, int batch) {
        var out = new LinkedHashMap<String, Double>();
        for (var e : splits.entrySet()) {
            List<LanguageTask.Example> ex = e.getValue();
            var all = new ArrayList<float[]>(ex.size());
            for (int i = 0; i < ex.size(); i += batch) {
                int end = Math.min(ex.size(), i + batch);
                int[][] toks = new int[end - i][];
                for (int j = i; j < end; j++) {
                    toks[j - i] = ex.get(j).tokens();
                }
                for (float[] row : logits.apply(toks)) {
                    all.add(row);
                }
            }
            out.put(e.getKey(), task.score(ex, all));
        }
        return out;
    }
}
