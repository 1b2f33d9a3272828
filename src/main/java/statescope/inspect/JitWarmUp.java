package statescope.inspect;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Reads a throwaway word through {@link AlignedTrace}'s batched path once a model is open, so that the JIT
 * has compiled that path (the scan, the projections, the float16 packing) before a user pastes a long
 * text: on this 2-core machine the same 100,000-token read took about 4 s in a fresh JVM and 1.5 s once
 * compiled, the difference being compile time and code running before it is compiled
 * (docs/performance.md). Once per model shape and process: the compiled code serves every later model of
 * that shape, and a second model costs nothing.
 */
public final class JitWarmUp {

    /** Tokens read: enough 64-token blocks for C2 to compile the batched path. */
    public static final int TOKENS = 8192;

    private static final Set<String> DONE = ConcurrentHashMap.newKeySet();

    private JitWarmUp() {
    }

    /**
     * Warms the path for this model's shape unless done before; returns whether it ran. Stops early, with
     * {@link java.util.concurrent.CancellationException}, when {@code cancelled} says so (and may then run
     * again for the shape).
     */
    public static boolean run(TraceModel model, LanguageEntry language, List<Projection> projections,
                              BooleanSupplier cancelled) {
        var info = model.info();
        String shape = info.numLayers() + "x" + info.dInner() + "x" + info.dState();
        if (!DONE.add(shape)) {
            return false;
        }
        try {
            var trace = new AlignedTrace(model, language);
            trace.setProjections(projections, f -> { }, cancelled);
            int[] word = new SplittableRandom(1).ints(TOKENS, 0, language.machine().alphabet().size()).toArray();
            trace.setWord(word, f -> { }, cancelled);
            return true;
        } catch (RuntimeException | Error e) {
            DONE.remove(shape);
            throw e;
        }
    }
}
