package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import statescope.ssm.ReferenceScan;
import statescope.ssm.VectorSupport;
import statescope.experiment.ModelEvaluation;

/**
 * {@code eval --backend}: without a usable GPU (the driver library is pointed at a file that does not
 * exist) it runs on the CPU with one notice line and the CPU's figures; the batched-scan path it would
 * take on a GPU, run here with CPU kernels, scores the model the same.
 */
@ExtendWith(NoCudaDriver.class)
class EvalBackendTest {


    @Test
    void withoutAGpuEvalFallsBackToTheCpuWithOneNotice(@TempDir Path dir) {
        Path model = dir.resolve("p.safetensors");
        assertEquals(0, TrainEvalCommandTest.tinyParity(model, "--steps", "12").code());
        var cpu = TrainEvalCommandTest.run("eval", "--model", model.toString(), "--backend", "cpu");
        assertEquals(0, cpu.code(), cpu.err());
        assertEquals("", cpu.err(), "no notice when the CPU is asked for");
        var gpu = TrainEvalCommandTest.run("eval", "--model", model.toString(), "--backend", "gpu");
        assertEquals(0, gpu.code(), gpu.err());
        assertEquals(1, gpu.err().lines().count(), gpu.err());
        assertTrue(gpu.err().startsWith("statescope: warning: GPU requested but unavailable: "), gpu.err());
        assertEquals(cpu.out(), gpu.out(), "the fallback scores on the CPU, as --backend cpu");
        var auto = TrainEvalCommandTest.run("eval", "--model", model.toString());
        assertEquals(0, auto.code(), auto.err());
        assertTrue(auto.err().startsWith("statescope: GPU unavailable: ") && auto.err().contains("; using "), auto.err());
        assertFalse(auto.err().contains("warning"), auto.err());
        assertEquals(cpu.out(), auto.out());
        var bad = TrainEvalCommandTest.run("eval", "--model", model.toString(), "--backend", "tpu");
        assertEquals(ExitCodes.BAD_INPUT, bad.code(), bad.err());
    }

    @Test
    void theBatchedScanPathScoresAsTheTrainingForward(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("p.safetensors");
        assertEquals(0, TrainEvalCommandTest.tinyParity(model, "--steps", "30").code());
        var cpu = ModelEvaluation.evaluate(model, -1, 2);
        var reference = ModelEvaluation.evaluate(model, -1, 2, new ReferenceScan());
        var vector = ModelEvaluation.evaluate(model, -1, 2, VectorSupport.fastScan(2));
        assertEquals(cpu.recorded(), cpu.accuracy(), "the CPU path reproduces the manifest");
        assertEquals(cpu.accuracy(), reference.accuracy());
        assertEquals(cpu.accuracy(), vector.accuracy());
    }
}
