package statescope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.ssm.CheckpointException;
import statescope.ssm.Safetensors;
import statescope.ssm.Tensor;

/** Reproductions of issue 18 (resume state): moments are validated, and saves also come by time. */
class ResumeStateTest {

    /** The optimizer state of a trainer after 3 steps, rewritten with {@code edit} applied. */
    private static Path editedState(Path dir, Consumer<Map<String, Tensor>> edit,
                                    Map<String, String> metadata) throws Exception {
        Path opt = dir.resolve("opt.safetensors");
        try (Trainer a = TrainerTest.trainer(3, 1)) {
            for (int i = 0; i < 3; i++) {
                a.trainStep();
            }
            a.saveOptimizerState(opt);
        }
        var c = Safetensors.read(opt);
        var t = new LinkedHashMap<>(c.tensors());
        edit.accept(t);
        var meta = new LinkedHashMap<>(c.metadata());
        meta.putAll(metadata);
        Safetensors.write(opt, t, meta);
        return opt;
    }

    @Test
    void nanMomentsAreRefusedNamingTheTensor(@TempDir Path dir) throws Exception {
        Path opt = editedState(dir, t -> t.get("m.lm_head.weight").data()[2] = Float.NaN, Map.of());
        try (Trainer b = TrainerTest.trainer(3, 1)) {
            var e = assertThrows(CheckpointException.class, () -> b.resume(3, opt));
            assertTrue(e.getMessage().contains("the first moment of lm_head.weight holds NaN at index 2"), e.getMessage());
            assertTrue(e.getMessage().contains("delete opt.safetensors"), e.getMessage());
        }
    }

    @Test
    void negativeSecondMomentsAreRefused(@TempDir Path dir) throws Exception {
        Path opt = editedState(dir, t -> t.get("v.lm_head.weight").data()[0] = -1f, Map.of());
        try (Trainer b = TrainerTest.trainer(3, 1)) {
            var e = assertThrows(CheckpointException.class, () -> b.resume(3, opt));
            assertTrue(e.getMessage().contains("the second moment of lm_head.weight holds -1.0"), e.getMessage());
        }
    }

    @Test
    void missingOrMisshapenMomentsAreRefused(@TempDir Path dir) throws Exception {
        Path opt = editedState(dir, t -> t.put("m.lm_head.weight", new Tensor(new int[] {1}, new float[1])), Map.of());
        try (Trainer b = TrainerTest.trainer(3, 1)) {
            var e = assertThrows(CheckpointException.class, () -> b.resume(3, opt));
            assertTrue(e.getMessage().contains("the first moment of lm_head.weight is of shape [1]"), e.getMessage());
        }
        Path opt2 = editedState(dir, t -> t.remove("v.lm_head.weight"), Map.of());
        try (Trainer b = TrainerTest.trainer(3, 1)) {
            var e = assertThrows(CheckpointException.class, () -> b.resume(3, opt2));
            assertTrue(e.getMessage().contains("the second moment of lm_head.weight is missing"), e.getMessage());
        }
    }

    @Test
    void aMalformedStepCountIsRefused(@TempDir Path dir) throws Exception {
        Path opt = editedState(dir, t -> { }, Map.of("adam_step", "three"));
        try (Trainer b = TrainerTest.trainer(3, 1)) {
            var e = assertThrows(CheckpointException.class, () -> b.resume(3, opt));
            assertTrue(e.getMessage().contains("metadata adam_step is 'three'"), e.getMessage());
        }
        Path other = editedState(dir, t -> { }, Map.of("step", "-4"));
        try (Trainer b = TrainerTest.trainer(3, 1)) {
            assertThrows(CheckpointException.class, () -> b.resume(3, other));
        }
    }

    @Test
    void validMomentsAreRestored(@TempDir Path dir) throws Exception {
        Path opt = editedState(dir, t -> { }, Map.of());
        try (Trainer b = TrainerTest.trainer(3, 1)) {
            assertTrue(b.resume(3, opt));
            assertEquals(3, b.step());
            assertFalse(b.resume(2, opt), "moments of another step are not used");
        }
    }

    @Test
    void theSaveClockIsDueByStepsOrByTime() {
        var now = new AtomicLong(1_000);
        var clock = new SaveClock(30, now::get);
        assertFalse(clock.due(7, 100));
        assertTrue(clock.due(200, 100), "a multiple of the step interval");
        now.addAndGet(29);
        assertFalse(clock.due(7, 100));
        now.addAndGet(1);
        assertTrue(clock.due(7, 100), "30 time units after the last save");
        clock.saved();
        assertFalse(clock.due(8, 100));
        var never = new SaveClock(0, now::get);
        now.addAndGet(1_000_000);
        assertFalse(never.due(9, 100));
    }
}
