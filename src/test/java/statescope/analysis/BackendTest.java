package statescope.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import statescope.ssm.ReferenceScan;
import statescope.ssm.SelectiveScanKernel;
import statescope.ssm.VectorSupport;
import statescope.ssm.gpu.BackendChoice;
import statescope.ssm.gpu.CudaScanKernel;
import statescope.ssm.gpu.FakeCudaDriver;
import statescope.ssm.gpu.ScanBackends;
import statescope.ssm.gpu.Selection;

/**
 * The instruments give the same results whichever scan kernel runs: the GPU path (the real bindings,
 * kernel loader and fall-back over the stand-in CUDA driver, which runs the CPU reference scan on its
 * "device" buffers), the CPU reference scan and the Vector API scan; their logits agree within 1e-5.
 */
class BackendTest {

    private final FakeCudaDriver fake = new FakeCudaDriver(new ReferenceScan());

    @AfterEach
    void close() {
        assertEquals(List.of(), fake.failures(), "problems the stand-in driver saw");
        fake.close();
    }

    private Selection gpu() {
        Selection s = ScanBackends.select(BackendChoice.GPU, new ReferenceScan(), () -> CudaScanKernel.open(fake.driver(), 0),
                n -> { throw new AssertionError("fell back: " + n.line()); });
        assertTrue(s.onGpu(), s.statusText());
        return s;
    }

    private static Subject parity(String model) throws IOException {
        return Subjects.load(Path.of("assets/models/" + model + ".safetensors"), null, null, null);
    }

    @Test
    void theSweepIsTheSameOnEveryKernel() throws Exception {
        Subject s = parity("parity-nonneg");
        var settings = new LengthSweep.Settings(150, 8, 2, false, 4, 2);
        Selection g = gpu();
        var onGpu = new LengthSweep(s, g.kernel(), settings).run(Control.none());
        ((AutoCloseable) g.kernel()).close();
        assertTrue(fake.launches > 0, "the scans went through the driver");
        for (SelectiveScanKernel cpu : List.of(new ReferenceScan(), VectorSupport.fastScan(2))) {
            var onCpu = new LengthSweep(s, cpu, settings).run(Control.none());
            assertEquals(onGpu.points().size(), onCpu.points().size());
            for (int i = 0; i < onGpu.points().size(); i++) {
                var a = onGpu.points().get(i);
                var b = onCpu.points().get(i);
                assertEquals(a.correct(), b.correct(), cpu.name() + " at " + a.length());
                assertEquals(a.failAt(), b.failAt());
                assertArrayEquals(a.firstFailure(), b.firstFailure());
            }
            assertEquals(onGpu.firstBelow(), onCpu.firstBelow());
        }
        assertTrue(onGpu.firstBelow() > 0, "the nonnegative parity model drops within 150 symbols");
    }

    @Test
    void theSearchFindsTheSameStringOnEveryKernel() throws Exception {
        Subject s = parity("parity-nonneg");
        var settings = new CounterexampleSearch.Settings(5, 1000, 60, 200, 5, 2);   // exhaustive to 5: none there
        Selection g = gpu();
        var onGpu = new CounterexampleSearch(s, g.kernel(), settings).run(Control.none());
        ((AutoCloseable) g.kernel()).close();
        var onCpu = new CounterexampleSearch(s, new ReferenceScan(), settings).run(Control.none());
        assertNotNull(onGpu.found(), onGpu.summary());
        assertEquals("guided", onGpu.found().phase());
        assertEquals(onCpu.found().text(), onGpu.found().text());
        assertEquals(onCpu.found().margin(), onGpu.found().margin());
        assertEquals(onCpu.sampled(), onGpu.sampled());
    }

    @Test
    void logitsAgreeWithin1e5() throws Exception {
        Subject s = parity("parity-signed");
        var words = new Sources(s);
        var random = new SplittableRandom(3);
        int[][] tokens = new int[8][];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = s.tokens(words.walk(50 + 40 * i, random));
        }
        Selection g = gpu();
        float[] onGpu = s.model().forward(g.kernel(), 2).run(tokens).logits();
        ((AutoCloseable) g.kernel()).close();
        float[] onCpu = s.model().forward(VectorSupport.fastScan(2), 2).run(tokens).logits();
        double max = 0;
        for (int i = 0; i < onGpu.length; i++) {
            max = Math.max(max, Math.abs(onGpu[i] - onCpu[i]));
        }
        assertTrue(max <= 1e-5, "largest difference " + max);
    }
}
