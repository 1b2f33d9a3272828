package statescope.ssm;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;

/**
 * The child process of {@link StateAndBatchTest#stepIsAllocationFree}: steps one signed-gate model on
 * the default kernels until the JIT has settled and prints {@code bytes=N}, the bytes this thread
 * allocated per step, and {@code backend=...}. A JVM of its own, because in the test JVM hundreds of
 * other tests have loaded every kernel family and polluted the call profiles, so C2 may decline to
 * inline the kernels and the Vector API values escape to the heap; the app runs one model in a clean
 * JVM, which is what this measures.
 */
public final class StepAllocationChild {

    private StepAllocationChild() {
    }

    /** Measures and prints; the argument is the number of warm-up rounds allowed. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        var stepper = new SsmStepper(StateAndBatchTest.weights(GateRange.SIGNED));
        var s = stepper.newState();
        float[] logits = new float[StateAndBatchTest.CFG.outputSize()];
        var bean = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long per = Long.MAX_VALUE;
        for (int attempt = 0; attempt < rounds && per >= 8; attempt++) {
            for (int i = 0; i < 20_000; i++) {
                stepper.step(s, i % 6, logits);
            }
            long before = bean.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 10_000; i++) {
                stepper.step(s, i % 6, logits);
            }
            per = (bean.getThreadAllocatedBytes(tid) - before) / 10_000;
        }
        System.out.println("backend=" + stepper.backend());
        System.out.println("bytes=" + per);
        System.out.println("nan=" + Float.isNaN(logits[0]));
    }
}
