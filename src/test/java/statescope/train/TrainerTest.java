package statescope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.ssm.GateRange;
import statescope.ssm.NormKind;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmWeights;

/** Seeded reproducibility, exact resumption, and that training actually learns. */
class TrainerTest {

    static final SsmConfig CONFIG = new SsmConfig(16, 1, 4, 2, 4, 1, 2, 2, GateRange.SIGNED, true, NormKind.LAYER, 1e-5f);

    /** Running parity over random bit strings of lengths 2..12: target = parity of the prefix. */
    static TrainingSet parityData(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] toks = new int[n][];
        int[][] tg = new int[n][];
        for (int i = 0; i < n; i++) {
            int len = 2 + r.nextInt(11);
            toks[i] = new int[len];
            tg[i] = new int[len];
            int par = 0;
            for (int t = 0; t < len; t++) {
                toks[i][t] = r.nextInt(2);
                par ^= toks[i][t];
                tg[i][t] = par;
            }
        }
        return TrainingSet.of(toks, tg);
    }

    static Trainer trainer(long seed, int threads) {
        var o = new TrainOptions(3e-3, 0.1, true, 1.0, 8, 1000, threads, seed);
        return new Trainer(ParamSet.of(SsmWeights.init(CONFIG, seed)), o, Loss.MSE, parityData(64, 5));
    }

    @Test
    void sameSeedAndThreadsGiveBitIdenticalModels() {
        try (Trainer a = trainer(3, 2); Trainer b = trainer(3, 2); Trainer c = trainer(4, 2)) {
            for (int i = 0; i < 12; i++) {
                a.trainStep();
                b.trainStep();
                c.trainStep();
            }
            assertTrue(a.params().contentEquals(b.params()));
            assertFalse(a.params().contentEquals(c.params()), "another seed must give another model");
        }
    }

    @Test
    void resumedRunContinuesBitIdentically(@TempDir Path dir) throws Exception {
        Path opt = dir.resolve("opt.safetensors");
        ParamSet mid;
        try (Trainer a = trainer(7, 2)) {
            for (int i = 0; i < 5; i++) {
                a.trainStep();
            }
            a.saveOptimizerState(opt);
            mid = a.params().copy();
            for (int i = 0; i < 5; i++) {
                a.trainStep();
            }
            var o = a.options();
            try (Trainer b = new Trainer(mid, o, Loss.MSE, parityData(64, 5))) {
                assertTrue(b.resume(5, opt), "the moments written at step 5 are restored");
                for (int i = 0; i < 5; i++) {
                    b.trainStep();
                }
                assertEquals(10, b.step());
                assertTrue(a.params().contentEquals(b.params()), "stop + resume must equal an uninterrupted run");
            }
        }
    }

    @Test
    void momentsOfAnotherStepAreNotRestored(@TempDir Path dir) throws Exception {
        Path opt = dir.resolve("opt.safetensors");
        try (Trainer a = trainer(7, 1)) {
            a.trainStep();
            a.saveOptimizerState(opt);
            try (Trainer b = trainer(7, 1)) {
                assertFalse(b.resume(4, opt));
                assertEquals(4, b.step());
            }
        }
    }

    @Test
    void batchesAreAPermutationPerEpoch() {
        try (Trainer a = trainer(1, 1)) {
            int[][] order = new int[2][];
            for (int epoch = 0; epoch < 2; epoch++) {                  // 64 sequences, batches of 8
                boolean[] seen = new boolean[64];
                order[epoch] = new int[64];
                for (int s = 0; s < 8; s++) {
                    int[] batch = a.batchIndices(epoch * 8L + s);
                    assertEquals(8, batch.length, "a full batch");
                    for (int k = 0; k < 8; k++) {
                        int i = batch[k];
                        assertFalse(seen[i], "sequence " + i + " twice in one epoch");
                        seen[i] = true;
                        order[epoch][s * 8 + k] = i;
                    }
                }
                for (int i = 0; i < 64; i++) {
                    assertTrue(seen[i], "sequence " + i + " missing from epoch " + epoch);
                }
            }
            assertFalse(Arrays.equals(order[0], order[1]), "each epoch draws its own order");
            int[] identity = IntStream.range(0, 64).toArray();
            assertFalse(Arrays.equals(identity, order[0]), "shuffled, not in file order");
        }
    }

    @Test
    void learnsRunningParityWithSignedGates() {
        try (Trainer a = trainer(2, 2)) {
            double first = a.trainStep().loss();
            double last = first;
            for (int i = 0; i < 250; i++) {
                last = a.trainStep().loss();
            }
            assertTrue(last < first / 5, "loss " + first + " -> " + last);
        }
    }

    @Test
    void targetsOutsideTheHeadAreRejected() {
        try (Backprop bp = new Backprop(CONFIG, true, 1)) {
            var p = ParamSet.of(SsmWeights.init(CONFIG, 1));
            var e = assertThrows(IllegalArgumentException.class,
                    () -> bp.lossAndGradient(p, new int[][] {{0, 1}}, new int[][] {{0, 5}}, Loss.MSE, p.zerosLike()));
            assertTrue(e.getMessage().contains("position 1"), e.getMessage());
        }
    }
}
