package statescope.construct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import statescope.lang.Word;
import statescope.ssm.Checkpoint;
import statescope.ssm.FastForward;
import statescope.ssm.ReferenceForward;
import statescope.ssm.ReferenceScan;
import statescope.ssm.SsmState;
import statescope.ssm.SsmStepper;
import statescope.ssm.SsmWeights;
import statescope.ssm.Tensor;
import statescope.ssm.Trace;
import statescope.ssm.Traces;
import statescope.ssm.WeightNames;

/**
 * The cheap part of the acceptance check: each hand construction is right at every position of every
 * word of a short length and of sampled words, and the step, the reference forward and the fast scan
 * agree on it. The full table (1,000 words of each length to 10^5) is {@code statescope construct check}.
 */
class ConstructionsTest {

    static List<String> shipped() {
        return ConstructedModels.SHIPPED;
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void exactOnEveryShortWordAndOnSampledWords(String id) {
        Constructed c = ConstructedModels.get(id);
        var check = new ExactnessCheck(c);
        var all = check.exhaustive(check.exhaustiveLength(8, 5_000));
        assertTrue(all.exact(), id + " " + all);
        var sampled = check.sampled(300, 12, 7);
        assertTrue(sampled.exact(), id + " " + sampled);
        assertTrue(sampled.positions() >= 12 * 300 / 2, id + " scores too few positions: " + sampled);
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void stepReferenceAndFastScanAgree(String id) {
        Constructed c = ConstructedModels.get(id);
        var w = c.checkpoint().weights();
        Word word = Reference.of(c).sample(80, new SplittableRandom(3), 0);
        int[] tokens = Reference.of(c).encode(word);
        Trace step = new SsmStepper(w).run(new SsmState(w.config()), tokens);
        Trace reference = ReferenceForward.forward(w, tokens);
        Trace fast = new FastForward(w).forward(new int[][] {tokens}, FastForward.Options.FULL).trace(0);
        Trace refScan = new FastForward(w, new ReferenceScan(), 1).forward(new int[][] {tokens}, FastForward.Options.FULL)
                .trace(0);
        assertTrue(Traces.maxAbsDiff(step, reference) <= 1e-5, id + " step vs reference");
        assertTrue(Traces.maxAbsDiff(fast, reference) <= 1e-5, id + " fast scan vs reference");
        assertTrue(Traces.maxAbsDiff(refScan, reference) <= 1e-5, id + " reference scan vs reference");
    }

    @Test
    void theShippedFilesAreTheConstructionsAsTheyStand() throws Exception {
        Path dir = Path.of("assets/models/constructed");
        for (String id : ConstructedModels.SHIPPED) {
            Constructed shipped = ConstructedFiles.load(dir.resolve(id + ".safetensors"));
            Constructed now = ConstructedModels.get(id);
            assertTrue(shipped.checkpoint().weights().contentEquals(now.checkpoint().weights()),
                    id + ": the shipped weights differ from the construction (statescope construct --shipped)");
            assertEquals(now.checkpoint().manifest(), shipped.checkpoint().manifest(), id);
            assertEquals(id, shipped.languageId());
        }
        try (var files = Files.list(dir)) {
            assertEquals(ConstructedModels.SHIPPED.size(),
                    files.filter(p -> p.toString().endsWith(".safetensors")).count(), "a constructed file without a construction");
        }
    }

    @Test
    void dnForAnyNIsExact() {
        for (int n : new int[] {1, 7, 40}) {
            Constructed c = ConstructedModels.get("d-" + n);
            var check = new ExactnessCheck(c);
            assertTrue(check.exhaustive(12).exact(), "D_" + n);
            assertTrue(check.sampled(400, 10, 1).exact(), "D_" + n);
        }
    }

    @Test
    void aBrokenModelIsCaught() throws Exception {
        // flip the sign of the head row of one class: the check must see the wrong predictions
        Constructed c = ConstructedModels.get("ab-d-bc");
        var t = new LinkedHashMap<>(c.checkpoint().weights().tensors());
        var head = t.get(WeightNames.HEAD);
        float[] h = head.data();
        int dm = c.checkpoint().weights().config().dModel();
        for (int i = 0; i < dm; i++) {
            h[i] = -h[i];
        }
        t.put(WeightNames.HEAD, new Tensor(head.shape(), h));
        var broken = new Constructed(new Checkpoint(
                SsmWeights.fromTensors(c.checkpoint().weights().config(), t), c.checkpoint().manifest()),
                c.languageId(), null, c.readout(), c.summary(), false);
        var row = new ExactnessCheck(broken).sampled(50, 5, 1);
        assertTrue(row.wrong() > 0, "a sign-flipped head went unnoticed: " + row);
        assertTrue(row.failure().contains("position"), row.failure());
    }

    @Test
    void savedModelsLoadBackMarkedConstructedWithChannelNames(@TempDir Path dir) throws Exception {
        Constructed c = ConstructedModels.get("bounded-dyck-2-4");
        Path p = ConstructedFiles.save(c, dir.resolve("dyck"));
        Constructed back = ConstructedFiles.load(p);
        assertTrue(back.checkpoint().manifest().constructed());
        assertTrue(back.checkpoint().weights().contentEquals(c.checkpoint().weights()));
        assertEquals(c.checkpoint().manifest().channels(), back.checkpoint().manifest().channels());
        assertTrue(back.channels().get(1).contains("slot 3 type bit 0"), back.channels().toString());
        assertEquals(Constructed.Readout.BITS, back.readout());
        assertTrue(new ExactnessCheck(back).sampled(100, 5, 2).exact());
    }

    @Test
    void anbnIsExactWhereItsCounterIs() {
        Constructed c = ConstructedModels.get("anbn");
        var stepper = new SsmStepper(c.checkpoint().weights());
        var state = stepper.newState();
        int n = 20_000;
        float[] logits = new float[3];
        for (int i = 0; i < 2 * n; i++) {
            stepper.step(state, i < n ? 0 : 1, logits);
            int want = i < n ? 2 : i < 2 * n - 1 ? 1 : 0;                 // a, b, then T at the end
            int got = logits[2] > logits[1] && logits[2] > logits[0] ? 2 : logits[1] > logits[0] ? 1 : 0;
            if (got != want) {
                throw new AssertionError("a^" + n + "b^" + n + " wrong at position " + i + ": " + got + " instead of " + want);
            }
        }
        assertEquals(0f, state.h(0)[channel(c, "#a − #b")], "the counter is back at 0 exactly");
    }

    @Test
    void anbnStopsBeingExactWhereItsLogitsTie() {
        Constructed c = ConstructedModels.get("anbn");
        assertEquals(-1, CounterLimit.firstWrongCount(c, 1, 2_000), "exact for small counts");
        assertEquals(-1, CounterLimit.firstWrongCount(c, (1 << 23) - 50, (1 << 23) + 1), "exact up to 2^23 + 1");
        assertEquals((1 << 23) + 2, CounterLimit.firstWrongCount(c, (1 << 23) - 50, (1 << 23) + 50),
                "2c − 1 and 2c + 1 round to the same float from c = 2^23 + 2");
    }

    static int channel(Constructed c, String name) {
        int i = c.checkpoint().manifest().channels().get(0).indexOf(name);
        assertTrue(i >= 0, name);
        return i;
    }
}
