package statescope.construct;

import static statescope.construct.ModelBuilder.ON;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Mamba block of a constructed model, described by its channels (ED of them, N = 1 state each).
 * Every channel kind below keeps its values in a small set of exact float32 numbers (see
 * docs/constructions.md, "How a construction maps to the block"):
 *
 * <ul>
 *   <li>{@link #feature}: x = 64 when a condition held {@code delay} positions ago, else exactly 0
 *       (conv pre-activation 64 or ≤ −192, where SiLU is the identity resp. exactly 0). Its Δ is 0.</li>
 *   <li>{@link #ramp}: x = 128·max(0, f) for an integer form f (SiLU is exactly ReLU on multiples of 128).</li>
 *   <li>{@link #flag}: a set/reset channel h ∈ {0, 1}: Δ = 64 (Ā = exp(−256) = 0) when its control is 1,
 *       Δ = softplus(−1984) = 0 (Ā = 1, nothing written) when it is ≤ 0; the written value is
 *       Δ·B·x = 64·2^−12·x with x ∈ {0, 64}, so exactly 0 or 1.</li>
 *   <li>{@link #counter}: A = −exp(−200) = −0, so Ā = 1 always; Δ = 64 and x = 64 at every position and
 *       B = 2^−12·(Σ increments), so h moves by an exact integer.</li>
 *   <li>{@link #emit}: a channel's output g = y·SiLU(z) with y = h/64 (C = 2^−6) or y = 1/64 (a constant
 *       channel, D = 2^−12) and z a {@link Gate}; out_proj adds it to residual dimensions.</li>
 * </ul>
 * A layer holds flags or counters, not both: B is shared by its channels.
 */
public final class LayerBuilder {

    /** One channel's settings, in u-space (logical residual dimensions). */
    static final class Channel {
        final String name;
        Form xForm = Form.zero();
        final float[] taps;                         // [K]; tap K−1 multiplies the current position
        float convBias;
        Form zForm = Form.zero();
        String gate = "";
        final Map<Integer, Float> dtW = new HashMap<>();   // control index → weight
        float dtBias = ModelBuilder.S_HOLD;
        float aLog = ModelBuilder.A_LOG_RESET;
        float dSkip;
        float unit = ON;                            // x when its condition holds (features)
        final Map<Integer, Double> out = new LinkedHashMap<>();  // logical dim → out_proj coefficient
        final Map<Integer, Double> xProj = new HashMap<>();      // x_proj row → coefficient
        Channel stateOf;                            // the channel whose state a replica repeats
        boolean state;                              // a flag or counter (else a feature or constant)

        Channel(String name, int k) {
            this.name = name;
            this.taps = new float[k];
        }
    }

    /** How a channel's output is gated: g = y·SiLU(z), with SiLU(z)/64 = scale·(the gate's value). */
    public record Gate(String key, Form z, double scale) {
        /** Always open: SiLU(64) = 64. */
        public static Gate always() {
            return new Gate("1", Form.constant(ON), 1);
        }

        /** Open when a condition holds: z = 256·c − 192, so SiLU(z) is 64 or exactly 0. */
        public static Gate when(String name, Form condition) {
            return new Gate(name, condition.times(256).plus(Form.constant(-192)), 1);
        }

        /** A ramp on an integer form f: z = 128·f, SiLU(z) = 128·max(0, f) exactly. */
        public static Gate ramp(String name, Form f) {
            return new Gate("ramp " + name, f.times(ModelBuilder.RAMP), 2);
        }
    }

    private final ModelBuilder model;
    final List<Channel> channels = new ArrayList<>();
    final List<String> controlNames = new ArrayList<>();
    private final Map<Channel, Map<String, Channel>> gated = new IdentityHashMap<>();
    private final Map<String, Channel> gatedConstant = new HashMap<>();
    private final Channel one;
    private boolean hasFlags;
    private boolean hasCounters;
    private int[] signed;                       // controls reset, swap, hold of a signed-gate layer

    LayerBuilder(ModelBuilder model) {
        this.model = model;
        one = add("constant 1");
        one.convBias = ON;
        one.xProj.put(ModelBuilder.C_ROW, (double) ModelBuilder.C / ON);      // C = 2^−6
    }

    private Channel add(String name) {
        var c = new Channel(name, model.conv());
        channels.add(c);
        return c;
    }

    /**
     * A feature: x = 64 when {@code condition} held {@code delay} positions ago (0 = now), else 0. Before
     * the start of the string the condition counts as {@code beforeStart}.
     */
    public Channel feature(String name, Form condition, int delay, boolean beforeStart) {
        checkDelay(delay);
        Channel c = add(name);
        // padding false: x̃ = c, v = −192 + 256·x̃; padding true: x̃ = c − 1, v = 64 + 256·x̃
        c.xForm = beforeStart ? condition.plus(Form.constant(-1)) : condition;
        c.taps[model.conv() - 1 - delay] = 256;
        c.convBias = beforeStart ? ON : -192;
        return c;
    }

    /** A ramp: x = 128·max(0, f) for an integer form f read {@code delay} positions ago (0 before the start). */
    public Channel ramp(String name, Form f, int delay) {
        checkDelay(delay);
        Channel c = add(name);
        c.xForm = f;
        c.taps[model.conv() - 1 - delay] = ModelBuilder.RAMP;
        c.unit = ModelBuilder.RAMP;
        return c;
    }

    /** The constant channel: x = 64 at every position. */
    public Channel one() {
        return one;
    }

    /**
     * A control signal δ = Σ w·[feature] (ramps count as max(0, f)) + constant, one row of x_proj's δ
     * part. A flag writes when its control is exactly 1 and holds when it is at most 0.
     */
    public int control(String name, Map<Channel, Double> weights, double constant) {
        int j = controlNames.size();
        controlNames.add(name);
        weights.forEach((f, w) -> f.xProj.merge(j, w / f.unit, Double::sum));
        if (constant != 0) {
            one.xProj.merge(j, constant / ON, Double::sum);
        }
        return j;
    }

    /**
     * A set/reset flag: when control {@code ctrl} is 1 it becomes [write held {@code delay} positions ago]
     * ({@code write} null: becomes 1); otherwise it keeps its value. It starts at 0.
     */
    public Channel flag(String name, Form write, int delay, int ctrl) {
        if (hasCounters) {
            throw new IllegalStateException("a layer holds flags or counters, not both");
        }
        if (!hasFlags) {
            one.xProj.put(ModelBuilder.B_ROW, (double) ModelBuilder.B / ON);    // B = 2^−12
            hasFlags = true;
        }
        Channel c = write == null ? add(name) : feature(name, write, delay, false);
        if (write == null) {
            c.convBias = ON;
        }
        c.dtW.put(ctrl, ModelBuilder.S_STEP);
        c.dtBias = ModelBuilder.S_HOLD;
        c.state = true;
        return c;
    }

    /**
     * A flag of a signed-gate model (see {@link ModelBuilder#DELTA_RESET}): where {@code reset} holds it
     * becomes [write] (Ā = 0), where {@code swap} holds (null: never) a channel that {@code swaps} becomes
     * 1 − h (Ā = −1, write 1, so {@code write} must hold there too) and any other keeps its value, as it
     * does elsewhere. A layer's signed flags share
     * their reset and swap features (they belong to one cascade level).
     */
    public Channel signedFlag(String name, Form write, int delay, Channel reset, Channel swap, boolean swaps) {
        if (hasFlags || hasCounters) {
            throw new IllegalStateException("a signed-gate layer holds signed flags only");
        }
        if (signed == null) {
            var hold = new LinkedHashMap<Channel, Double>();
            hold.put(reset, -1.0);
            if (swap != null) {
                hold.put(swap, -1.0);
            }
            signed = new int[] {control("reset", Map.of(reset, 1.0), 0),
                    swap == null ? -1 : control("swap", Map.of(swap, 1.0), 0), control("hold", hold, 1)};
            reset.xProj.merge(ModelBuilder.B_ROW, (double) ModelBuilder.B_RESET / ON, Double::sum);
            if (swap != null) {
                swap.xProj.merge(ModelBuilder.B_ROW, (double) ModelBuilder.B_SWAP / ON, Double::sum);
            }
        }
        Channel c = feature(name, write, delay, false);
        c.dtW.put(signed[0], ModelBuilder.DELTA_RESET);
        if (signed[1] >= 0) {
            c.dtW.put(signed[1], swaps ? ModelBuilder.DELTA_SWAP : -2048f);     // a channel outside the pair holds
        }
        c.dtW.put(signed[2], -2048f);
        c.dtBias = 0;
        c.aLog = ModelBuilder.A_LOG_SIGNED;
        c.state = true;
        return c;
    }

    /** A counter: h += Σ w·[feature] at every position (see {@link #increment}); it starts at 0. */
    public Channel counter(String name) {
        if (hasFlags) {
            throw new IllegalStateException("a layer holds flags or counters, not both");
        }
        hasCounters = true;
        Channel c = add(name);
        c.convBias = ON;
        c.dtBias = ON;                                                  // Δ = softplus(64) = 64
        c.aLog = ModelBuilder.A_LOG_KEEP;                               // A = −0, Ā = 1
        c.state = true;
        return c;
    }

    /** Adds w·[feature] to every counter's increment (B is shared by the layer's channels). */
    public void increment(Channel feature, double w) {
        feature.xProj.merge(ModelBuilder.B_ROW, w * ModelBuilder.B / feature.unit, Double::sum);
    }

    /**
     * Adds {@code amount}·value·gate to residual dimension {@code dim} at every position, where value is
     * the state of {@code source} (a flag or counter), [feature] for a feature (read through its D skip),
     * or 1 for null; gate is the gate's value (1, [c] or max(0, f)). A source whose channel already has
     * another gate is read through a replica with the same state.
     */
    public void emit(Channel source, Gate gate, int dim, double amount) {
        Map<String, Channel> byGate = source == null ? gatedConstant : gated.computeIfAbsent(source, x -> new HashMap<>());
        Channel c = byGate.get(gate.key());
        if (c == null) {
            if (source == null) {
                c = add(gate.key().equals("1") ? "constant 1 (out)" : "[" + gate.key() + "]");
                c.convBias = ON;
                c.dSkip = ModelBuilder.C / ON;                          // y = D·x = 2^−6
            } else {
                if (!source.state) {
                    if (source.unit != ON) {
                        throw new IllegalArgumentException("a ramp feature cannot be emitted; gate by a ramp instead");
                    }
                    source.dSkip = ModelBuilder.C / ON;                 // y = D·x = [feature]/64
                }
                c = source.gate.isEmpty() ? source : replica(source, source.name + " · " + gate.key());
            }
            c.zForm = gate.z();
            c.gate = gate.key();
            byGate.put(gate.key(), c);
        }
        c.out.merge(dim, amount * model.epsilon(dim) / gate.scale(), Double::sum);
    }

    private Channel replica(Channel s, String name) {
        Channel root = s.stateOf != null ? s.stateOf : s;
        Channel c = add(name);
        c.xForm = root.xForm;
        System.arraycopy(root.taps, 0, c.taps, 0, c.taps.length);
        c.convBias = root.convBias;
        c.dtW.putAll(root.dtW);
        c.dtBias = root.dtBias;
        c.aLog = root.aLog;
        c.unit = root.unit;
        c.dSkip = root.dSkip;
        c.state = root.state;
        c.stateOf = root;
        return c;
    }

    private void checkDelay(int delay) {
        if (delay < 0 || delay >= model.conv()) {
            throw new IllegalArgumentException("delay " + delay + " is outside the conv window 0.." + (model.conv() - 1));
        }
    }
}
