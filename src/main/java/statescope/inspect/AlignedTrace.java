package statescope.inspect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import statescope.lang.catalog.ReferenceMachine;
import statescope.lang.catalog.ReferenceMachine.Config;

/**
 * A model run aligned with the reference machine's run on the same word: per position the token, the
 * reference configuration (the catalog machine's own {@link Config}) and the drawn DFA state, the
 * target, the model's prediction, whether they agree, the per-channel
 * quantities of every layer ({@link ChannelKind}, stored as float16) and the projected state per layer.
 *
 * <p>Positions: {@code t = 0} is the empty prefix (initial configuration, no prediction);
 * {@code t = 1..length()} is after reading the t-th token. The model state is snapshotted every
 * {@value #SNAPSHOT_EVERY} tokens, so an edit at position i replays at most that many steps before it
 * recomputes from i. Not thread-safe: one thread at a time (the UI hands it to a worker for long jobs).
 */
public final class AlignedTrace {

    /** Tokens between model-state snapshots. */
    public static final int SNAPSHOT_EVERY = 64;

    /** Reads of at least this many tokens go through the model's batched path, a snapshot interval at a time. */
    public static final int BATCH_FROM = 512;

    /** Batched reads of at least this many snapshot intervals scan one block ahead on a second thread. */
    public static final int PIPELINE_BLOCKS = 16;

    private final TraceModel model;
    private final Reference reference;
    private final ReferenceMachine machine;
    private final LanguageEntry.TokenEncoder encoder;
    private final int layers;
    private final int channels;
    private final int dState;
    private final TreeMap<Integer, TraceModel.State> snapshots = new TreeMap<>();
    private TraceModel.State live;                                            // state after the last token
    private List<StateProjection> projections;                          // [L] or null

    private int[] tokens = new int[16];
    private final List<Config> configs = new ArrayList<>();           // [n + 1]
    private int[] states = new int[16];                                 // [n + 1] drawn state per position
    private final List<Target> targets = new ArrayList<>();           // [n + 1], index 0 for ε
    private final List<Target> predictions = new ArrayList<>();       // [n + 1], index 0 null
    private final List<short[]> channelData = new ArrayList<>();      // [n + 1][L * stored * ED] float16
    private final int stored;                   // kinds kept per token: STATE, DELTA (and GATE unless derived)
    private final ChannelKind[] kinds;                                  // the first {@code stored} kinds
    private final float[] packBuffer;                                   // [ED], pack's
    private final List<float[]> points = new ArrayList<>();           // [n + 1][L * 3] or null
    private int length;
    private int firstDivergence = -1;
    /** The first position whose prefix is dead (no word of the language starts with it), or −1. */
    private int firstDead = -1;
    private boolean scanAhead = true;

    /** A trace whose token ids are the symbol indices. */
    public AlignedTrace(TraceModel model, Reference reference) {
        this(model, reference, LanguageEntry.TokenEncoder.identity(reference.alphabet().size()));
    }

    /** A trace of a language's model: the reference and token encoding come from the entry. */
    public AlignedTrace(TraceModel model, LanguageEntry language) {
        this(model, language.reference(), language.tokens());
    }

    private AlignedTrace(TraceModel model, Reference reference, LanguageEntry.TokenEncoder encoder) {
        this.model = model;
        this.reference = reference;
        this.machine = reference.machine();
        this.encoder = encoder;
        this.layers = model.info().numLayers();
        this.channels = model.info().dInner();
        this.dState = model.info().dState();
        this.stored = model.gateFromDelta() ? ChannelKind.GATE.ordinal() : ChannelKind.values().length;
        this.kinds = Arrays.copyOf(ChannelKind.values(), stored);
        this.packBuffer = new float[channels];
        this.live = model.newState();
        snapshots.put(0, live.copy());
        Config c0 = machine.start();
        configs.add(c0);
        states[0] = reference.initialState();
        targets.add(reference.initialTarget(c0));
        predictions.add(null);
        channelData.add(new short[layers * stored * channels]);
        points.add(null);
    }

    public TraceModel model() {
        return model;
    }

    /** The reference machine (the catalog's); {@link #config} holds its configurations. */
    public ReferenceMachine machine() {
        return machine;
    }

    /** The reference side: machine, targets, drawn DFA, how model outputs are read. */
    public Reference reference() {
        return reference;
    }

    public int length() {
        return length;
    }

