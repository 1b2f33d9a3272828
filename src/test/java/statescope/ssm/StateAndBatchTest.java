package statescope.ssm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import statescope.ChildJvm;

class StateAndBatchTest {

    static final SsmConfig CFG = SsmConfig.defaults(16, 2, 6, 5);

    static SsmWeights weights(GateRange g) {
        return SsmWeights.init(CFG.withGates(g), 21);
    }

    /**
     * Bit-identical with the scalar kernels. The Vector API kernels are only required to agree within
     * float rounding: before C2 compiles a vector method, {@code lanewise(EXP)} runs a per-lane Java
     * fallback whose last bit can differ from the compiled SVML code, so a re-run that straddles a JIT
     * compilation may differ by an ulp.
     */
    @ParameterizedTest
    @EnumSource(GateRange.class)
    void snapshotRestoreThenReStepGivesIdenticalTraces(GateRange g) {
        for (SsmStepper stepper : new SsmStepper[] {SsmStepper.scalar(weights(g)), new SsmStepper(weights(g))}) {
            boolean exact = stepper.backend().equals("cpu-scalar");
            var s = stepper.newState();
            int[] prefix = AgreementTest.strings(1, 6, 50)[0];
            int[] suffix = AgreementTest.strings(2, 6, 20)[0];
            stepper.run(s, prefix);
            SsmState snap = s.copy();
            Trace first = stepper.run(s, suffix);
            SsmState after = s.copy();
            stepper.run(s, AgreementTest.strings(3, 6, 30)[0]);   // wander off
            s.restore(snap);
            assertEquals(50, s.position());
            Trace again = stepper.run(s, suffix);
            assertTrue(Traces.maxAbsDiff(first, again) <= (exact ? 0.0 : 1e-6), stepper.backend());
            if (exact) {
                assertArrayEquals(first.logits(), again.logits());
                assertTrue(s.contentEquals(after));
            }
            assertEquals(after.position(), s.position());
            s.reset();
            assertTrue(s.contentEquals(stepper.newState()));
        }
    }

    @ParameterizedTest
    @EnumSource(GateRange.class)
    void variableLengthBatchEqualsStringsOneByOne(GateRange g) {
        var w = weights(g);
        int[][] batch = AgreementTest.strings(4, 6, 33, 0, 1, 70, 5, 64, 65);
        for (var kernel : new SelectiveScanKernel[] {new ReferenceScan(), VectorSupport.fastScan(2)}) {
            var ff = new FastForward(w, kernel, 2, new ScalarMath());   // deterministic projections
            boolean exact = kernel instanceof ReferenceScan;              // see the note above
            var all = ff.forward(batch, FastForward.Options.FULL);
            for (int b = 0; b < batch.length; b++) {
                var one = ff.forward(new int[][] {batch[b]}, FastForward.Options.FULL);
                assertTrue(Traces.maxAbsDiff(one.trace(0), all.trace(b)) <= (exact ? 0.0 : 1e-6), kernel.name() + " string " + b);
                assertTrue(!exact || one.finalStates()[0].contentEquals(all.finalStates()[b]));
                // padding rows stay zero
                for (int t = batch[b].length; t < all.maxLen(); t++) {
                    for (int o = 0; o < CFG.outputSize(); o++) {
                        assertEquals(0f, all.logits()[(b * all.maxLen() + t) * CFG.outputSize() + o]);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(GateRange.class)
    void forwardFromInitialStatesContinuesTheStep(GateRange g) {
        var w = weights(g);
        var stepper = new SsmStepper(w);
        int[][] prefixes = AgreementTest.strings(5, 6, 2, 9, 0);
        int[][] suffixes = AgreementTest.strings(6, 6, 12, 1, 7);
        var ff = new FastForward(w);
        SsmState[] starts = new SsmState[3];
        for (int b = 0; b < 3; b++) {
            starts[b] = stepper.newState();
            stepper.run(starts[b], prefixes[b]);
        }
        var res = ff.forward(suffixes, new FastForward.Options(true, true, starts));
        for (int b = 0; b < 3; b++) {
            SsmState s = starts[b].copy();
            Trace step = stepper.run(s, suffixes[b]);
            assertTrue(Traces.maxAbsDiff(step, res.trace(b)) < 1e-5, "string " + b);
            SsmState fin = res.finalStates()[b];
            assertEquals(s.position(), fin.position());
            for (int l = 0; l < CFG.nLayer(); l++) {
                assertArrayEquals(s.convBuffer(l), fin.convBuffer(l), 0f);   // copies of x̃, exact
                assertTrue(Traces.maxAbs(s.h(l), fin.h(l)) < 1e-5);
            }
        }
        // the inputs were not mutated
        assertEquals(2, starts[0].position());
    }

    @Test
    void stepRejectsBadTokensWithoutChangingTheState() {
        var stepper = new SsmStepper(weights(GateRange.NONNEGATIVE));
        var s = stepper.newState();
        stepper.step(s, 1);
        var before = s.copy();
        var e = assertThrows(IllegalArgumentException.class, () -> stepper.step(s, 6));
        assertTrue(e.getMessage().contains("token id 6"), e.getMessage());
        assertTrue(s.contentEquals(before));
        assertThrows(IllegalArgumentException.class,
                () -> new FastForward(stepper.weights()).forward(new int[][] {{0, -1}}, FastForward.Options.LOGITS));
    }

    /**
     * Measured in a JVM of its own ({@link StepAllocationChild}): in this one, hundreds of other tests
     * have loaded every kernel family, and the polluted profiles may keep C2 from inlining the kernels
     * (the suite once measured 768 bytes a step that way). The app steps one model in a clean JVM.
     */
    @Test
    void stepIsAllocationFree() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Xmx256m", "-cp", ChildJvm.classPath(),
                StepAllocationChild.class.getName(), "12"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish:\n" + out);
        assertEquals(0, p.exitValue(), "the child JVM failed:\n" + out);
        assertTrue(out.contains("backend=cpu-vector"), "the child did not run the vector kernels:\n" + out);
        assertTrue(out.contains("nan=false"), out);
        var m = Pattern.compile("bytes=(\\d+)").matcher(out);
        assertTrue(m.find(), out);
        long per = Long.parseLong(m.group(1));
        assertTrue(per < 8, "bytes allocated per step: " + per + "\n" + out);
    }
}
