package statescope.construct;

import java.util.Arrays;
import java.util.function.IntFunction;
import statescope.lang.Word;
import statescope.ssm.FastForward;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmState;

/**
 * Scores a stream of words against the reference on the fast batched forward pass, with memory bounded
 * by a token budget whatever the words' lengths. Words run in <em>lanes</em>: each call of the forward
 * pass takes the next segment (at most {@code segment} tokens) of every busy lane, starting from the
 * state the lane's previous segment ended in (conv buffers and h), so a word of 10^5 symbols goes
 * through in pieces and no call holds more than {@code lanes · segment} rows. A lane whose word ends
 * takes the next word of the stream at the next call, from the zero state. Per position the decoded
 * prediction is compared with the reference's target as the segment's logits come back; nothing of a
 * segment is kept after it is scored.
 */
final class LaneScan {

    /**
     * Most rows · ED per forward call: each of the pass's [rows, ED] buffers stays near 1 MB, in cache
     * (faster than 2^20 and 2^22 in a measurement on a 1-layer model).
     */
    static final long MAX_CELLS = 1L << 18;
    /** Longest segment of one word per forward call. */
    static final int MAX_SEGMENT = 1024;

    private final Constructed model;
    private final Reference ref;
    private final FastForward forward;
    private final SsmConfig config;
    private final int maxSegment;
    private final long maxCells;

    LaneScan(Constructed model, Reference ref, FastForward forward) {
        this(model, ref, forward, MAX_SEGMENT, MAX_CELLS);
    }

    /** With a given longest segment and budget of rows · ED per call (tests use tiny ones). */
    LaneScan(Constructed model, Reference ref, FastForward forward, int maxSegment, long maxCells) {
        if (maxSegment < 1 || maxCells < 1) {
            throw new IllegalArgumentException("segment and budget must be positive");
        }
        this.model = model;
        this.ref = ref;
        this.forward = forward;
        this.config = model.checkpoint().weights().config();
        this.maxSegment = maxSegment;
        this.maxCells = maxCells;
    }

    /** One word in flight: its model tokens, targets, how far it has been scored and the model's state there. */
    private static final class Lane {
        Word word;
        int[] tokens;
        int[] targets;
        int pos;
        SsmState state;
    }

    /**
     * Scores {@code count} words, word i being {@code source.apply(i)} (called in order, once each), none
     * longer than {@code maxLength}.
     */
    ExactnessCheck.Row run(String what, int count, int maxLength, IntFunction<Word> source) {
        long t0 = System.nanoTime();
        long sampleNs = 0;
        long refNs = 0;
        long modelNs = 0;
        long compareNs = 0;
        int segment = Math.max(1, Math.min(maxSegment, maxLength));
        long maxRows = Math.max(segment, maxCells / config.dInner());
        int nLanes = (int) Math.max(1, Math.min(count, maxRows / segment));
        Lane[] lanes = new Lane[nLanes];
        for (int l = 0; l < nLanes; l++) {
            lanes[l] = new Lane();
        }
        int o = config.outputSize();
        int next = 0;
        long tokens = 0;
        long positions = 0;
        long wrong = 0;
        String failure = "";
        Lane[] busy = new Lane[nLanes];
        while (true) {
            long ts = System.nanoTime();
            for (Lane lane : lanes) {
                while (lane.word == null && next < count) {
                    Word w = source.apply(next++);
                    if (w.length() > maxLength) {
                        throw new IllegalStateException("word of length " + w.length() + " above " + maxLength);
                    }
                    if (w.length() == 0) {
                        continue;
                    }
                    lane.word = w;
                    lane.tokens = ref.encode(w);
                    lane.pos = 0;
                    lane.state = new SsmState(config);
                    long tr = System.nanoTime();
                    lane.targets = ref.targets(w, model.readout());
                    refNs += System.nanoTime() - tr;
                    sampleNs -= System.nanoTime() - tr;
                }
            }
            int b = 0;
            for (Lane lane : lanes) {
                if (lane.word != null) {
                    busy[b++] = lane;
                }
            }
            sampleNs += System.nanoTime() - ts;
            if (b == 0) {
                break;
            }
            int[][] seg = new int[b][];
            SsmState[] initial = new SsmState[b];
            for (int i = 0; i < b; i++) {
                Lane lane = busy[i];
                seg[i] = Arrays.copyOfRange(lane.tokens, lane.pos, Math.min(lane.tokens.length, lane.pos + segment));
                initial[i] = lane.state;
            }
            long tm = System.nanoTime();
            var res = forward.forward(seg, new FastForward.Options(false, false, initial));
            long tc = System.nanoTime();
            modelNs += tc - tm;
            float[] logits = res.logits();                           // [b, T, O]
            for (int i = 0; i < b; i++) {
                Lane lane = busy[i];
                int row0 = i * res.maxLen();
                int len = seg[i].length;
                tokens += len;
                for (int t = 0; t < len; t++) {
                    int target = lane.targets[lane.pos + t];
                    if (target < 0) {
                        continue;
                    }
                    positions++;
                    int pred = decode(logits, (row0 + t) * o, o);
                    if (pred != target) {
                        if (wrong == 0) {
                            failure = describe(lane.word, lane.pos + t, target, pred);
                        }
                        wrong++;
                    }
                }
                lane.pos += len;
                lane.state = res.finalStates()[i];
                if (lane.pos == lane.tokens.length) {
                    lane.word = null;
                    lane.tokens = null;
                    lane.targets = null;
                    lane.state = null;
                }
            }
            compareNs += System.nanoTime() - tc;
        }
        var timing = new ExactnessCheck.Timing(System.nanoTime() - t0, sampleNs, refNs, modelNs, compareNs);
        return new ExactnessCheck.Row(what, count, positions, wrong, failure, tokens, timing);
    }

    private int decode(float[] logits, int off, int o) {
        if (model.readout() == Constructed.Readout.CLASSES) {
            int best = 0;
            for (int c = 1; c < o; c++) {
                best = logits[off + c] > logits[off + best] ? c : best;
            }
            return best;
        }
        int p = 0;
        for (int c = 0; c < o; c++) {
            p |= logits[off + c] > 0f ? 1 << c : 0;
        }
        return p;
    }

    private String describe(Word w, int t, int target, int pred) {
        String prefix = w.length() <= 40 ? w.toString() : "…" + w.prefix(t + 1).toString()
                .substring(Math.max(0, w.prefix(t + 1).toString().length() - 30));
        String how = model.readout() == Constructed.Readout.CLASSES
                ? "class " + target + ", predicted " + pred
                : "bits " + Integer.toBinaryString(target) + ", predicted " + Integer.toBinaryString(pred);
        return "word " + prefix + " (length " + w.length() + ") at position " + t + ": " + how;
    }
}