    public int[] tokens() {
        return Arrays.copyOf(tokens, length);
    }

    /** The token read at position t (1-based). */
    public int token(int t) {
        return tokens[t - 1];
    }

    /** The reference machine's configuration after t symbols. */
    public Config config(int t) {
        return configs.get(t);
    }

    /** The drawn state after t symbols: the DFA state, or without a DFA the first register. */
    public int state(int t) {
        if (t < 0 || t > length) {
            throw new IndexOutOfBoundsException("position " + t + " outside 0.." + length);
        }
        return states[t];
    }

    public Target target(int t) {
        return targets.get(t);
    }

    /** The model's prediction after t tokens (t ≥ 1). */
    public Target prediction(int t) {
        return predictions.get(t);
    }

    public boolean agrees(int t) {
        return t == 0 || predictions.get(t).equals(targets.get(t));
    }

    /**
     * Whether position t is scored: its prefix still starts a word of the language. The protocol scores
     * words of the language (training, evaluation, the counterexample search and the constructions alike),
     * so after the reference's dead state a prediction is shown but is neither right nor wrong.
     */
    public boolean scored(int t) {
        return t >= 1 && (firstDead < 0 || t < firstDead);
    }

    /** The first position whose prefix is dead (and every later one), or −1 when the whole trace is live. */
    public int firstDead() {
        return firstDead;
    }

    /** The first scored position where model and reference disagree, or −1. */
    public int firstDivergence() {
        return firstDivergence;
    }

    /**
     * The quantity {@code kind} of layer {@code layer} at position t, {@code [ED]}. Ā of a model that
     * derives it from Δ ({@link TraceModel#gateFromDelta()}) is computed here from the kept Δ.
     */
    public float[] channels(int layer, ChannelKind kind, int t) {
        float[] out = new float[channels];
        for (int d = 0; d < channels; d++) {
            out[d] = channel(layer, kind, t, d);
        }
        return out;
    }

    /** One channel's quantity: {@code channels(layer, kind, t)[d]} without decoding the others. */
    public float channel(int layer, ChannelKind kind, int t, int d) {
        short[] row = channelData.get(t);
        if (kind == ChannelKind.GATE && stored == ChannelKind.GATE.ordinal()) {
            float delta = Float.float16ToFloat(row[(layer * stored + ChannelKind.DELTA.ordinal()) * channels + d]);
            return t == 0 ? 0f : model.gateMean(layer, d, delta);
        }
        return Float.float16ToFloat(row[(layer * stored + kind.ordinal()) * channels + d]);
    }

    /** The projected state of a layer at position t ({@code [3]}), or null before projections are set. */
    public float[] point(int layer, int t) {
        float[] p = points.get(t);
        return p == null ? null : Arrays.copyOfRange(p, layer * 3, layer * 3 + 3);
    }

    public boolean hasProjections() {
        return projections != null;
    }

    /** Reads one more symbol (an alphabet index; the language's encoder gives the model's token id). */
    public void append(int symbol) {
        appendStep(symbol, null, 0);
    }

    /**
     * One step. {@code block}, when given, already holds this step's model outputs at {@code index} (and
     * the live state was advanced past it); else the model steps here.
     */
    private void appendStep(int symbol, StepBlock block, int index) {
        checkSymbol(symbol);
        if (length == tokens.length) {
            tokens = Arrays.copyOf(tokens, tokens.length * 2);
        }
        tokens[length] = symbol;
        StepBlock b = block;
        int i = index;
        if (b == null) {
            b = StepBlock.of(new StepTrace[] {model.step(live, encoder.token(tokens, length))}, dState);
            i = 0;
        }
        length++;
        Config before = configs.get(length - 1);
        Config c = machine.step(before, symbol);
        configs.add(c);
        if (length == states.length) {
            states = Arrays.copyOf(states, states.length * 2);
        }
        states[length] = reference.nextState(states[length - 1], symbol, c);
        Target target = reference.target(before, symbol, c);
        Target pred = reference.decode(before, symbol, c, b.logits(i));
        targets.add(target);
        predictions.add(pred);
        channelData.add(pack(b, i));
        points.add(project(b, i));
        if (firstDead < 0 && machine.isDead(c)) {                   // a sink: every later prefix is dead too
            firstDead = length;
        }
        if (firstDivergence < 0 && scored(length) && !pred.equals(target)) {
            firstDivergence = length;
        }
        if (length % SNAPSHOT_EVERY == 0) {
            snapshots.put(length, live.copy());
        }
    }

