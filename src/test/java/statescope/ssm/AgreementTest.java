package statescope.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The three execution paths (step, reference forward, fast batched forward with the reference and the
 * Vector API scan) agree within 1e-5 max abs on 10,000 tokens, for both gate ranges, random weights.
 */
class AgreementTest {

    static final double TOL = 1e-5;

    static int[][] strings(long seed, int vocab, int... lengths) {
        var rnd = new SplittableRandom(seed);
        int[][] s = new int[lengths.length][];
        for (int i = 0; i < lengths.length; i++) {
            s[i] = rnd.ints(lengths[i], 0, vocab).toArray();
        }
        return s;
    }

    @ParameterizedTest
    @EnumSource(GateRange.class)
    void threePathsAgreeOnTenThousandTokens(GateRange gates) {
        var cfg = new SsmConfig(16, 2, 8, 2, 4, 1, 5, 4, gates, true, NormKind.RMS, 1e-5f);
        var w = SsmWeights.init(cfg, 42);
        int[][] tokens = strings(7, 5, 4000, 3000, 2000, 1000);   // 10,000 tokens
        var ffRef = new FastForward(w, new ReferenceScan(), 2).forward(tokens, FastForward.Options.FULL);
        var ffVec = new FastForward(w, VectorSupport.fastScan(2), 2).forward(tokens, FastForward.Options.FULL);
        var stepper = new SsmStepper(w);
        var scalarStepper = SsmStepper.scalar(w);
        double worst = 0;
        for (int b = 0; b < tokens.length; b++) {
            Trace ref = ReferenceForward.forward(w, tokens[b]);
            Trace step = stepper.run(stepper.newState(), tokens[b]);
            Trace scalarStep = scalarStepper.run(scalarStepper.newState(), tokens[b]);
            worst = Math.max(worst, Traces.maxAbsDiff(ref, step));
            worst = Math.max(worst, Traces.maxAbsDiff(ref, scalarStep));
            worst = Math.max(worst, Traces.maxAbsDiff(ref, ffRef.trace(b)));
            worst = Math.max(worst, Traces.maxAbsDiff(ref, ffVec.trace(b)));
        }
        assertTrue(worst <= TOL, "max abs deviation " + worst);
        assertTrue(worst > 0 || !VectorSupport.available(), "paths should differ by rounding at least");
    }

    @ParameterizedTest
    @EnumSource(GateRange.class)
    void maxStepScanDeviationIsSmallAndReported(GateRange gates) {
        var cfg = SsmConfig.defaults(32, 3, 6, 6).withGates(gates);
        var w = SsmWeights.init(cfg, 5);
        int[] tokens = strings(3, 6, 300)[0];
        double dev = FastForward.maxStepScanDeviation(w, tokens, VectorSupport.fastScan(2));
        assertTrue(dev <= TOL, "deviation " + dev);
    }

    @ParameterizedTest
    @EnumSource(GateRange.class)
    void nonSelectiveAndLayerNormPathsAgree(GateRange gates) {
        var cfg = SsmConfig.defaults(16, 2, 4, 3).withGates(gates).withSelective(false).withNorm(NormKind.LAYER, 1e-5f);
        var w = SsmWeights.init(cfg, 9, false);
        int[][] tokens = strings(1, 4, 200, 37, 1);
        var ff = new FastForward(w, VectorSupport.fastScan(2), 2).forward(tokens, FastForward.Options.FULL);
        var stepper = new SsmStepper(w);
        for (int b = 0; b < tokens.length; b++) {
            Trace ref = ReferenceForward.forward(w, tokens[b]);
            assertTrue(Traces.maxAbsDiff(ref, ff.trace(b)) <= TOL);
            assertTrue(Traces.maxAbsDiff(ref, stepper.run(stepper.newState(), tokens[b])) <= TOL);
        }
    }

    @ParameterizedTest
    @EnumSource(GateRange.class)
    void handComputedModelOnEveryPath(GateRange gates) {
        var w = HandComputedTest.model(gates);
        var stepper = new SsmStepper(w);
        Trace step = stepper.run(stepper.newState(), HandComputedTest.TOKENS);
        Trace fast = new FastForward(w, VectorSupport.fastScan(1), 1)
                .forward(new int[][] {HandComputedTest.TOKENS}, FastForward.Options.FULL).trace(0);
        for (Trace t : new Trace[] {step, fast}) {
            if (gates == GateRange.NONNEGATIVE) {
                HandComputedTest.assertHand(t.layers().get(0));
            } else {
                HandComputedTest.assertSigned(t.layers().get(0));
            }
        }
        assertEquals(3, step.tokens());
    }
}
