package statescope.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import statescope.FuzzBudget;
import statescope.ssm.CheckpointException;
import statescope.ssm.Safetensors;
import statescope.ssm.Tensor;

/**
 * Fuzzes the trainer's resume state (issue 18): whatever the optimizer-state file holds, {@link
 * Trainer#resume} restores valid moments or throws a {@link CheckpointException}, within
 * {@link FuzzBudget}; restored moments are finite (second moments ≥ 0).
 */
class ResumeStateFuzzTest {

    private static final Trainer TRAINER = TrainerTest.trainer(1, 1);
    private static final Map<String, Tensor> VALID = validState();

    private static Map<String, Tensor> validState() {
        var t = new LinkedHashMap<String, Tensor>();
        TRAINER.params().tensors().forEach((k, v) -> {
            t.put("m." + k, new Tensor(v.shape(), new float[v.size()]));
            t.put("v." + k, new Tensor(v.shape(), new float[v.size()]));
        });
        return t;
    }

    @AfterAll
    static void close() {
        TRAINER.close();
    }

    private static final float[] SPECIAL = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -1f, -0f, 0f,
        1e-30f, 3e38f, 1f};
    private static final String[] STEPS = {"0", "3", "-1", "x", "", "99999999999999999999", "3 ", "+3", "0x3"};

    @FuzzTest(maxDuration = "60s")
    void resumeState(FuzzedDataProvider data) throws Exception {
        Path file = Files.createTempFile("statescope-fuzz", ".opt.safetensors");
        try {
            if (data.consumeBoolean()) {
                var t = new LinkedHashMap<String, Tensor>();
                for (var e : VALID.entrySet()) {
                    if (data.consumeInt(0, 15) == 0) {
                        continue;                                       // drop a tensor
                    }
                    float[] d = e.getValue().data().clone();
                    int edits = data.consumeInt(0, 2);
                    for (int i = 0; i < edits && d.length > 0; i++) {
                        d[data.consumeInt(0, d.length - 1)] = data.pickValue(new Float[] {SPECIAL[0], SPECIAL[1],
                            SPECIAL[2], SPECIAL[3], SPECIAL[4], SPECIAL[5], SPECIAL[6], SPECIAL[7], SPECIAL[8]});
                    }
                    int[] shape = data.consumeInt(0, 31) == 0 ? new int[] {d.length} : e.getValue().shape();
                    t.put(e.getKey(), new Tensor(shape, d));
                }
                Safetensors.write(file, t, Map.of("step", data.pickValue(STEPS), "adam_step", data.pickValue(STEPS)));
            } else {
                Files.write(file, data.consumeRemainingAsBytes());
            }
            FuzzBudget.run(() -> {
                try {
                    if (TRAINER.resume(3, file)) {
                        assertTrue(finite(TRAINER), "restored moments are finite");
                    }
                } catch (CheckpointException e) {
                    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
                }
            });
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static boolean finite(Trainer t) throws Exception {
        var f = Trainer.class.getDeclaredField("adam");
        f.setAccessible(true);
        AdamW adam = (AdamW) f.get(t);
        for (ParamSet p : new ParamSet[] {adam.firstMoment(), adam.secondMoment()}) {
            for (int i = 0; i < p.size(); i++) {
                for (float x : p.get(i)) {
                    if (!Float.isFinite(x) || (p == adam.secondMoment() && x < 0)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