    private void checkSymbol(int symbol) {
        if (symbol < 0 || symbol >= machine.alphabet().size()) {
            throw new IllegalArgumentException("symbol index " + symbol + " is not in " + machine.alphabet());
        }
    }

    /** Step i of a block as stored: per layer and quantity, {@code [ED]} float16 values. */
    private short[] pack(StepBlock b, int i) {
        short[] row = new short[layers * stored * channels];
        float[] v = packBuffer;
        for (int l = 0; l < layers; l++) {
            for (ChannelKind k : kinds) {
                b.channels(i, l, k, v);
                int base = (l * stored + k.ordinal()) * channels;
                for (int d = 0; d < channels; d++) {
                    row[base + d] = Float.floatToFloat16(v[d]);
                }
            }
        }
        return row;
    }

    /** The projected states of step i of a block, {@code [L * 3]}, or null before projections are set. */
    private float[] project(StepBlock b, int i) {
        if (projections == null) {
            return null;
        }
        float[] p = new float[layers * 3];
        for (int l = 0; l < layers; l++) {
            b.project(i, l, projections.get(l), p, l * 3);
        }
        return p;
    }

    /** Cuts the trace back to its first {@code newLength} tokens, restoring the model state from a snapshot. */
    public void truncate(int newLength) {
        if (newLength < 0 || newLength > length) {
            throw new IllegalArgumentException("cannot truncate a trace of " + length + " tokens to " + newLength);
        }
        if (newLength == length) {
            return;
        }
        Map.Entry<Integer, TraceModel.State> snap = snapshots.floorEntry(newLength);
        TraceModel.State st = snap.getValue().copy();
        for (int t = snap.getKey() + 1; t <= newLength; t++) {
            model.step(st, encoder.token(tokens, t - 1));
        }
        live = st;
        snapshots.tailMap(newLength, false).clear();
        for (int t = length; t > newLength; t--) {
            configs.remove(t);
            targets.remove(t);
            predictions.remove(t);
            channelData.remove(t);
            points.remove(t);
        }
        length = newLength;
        if (firstDivergence > newLength) {
            firstDivergence = -1;
        }
        if (firstDead > newLength) {
            firstDead = -1;
        }
    }

    /** The number of leading tokens this trace shares with {@code word}. */
    public int commonPrefix(int[] word) {
        int i = 0;
        while (i < length && i < word.length && tokens[i] == word[i]) {
            i++;
        }
        return i;
    }

