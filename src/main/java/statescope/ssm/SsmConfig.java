package statescope.ssm;

import java.util.Objects;

/**
 * Hyper-parameters of a Mamba-1 language model (embedding, {@code nLayer} pre-norm residual Mamba
 * blocks, final norm, linear head). Immutable and validated: a bad value throws an
 * {@link IllegalArgumentException} naming the field.
 *
 * <p>Symbols used in shape comments across this package: V input vocabulary ({@code vocabSize}),
 * O head outputs ({@code outputSize}), D {@code dModel}, ED {@code dInner() = expand·dModel},
 * N {@code dState}, R {@code dtRank}, K {@code dConv}, L {@code nLayer}, T sequence length, B batch.
 *
 * <p><b>Time-invariant ablation</b> ({@code selective = false}): Δ, B and C no longer depend on the
 * input. The layer keeps the same tensors and equations, except that {@code x_proj} reads the constant
 * 1 instead of the conv output: {@code x_proj.weight} has shape [R+2N, 1] (not [R+2N, ED]) and
 * {@code (δ, B, C) = x_proj.weight[:, 0]} at every position, so Δ = softplus(dt_proj(δ) + bias),
 * B and C are learned constants. The recurrence is then a linear time-invariant diagonal SSM (S4D-like)
 * on the conv output, still followed by the SiLU(z) gate. A checkpoint is recognised as non-selective
 * from that x_proj shape.
 *
 * @param dModel     D, width of the residual stream
 * @param nLayer     L, number of Mamba blocks
 * @param dState     N, state size per channel
 * @param expand     E, d_inner = E·D
 * @param dConv      K, kernel width of the causal depthwise conv1d
 * @param dtRank     R, rank of the Δ projection (Mamba's default is ceil(D/16))
 * @param vocabSize  V, number of input token ids
 * @param outputSize O, number of head outputs (the protocol's output classes, which differ from V)
 * @param gates      range of the transition Ā
 * @param selective  false for the time-invariant ablation described above
 * @param norm       RMSNorm or LayerNorm
 * @param normEps    epsilon of the norms (1e-5 in Mamba)
 */
public record SsmConfig(int dModel, int nLayer, int dState, int expand, int dConv, int dtRank,
                        int vocabSize, int outputSize, GateRange gates, boolean selective,
                        NormKind norm, float normEps) {

    /** Largest accepted value of any size field: keeps every tensor far below 2^31 elements. */
    public static final int MAX_DIM = 1 << 16;

    public SsmConfig {
        positive("dModel", dModel);
        positive("nLayer", nLayer);
        positive("dState", dState);
        positive("expand", expand);
        positive("dConv", dConv);
        positive("dtRank", dtRank);
        positive("vocabSize", vocabSize);
        positive("outputSize", outputSize);
        Objects.requireNonNull(gates, "gates");
        Objects.requireNonNull(norm, "norm");
        if (!(normEps > 0f) || !Float.isFinite(normEps)) {
            throw new IllegalArgumentException("normEps must be a finite number > 0, got " + normEps);
        }
        if ((long) expand * dModel > MAX_DIM) {
            throw new IllegalArgumentException("d_inner = expand·dModel = " + (long) expand * dModel
                    + " exceeds " + MAX_DIM);
        }
        long inProj = 2L * expand * dModel * dModel;
        long embed = (long) vocabSize * dModel;
        long head = (long) outputSize * dModel;
        if (inProj >= Integer.MAX_VALUE || embed >= Integer.MAX_VALUE || head >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("model too large: a tensor would exceed 2^31 elements");
        }
    }

    private static void positive(String name, int value) {
        if (value <= 0 || value > MAX_DIM) {
            throw new IllegalArgumentException(name + " must be in 1.." + MAX_DIM + ", got " + value);
        }
    }

    /**
     * Mamba's defaults around the given sizes: N = 16, E = 2, K = 4, R = ceil(D/16), [0,1] gates,
     * selective, RMSNorm, eps 1e-5.
     */
    public static SsmConfig defaults(int dModel, int nLayer, int vocabSize, int outputSize) {
        return new SsmConfig(dModel, nLayer, 16, 2, 4, defaultDtRank(dModel), vocabSize, outputSize,
                GateRange.NONNEGATIVE, true, NormKind.RMS, 1e-5f);
    }

    /** Mamba's default Δ rank: ceil(dModel / 16). */
    public static int defaultDtRank(int dModel) {
        return (dModel + 15) / 16;
    }

    /** ED = expand · dModel, the width of the SSM branch. */
    public int dInner() {
        return expand * dModel;
    }

    /** Rows of x_proj: R + 2N (δ, then B, then C). */
    public int xProjRows() {
        return dtRank + 2 * dState;
    }

    /** Columns of x_proj: ED when selective, 1 for the time-invariant ablation. */
    public int xProjCols() {
        return selective ? dInner() : 1;
    }

    /** The same config with another gate range. */
    public SsmConfig withGates(GateRange g) {
        return new SsmConfig(dModel, nLayer, dState, expand, dConv, dtRank, vocabSize, outputSize, g,
                selective, norm, normEps);
    }

    /** The same config, selective or time-invariant (see the class comment). */
    public SsmConfig withSelective(boolean s) {
        return new SsmConfig(dModel, nLayer, dState, expand, dConv, dtRank, vocabSize, outputSize, gates,
                s, norm, normEps);
    }

    /** The same config with another norm and epsilon. */
    public SsmConfig withNorm(NormKind n, float eps) {
        return new SsmConfig(dModel, nLayer, dState, expand, dConv, dtRank, vocabSize, outputSize, gates,
                selective, n, eps);
    }

    /** The same config with another state size N. */
    public SsmConfig withState(int n) {
        return new SsmConfig(dModel, nLayer, n, expand, dConv, dtRank, vocabSize, outputSize, gates,
                selective, norm, normEps);
    }

    /** The same config with another Δ rank R. */
    public SsmConfig withDtRank(int r) {
        return new SsmConfig(dModel, nLayer, dState, expand, dConv, r, vocabSize, outputSize, gates,
                selective, norm, normEps);
    }

    /** The same config with another conv kernel width K. */
    public SsmConfig withConv(int k) {
        return new SsmConfig(dModel, nLayer, dState, expand, k, dtRank, vocabSize, outputSize, gates,
                selective, norm, normEps);
    }
}
