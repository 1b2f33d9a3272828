package statescope.analysis;

import statescope.ssm.FastForward;
import statescope.ssm.SelectiveScanKernel;
import statescope.ssm.SsmState;
import statescope.ssm.SsmStepper;
import statescope.ssm.SsmWeights;

/**
 * The engine's Mamba model as a {@link Model}: the step is {@link SsmStepper} (the app's recurrent step,
 * Vector API; its scalar kernels for a short walk), the batched forward is {@link FastForward} with the given scan kernel, logits only.
 */
public final class SsmModel implements Model {

    private final SsmWeights weights;
    private final String name;

    public SsmModel(SsmWeights weights, String name) {
        this.weights = weights;
        this.name = name;
    }

    public SsmWeights weights() {
        return weights;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int vocabSize() {
        return weights.config().vocabSize();
    }

    @Override
    public int outputSize() {
        return weights.config().outputSize();
    }

    private record Holder(SsmState s) implements State {
        @Override
        public State copy() {
            return new Holder(s.copy());
        }

        @Override
        public void restore(State other) {
            s.restore(((Holder) other).s());
        }
    }

    @Override
    public State newState() {
        return new Holder(new SsmState(weights.config()));
    }

    @Override
    public Stepper stepper() {
        SsmStepper st = new SsmStepper(weights);
        return (state, token, logits) -> st.step(((Holder) state).s(), token, logits);
    }

    @Override
    public Stepper coldStepper() {
        SsmStepper st = SsmStepper.scalar(weights);
        return (state, token, logits) -> st.step(((Holder) state).s(), token, logits);
    }

    @Override
    public Forward forward(SelectiveScanKernel kernel, int threads) {
        FastForward ff = new FastForward(weights, kernel, threads);
        return tokens -> {
            FastForward.Result r = ff.forward(tokens, FastForward.Options.LOGITS);
            return new Batch(r.logits(), r.maxLen());
        };
    }
}