    /**
     * Makes the trace read {@code word}: keeps the common prefix, recomputes from the first edit.
     * Reports progress in [0, 1] and throws {@link CancellationException} when cancelled (the trace is
     * then consistent, holding a prefix of {@code word}).
     */
    public void setWord(int[] word, DoubleConsumer progress, BooleanSupplier cancelled) {
        int keep = commonPrefix(word);
        truncate(keep);
        int todo = word.length - keep;
        int i = keep;
        while (i < word.length) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("stopped after " + i + " of " + word.length + " tokens");
            }
            int end = Math.min(word.length, (i / SNAPSHOT_EVERY + 1) * SNAPSHOT_EVERY);   // up to the next snapshot
            if (word.length - i >= BATCH_FROM && end - i == SNAPSHOT_EVERY) {
                int blocks = (word.length - BATCH_FROM - i) / SNAPSHOT_EVERY + 1;  // while BATCH_FROM tokens remain
                if (blocks >= PIPELINE_BLOCKS && scanAhead) {
                    readAhead(word, i, blocks, keep, todo, progress, cancelled);
                    i += blocks * SNAPSHOT_EVERY;
                    continue;
                }
                appendBlock(word, i, model.stepBlock(live, chunk(word, i, end), 0));
            } else {
                for (int j = i; j < end; j++) {
                    appendStep(word[j], null, 0);
                }
            }
            i = end;
            progress.accept((double) (i - keep) / todo);
        }
        progress.accept(1.0);
    }

    /** Whether long reads scan one block ahead on a second thread (they do; tests compare with one thread). */
    void scanAhead(boolean on) {
        scanAhead = on;
    }

    /** The model's token ids of {@code word[from, to)}, each symbol checked. */
    private int[] chunk(int[] word, int from, int to) {
        int[] chunk = new int[to - from];
        for (int j = from; j < to; j++) {
            checkSymbol(word[j]);
            chunk[j - from] = encoder.token(word, j);
        }
        return chunk;
    }

    /** Appends the snapshot interval of {@code word} from {@code from} that {@code block} read. */
    private void appendBlock(int[] word, int from, StepBlock block) {
        for (int j = 0; j < block.length(); j++) {
            appendStep(word[from + j], block, j);
        }
    }

    /** One block a scan thread read ahead: the block, the state after it (or what it threw). */
    private record ReadAhead(StepBlock block, TraceModel.State after, Throwable error) {
    }

    /**
     * Reads {@code blocks} whole snapshot intervals of {@code word} from {@code from} with the scan one
     * block ahead on a thread of its own, while this thread appends the block before (the reference, the
     * float16 packing and the projections take about a third as long as the scan). The blocks alternate
     * between the model's two buffer sets, and the hand-over waits for this thread to take the next one,
     * so the scan never writes a block that is still being read. Gives exactly what reading block by
     * block gives (AlignedTraceTest).
     */
    private void readAhead(int[] word, int from, int blocks, int keep, int todo, DoubleConsumer progress,
                           BooleanSupplier cancelled) {
        var handOver = new SynchronousQueue<ReadAhead>();
        var stop = new AtomicBoolean();
        TraceModel.State start = live.copy();
        Thread scan = Thread.ofPlatform().daemon().name("statescope-scan-ahead").start(() -> {
            TraceModel.State st = start;
            try {
                for (int k = 0; k < blocks && !stop.get(); k++) {
                    int at = from + k * SNAPSHOT_EVERY;
                    StepBlock block;
                    try {
                        block = model.stepBlock(st, chunk(word, at, at + SNAPSHOT_EVERY), k % 2);
                    } catch (RuntimeException | Error e) {                // an Error too: this thread must
                        handOver.put(new ReadAhead(null, null, e));        // not leave the other waiting
                        return;
                    }
                    handOver.put(new ReadAhead(block, st.copy(), null));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();                  // this thread stopped waiting: end
            }
        });
        try {
            for (int k = 0; k < blocks; k++) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("stopped after " + (from + k * SNAPSHOT_EVERY) + " of "
                            + word.length + " tokens");
                }
                ReadAhead next = handOver.take();
                if (next.error() instanceof RuntimeException e) {
                    throw e;
                }
                if (next.error() instanceof Error e) {
                    throw e;
                }
                live = next.after();                                 // the state the block's snapshot keeps
                appendBlock(word, from + k * SNAPSHOT_EVERY, next.block());
                progress.accept((double) (from + (k + 1) * SNAPSHOT_EVERY - keep) / todo);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted after " + length + " of " + word.length + " tokens");
        } finally {
            stop.set(true);
            scan.interrupt();
            try {
                scan.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Sets the frozen projections (one per layer) and recomputes every position's projected point by
     * replaying the model from the start.
     */
    public void setProjections(List<Projection> newProjections, DoubleConsumer progress, BooleanSupplier cancelled) {
        this.projections = newProjections.stream().map(p -> StateProjection.of(p, dState)).toList();
        TraceModel.State st = model.newState();
        int t = 1;
        while (t <= length) {                                          // a snapshot interval at a time
            if (cancelled.getAsBoolean()) {
                this.projections = null;                              // no half-projected trace
                for (int i = 0; i <= length; i++) {
                    points.set(i, null);
                }
                throw new CancellationException("projection stopped at token " + t);
            }
            int end = Math.min(length, t - 1 + SNAPSHOT_EVERY);
            if (length - t + 1 >= BATCH_FROM && end - t + 1 == SNAPSHOT_EVERY) {
                int[] chunk = new int[end - t + 1];
                for (int j = t; j <= end; j++) {
                    chunk[j - t] = encoder.token(tokens, j - 1);
                }
                StepBlock block = model.stepBlock(st, chunk, 0);       // as setWord reads long words
                for (int j = t; j <= end; j++) {
                    points.set(j, project(block, j - t));
                }
            } else {
                for (int j = t; j <= end; j++) {
                    var step = model.step(st, encoder.token(tokens, j - 1));
                    points.set(j, project(StepBlock.of(new StepTrace[] {step}, dState), 0));
                }
            }
            t = end + 1;
            progress.accept((double) end / length);
        }
    }
}
