package statescope.inspect;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import statescope.ssm.SelectiveScanKernel;

/**
 * Reads throwaway words through {@link AlignedTrace}'s batched path once a model is open, so that the JIT
 * has compiled that path (the scan, the projections, the float16 packing) before a user pastes a long
 * text: on this 2-core machine the same 100,000-token read took about 4 s in a fresh JVM and 1.5 s once
 * compiled, the difference being compile time and code running before it is compiled
 * (docs/performance.md). Once per model shape and process: the compiled code serves every later model of
 * that shape, and a second model costs nothing.
 *
 * <p>The optimising compiler (C2) takes a method once it has run thousands of times (about 5,000 calls,
 * or 15,000 calls and loop turns, counted higher while C2's queue is long, as it is while the window
 * starts). One word of {@link #TOKENS} is 128 blocks: the per-block methods (the model's forward pass
 * over a block, its phases, the matrix products) then stayed in the first compiler's tier, and C2
 * compiled them all during the user's paste, 0.6-1.5 s of C2's CPU on the two cores the paste needs. So
 * the warm-up reads {@link #WORDS} fresh words and then {@link #SHORT_BLOCKS} one-token blocks, which
 * call the block path as often as C2 asks for at little cost (docs/performance.md, "Ninth pass").
 *
 * <p>Among the short blocks it also makes the app's other reads ({@link #otherReads}, before blocks 0,
 * {@value #OTHER_READS_EVERY}, 2 · {@value #OTHER_READS_EVERY}, … while at least {@value #OTHER_READS_EVERY}
 * blocks follow): C2 compiles a method for the branches its profile has seen, and a branch taken later
 * throws the compiled code away (an "unstable if" trap) to be compiled again. Without them, the corpus fit
 * of the next model of the same shape (a batched read from zero states, no workspace) threw the compiled
 * forward pass away, and C2 compiled it again during the user's paste (docs/performance.md, "Tenth pass").
 */
public final class JitWarmUp {

    /** Tokens of each word read. */
    public static final int TOKENS = 8192;

    /** Fresh words read in turn (each from its first token, none reusing the last one's states). */
    public static final int WORDS = 8;

    /** One-token block reads after the words: calls of the block path, for C2's call count. */
    public static final int SHORT_BLOCKS = 6000;

    /**
     * One-token blocks between two rounds of {@link #otherReads}; the last round leaves at least this many
     * for C2 to compile again what a round threw away (a branch seen once may not be in the profile C2
     * compiles from).
     */
    static final int OTHER_READS_EVERY = 1000;

    /** Block lengths read in turn by {@link #otherReads}: each unlike the one before (the workspace re-sized). */
    static final int[] OTHER_BLOCKS = {2, 3, 64, 5, 2, 17};

    private static final Set<String> DONE = ConcurrentHashMap.newKeySet();

    private JitWarmUp() {
    }

    /**
     * Warms the path for this model's shape unless done before; returns whether it ran. Stops early, with
     * {@link CancellationException}, when {@code cancelled} says so (and may then run again for the shape).
     */
    public static boolean run(TraceModel model, LanguageEntry language, List<Projection> projections,
                              SelectiveScanKernel kernel, BooleanSupplier cancelled) {
        var info = model.info();
        String shape = info.numLayers() + "x" + info.dInner() + "x" + info.dState();
        if (!DONE.add(shape)) {
            return false;
        }
        try {
            var trace = new AlignedTrace(model, language);
            trace.setProjections(projections, f -> { }, cancelled);
            int symbols = language.machine().alphabet().size();
            int[] word = null;
            for (int i = 0; i < WORDS; i++) {
                word = new SplittableRandom(i + 1).ints(TOKENS, 0, symbols).toArray();
                trace.setWord(word, f -> { }, cancelled);
            }
            int[][] corpus = CorpusProjection.appBatch(language);
            var state = model.newState();
            for (int i = 0; i < SHORT_BLOCKS; i++) {
                if (i % 256 == 0 && cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
                if (i % OTHER_READS_EVERY == 0 && i + OTHER_READS_EVERY <= SHORT_BLOCKS) {
                    otherReads(model, language, word, corpus, kernel, cancelled);
                }
                model.stepBlock(state, new int[] {word[i % TOKENS]}, i % 2);
            }
            return true;
        } catch (RuntimeException | Error e) {
            DONE.remove(shape);
            throw e;
        }
    }

    /**
     * The reads the app makes besides a paste's, one of each: the corpus fit's ({@code corpus}, a batch of
     * words sampled as the fit samples them, of unequal lengths, some shorter than the convolution, read from
     * zero states with no workspace: {@link TraceModel#hiddenStates}), a trace with no projections yet (as
     * before the fit), and blocks whose lengths change from one to the next (typing, a paste's tail).
     */
    static void otherReads(TraceModel model, LanguageEntry language, int[] word, int[][] corpus,
                           SelectiveScanKernel kernel, BooleanSupplier cancelled) {
        model.hiddenStates(corpus, kernel);
        new AlignedTrace(model, language).setWord(Arrays.copyOf(word, 50), f -> { }, cancelled);
        var state = model.newState();
        for (int i = 0; i < OTHER_BLOCKS.length; i++) {
            model.stepBlock(state, Arrays.copyOf(word, OTHER_BLOCKS[i]), i % 2);
        }
    }
}
