package statescope.export;

import java.util.List;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmStepper;
import statescope.ssm.SsmWeights;
import statescope.ssm.Trace;

/**
 * The trace of one input, with what names it: the model (a path or a name), where it ran, its config,
 * the token ids with their symbols and the names of the head's outputs.
 *
 * @param symbols       one per token (the id itself when the model has no vocabulary)
 * @param outputClasses one per head output (empty when the model names none)
 */
public record TraceData(String model, String backend, SsmConfig config, int[] tokens, List<String> symbols,
                        List<String> outputClasses, Trace trace) {

    /** Most values a trace may hold (200 MB of floats; as JSON, about a gigabyte). */
    public static final long MAX_TRACE_VALUES = 50_000_000L;

    public TraceData {
        symbols = List.copyOf(symbols);
        outputClasses = List.copyOf(outputClasses);
        if (symbols.size() != tokens.length) {
            throw new IllegalArgumentException(tokens.length + " tokens but " + symbols.size() + " symbols");
        }
    }

    /** Refuses an input whose trace (h [T, ED, N], Δ and y [T, ED] per layer, logits [T, O]) would exceed the cap. */
    public static void checkSize(SsmConfig c, int tokens) {
        long perToken = (long) c.nLayer() * ((long) c.dInner() * c.dState() + 2L * c.dInner()) + c.outputSize();
        if ((long) tokens * perToken > MAX_TRACE_VALUES) {
            throw new IllegalArgumentException("the trace of " + tokens + " tokens would hold " + tokens * perToken
                    + " values, more than the limit of " + MAX_TRACE_VALUES + "; give at most "
                    + MAX_TRACE_VALUES / perToken + " tokens for this model");
        }
    }

    /** Runs {@code weights} over {@code tokens} from the zero state and keeps every intermediate. */
    public static TraceData compute(SsmWeights weights, String model, int[] tokens, List<String> symbols,
                                    List<String> outputClasses) {
        if (tokens.length == 0) {
            throw new IllegalArgumentException("the input is empty");
        }
        checkSize(weights.config(), tokens.length);
        var stepper = new SsmStepper(weights);
        Trace trace = stepper.run(stepper.newState(), tokens);
        return new TraceData(model, stepper.backend(), weights.config(), tokens.clone(), symbols, outputClasses,
                trace);
    }
}
