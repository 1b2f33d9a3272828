package statescope.experiment;

import java.nio.file.Path;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.Split;
import statescope.ssm.SsmConfig;

/**
 * One cell of a sweep: a named training run. Its model lives at {@code DIR/NAME.safetensors} (with
 * {@code NAME.json}, the resume state {@code NAME.resume.*} while it trains, and {@code NAME.run.lock},
 * {@link CellLock}).
 *
 * @param name      the cell's name ({@link SweepPlan} says how it is made)
 * @param spec      the run
 * @param sizeField the plan field that chose the size, for messages ({@code sizes[1]})
 */
public record SweepCell(String name, TrainingRun.Spec spec, String sizeField) {

    /** The cell's model file in a results folder. */
    public Path file(Path dir) {
        return dir.resolve(name + ".safetensors");
    }

    /**
     * About how many bytes training this cell holds: per worker thread the activations of one sequence of
     * the language's longest length (the scan's states [L, T, ED, N] dominate), and the weights with
     * their gradients (one set per thread) and AdamW's two moments. An estimate for refusing sizes that
     * cannot fit, not an exact figure.
     */
    public long trainingBytes() {
        LanguageTask task = LanguageTask.of(spec.language());
        SsmConfig c = TrainingRun.config(spec, task);
        long t = longest(task.language()) + 2;
        long ed = c.dInner();
        long perThread = t * c.nLayer() * ed * (c.dState() + 14L) + t * c.dModel() * (3L * c.nLayer() + 6)
                + 2 * t * c.outputSize();
        long threads = spec.options().threads();
        return 4 * (threads * perThread + parameters(c) * (3 + threads));
    }

    /** The number of parameters of a model (Mamba-1 blocks with LayerNorm, a head with bias). */
    static long parameters(SsmConfig c) {
        long d = c.dModel();
        long ed = c.dInner();
        long n = c.dState();
        long r = c.dtRank();
        long block = d * 2 * ed + ed * c.dConv() + ed + (r + 2 * n) * c.xProjCols() + r * ed + ed + ed * n + ed
                + ed * d + 2 * d;
        return c.nLayer() * block + (long) c.vocabSize() * d + 2 * d + (long) c.outputSize() * d + c.outputSize();
    }

    private static int longest(Language l) {
        int max = 1;
        for (Split s : l.splits()) {
            max = Math.max(max, s.window().max());
        }
        return max;
    }
}
