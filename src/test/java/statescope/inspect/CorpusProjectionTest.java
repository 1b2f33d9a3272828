package statescope.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import statescope.ssm.GateRange;
import statescope.ssm.ReferenceScan;
import statescope.ssm.ScanBatch;
import statescope.ssm.ScanResult;
import statescope.ssm.SelectiveScanKernel;
import statescope.ssm.VectorSupport;
import statescope.ssm.gpu.BackendChoice;
import statescope.ssm.gpu.GpuUnavailableException;

/** The projection corpus runs as batched scans on the chosen kernel and agrees with stepping. */
class CorpusProjectionTest {

    private static final EngineModel MODEL = EngineModel.random(2, 2, 2, 16, GateRange.SIGNED, 9);

    /** A kernel that counts its scans and runs them on the reference scan. */
    private static final class Counting implements SelectiveScanKernel {
        final AtomicInteger scans = new AtomicInteger();
        final ReferenceScan ref = new ReferenceScan();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public ScanResult scan(ScanBatch in, boolean emitStates) {
            scans.incrementAndGet();
            return ref.scan(in, emitStates);
        }
    }

    @Test
    void batchedHiddenStatesAgreeWithSteppingOnEveryKernel() {
        var rng = new SplittableRandom(4);
        int[][] words = new int[7][];
        for (int w = 0; w < words.length; w++) {
            words[w] = rng.ints(1 + rng.nextInt(30), 0, 2).toArray();        // ragged: padding in the batch
        }
        float[][][][] ref = FakeModels.steppedOnly(MODEL).hiddenStates(words, null);
        for (SelectiveScanKernel k : List.of(new ReferenceScan(), VectorSupport.fastScan(1))) {
            float[][][][] got = MODEL.hiddenStates(words, k);
            assertEquals(words.length, got.length);
            for (int w = 0; w < words.length; w++) {
                assertEquals(words[w].length, got[w].length, "word " + w);
                for (int t = 0; t < words[w].length; t++) {
                    for (int l = 0; l < 2; l++) {
                        assertArrayEquals(ref[w][t][l], got[w][t][l], 1e-4f, k.name() + " w" + w + " t" + t + " l" + l);
                    }
                }
            }
        }
    }

    @Test
    void theCorpusRunsOnTheSelectedKernelWhenTheGpuIsMissing() {
        var counting = new Counting();
        var compute = new ComputeBackend(BackendChoice.AUTO, () -> counting, () -> {
            throw new GpuUnavailableException("libcuda.so.1 not found");
        });
        var lang = BuiltinLanguages.parity();
        var clouds = CorpusProjection.fit(MODEL, lang, 40, 12, 3, compute.kernel(), p -> { }, () -> false);
        // 40 words in batches of 32: two forwards, each scanning both layers
        assertEquals(2 * 2, counting.scans.get());
        assertEquals(2, clouds.size());
        assertTrue(clouds.get(0).stateNames().containsAll(List.of("even", "odd")));
    }

    @Test
    void scanningTheCorpusGivesTheSameCloudsAsSteppingIt() {
        var lang = BuiltinLanguages.tomita2();                           // dead prefixes are cut, one in eight kept
        var scanned = CorpusProjection.fit(MODEL, lang, 60, 16, 5, new ReferenceScan(), p -> { }, () -> false);
        var stepped = CorpusProjection.fit(FakeModels.steppedOnly(MODEL), lang, 60, 16, 5, null, p -> { }, () -> false);
        for (int l = 0; l < 2; l++) {
            var a = scanned.get(l);
            var b = stepped.get(l);
            assertEquals(b.stateNames(), a.stateNames());
            assertArrayEquals(b.states(), a.states());
            assertEquals(b.points().length, a.points().length);
            for (int i = 0; i < a.points().length; i++) {
                for (int j = 0; j < 3; j++) {                             // a component's sign is arbitrary
                    assertEquals(Math.abs(b.points()[i][j]), Math.abs(a.points()[i][j]), 1e-3, "layer " + l + " point " + i);
                }
            }
        }
    }
}
