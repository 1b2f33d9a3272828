package statescope.train;

import java.util.function.Predicate;

/**
 * AdamW with decoupled weight decay, exactly as PyTorch's {@code torch.optim.AdamW} (amsgrad off):
 * <pre>
 *   p ← p − lr·λ·p                      (decoupled decay, only where {@code decays(name)})
 *   m ← β₁·m + (1−β₁)·g,   v ← β₂·v + (1−β₂)·g²
 *   p ← p − lr · (m / (1−β₁ᵗ)) / (√(v / (1−β₂ᵗ)) + ε)
 * </pre>
 * The paper's runs pass {@code model.parameters()} straight to AdamW, so weight decay 0.1 applies to
 * every tensor, norms, biases, A_log and D included; {@link #DECAY_ALL} reproduces that, and
 * {@link #DECAY_MATRICES} is the common alternative (no decay on norms, biases, A_log, D).
 */
public final class AdamW {

    /** Decay on every tensor (the reference runs). */
    public static final Predicate<String> DECAY_ALL = name -> true;
    /** Decay only on the weight matrices and the embedding. */
    public static final Predicate<String> DECAY_MATRICES = name -> !(name.endsWith("norm.weight")
            || name.endsWith("norm_f.weight") || name.endsWith(".bias") || name.endsWith("A_log")
            || name.endsWith("mixer.D"));

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final Predicate<String> decays;
    private final ParamSet m;
    private final ParamSet v;
    private long t;

    public AdamW(ParamSet like, double beta1, double beta2, double eps, double weightDecay, Predicate<String> decays) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(eps > 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("AdamW needs 0 <= betas < 1, eps > 0, weight decay >= 0");
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decays = decays;
        this.m = like.zerosLike();
        this.v = like.zerosLike();
    }

    /** PyTorch's defaults (β = 0.9, 0.999; ε = 1e-8) with the given decay on every tensor. */
    public static AdamW standard(ParamSet like, double weightDecay) {
        return new AdamW(like, 0.9, 0.999, 1e-8, weightDecay, DECAY_ALL);
    }

    /** One update of {@code params} in place with gradient {@code grad} and learning rate {@code lr}. */
    public void step(ParamSet params, ParamSet grad, double lr) {
        t++;
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < params.size(); i++) {
            float[] p = params.get(i);
            float[] g = grad.get(i);
            float[] mi = m.get(i);
            float[] vi = v.get(i);
            float decay = decays.test(params.name(i)) ? (float) (1 - lr * weightDecay) : 1f;
            for (int j = 0; j < p.length; j++) {
                float gj = g[j];
                mi[j] = (float) (beta1 * mi[j] + (1 - beta1) * gj);
                vi[j] = (float) (beta2 * vi[j] + (1 - beta2) * gj * gj);
                double denom = Math.sqrt(vi[j] / bc2) + eps;
                p[j] = (float) (p[j] * decay - lr * (mi[j] / bc1) / denom);
            }
        }
    }

    /** Steps taken. */
    public long steps() {
        return t;
    }

    /** The first moments (live). */
    public ParamSet firstMoment() {
        return m;
    }

    /** The second moments (live). */
    public ParamSet secondMoment() {
        return v;
    }

    /** Restores the step count (moments are restored through {@link #firstMoment()} / {@link #secondMoment()}). */
    public void setSteps(long steps) {
        this.t = steps;
    }

    /**
     * Scales {@code grad} in place so that its global L2 norm is at most {@code maxNorm} (no-op when
     * {@code maxNorm <= 0}); returns the norm before clipping.
     */
    public static double clipGlobalNorm(ParamSet grad, double maxNorm) {
        double norm = grad.norm();
        if (maxNorm > 0 && norm > maxNorm) {
            grad.scale((float) (maxNorm / (norm + 1e-6)));
        }
        return norm;
    }
}
