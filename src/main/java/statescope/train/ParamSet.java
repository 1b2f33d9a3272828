package statescope.train;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmWeights;
import statescope.ssm.Tensor;
import statescope.ssm.WeightNames;

/**
 * Mutable named float tensors in the canonical order of {@link WeightNames}: the trainer's parameters,
 * their gradients and the optimiser's moments all share this layout. Unlike {@link SsmWeights} it is
 * mutable, and it is owned by one trainer; {@link #toWeights()} makes an immutable snapshot.
 */
public final class ParamSet {

    private final SsmConfig config;
    private final boolean headBias;
    private final String[] names;
    private final int[][] shapes;
    private final float[][] data;
    private final Map<String, Integer> index = new HashMap<>();

    private ParamSet(SsmConfig config, boolean headBias, SequencedMap<String, int[]> shapes, float[][] data) {
        this.config = config;
        this.headBias = headBias;
        this.names = shapes.keySet().toArray(new String[0]);
        this.shapes = shapes.values().toArray(new int[0][]);
        this.data = data;
        for (int i = 0; i < names.length; i++) {
            index.put(names[i], i);
        }
    }

    /** A mutable copy of the weights' tensors. */
    public static ParamSet of(SsmWeights w) {
        var shapes = WeightNames.shapes(w.config(), w.hasHeadBias());
        var t = w.tensors();
        float[][] d = new float[shapes.size()][];
        int i = 0;
        for (String name : shapes.keySet()) {
            d[i++] = t.get(name).data();
        }
        return new ParamSet(w.config(), w.hasHeadBias(), shapes, d);
    }

    /** Zeros in the shapes of a model with this config. */
    public static ParamSet zeros(SsmConfig config, boolean headBias) {
        var shapes = WeightNames.shapes(config, headBias);
        float[][] d = new float[shapes.size()][];
        int i = 0;
        for (int[] s : shapes.values()) {
            d[i++] = new float[Math.toIntExact(Tensor.numel(s))];
        }
        return new ParamSet(config, headBias, shapes, d);
    }

    /** Zeros in this set's shapes. */
    public ParamSet zerosLike() {
        return zeros(config, headBias);
    }

    /** A deep copy. */
    public ParamSet copy() {
        float[][] d = new float[data.length][];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i].clone();
        }
        return new ParamSet(config, headBias, WeightNames.shapes(config, headBias), d);
    }

    /** An immutable model with these values (validated by {@link SsmWeights#fromTensors}). */
    public SsmWeights toWeights() {
        return SsmWeights.fromTensors(config, tensors());
    }

    /** Fresh copies of every tensor, in canonical order. */
    public SequencedMap<String, Tensor> tensors() {
        var out = new LinkedHashMap<String, Tensor>();
        for (int i = 0; i < names.length; i++) {
            out.put(names[i], new Tensor(shapes[i].clone(), data[i].clone()));
        }
        return out;
    }

    /** Copies values in from tensors of the same names and shapes. */
    public void load(Map<String, Tensor> tensors) {
        for (int i = 0; i < names.length; i++) {
            Tensor t = tensors.get(names[i]);
            if (t == null || !Arrays.equals(t.shape(), shapes[i])) {
                throw new IllegalArgumentException("tensor " + names[i] + ": missing or shape "
                        + (t == null ? "absent" : t.shapeString()) + ", expected " + Arrays.toString(shapes[i]));
            }
            System.arraycopy(t.data(), 0, data[i], 0, data[i].length);
        }
    }

    public SsmConfig config() {
        return config;
    }

    public boolean hasHeadBias() {
        return headBias;
    }

    /** Number of tensors. */
    public int size() {
        return names.length;
    }

    public String name(int i) {
        return names[i];
    }

    public int[] shape(int i) {
        return shapes[i].clone();
    }

    /** The live array of tensor {@code i} (mutable). */
    public float[] get(int i) {
        return data[i];
    }

    /** The live array of a tensor by name. */
    public float[] get(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no tensor named " + name);
        }
        return data[i];
    }

    /** The live array of a per-layer tensor, or null when absent (e.g. RMSNorm's bias). */
    float[] layer(int l, String suffix) {
        Integer i = index.get(WeightNames.layer(l, suffix));
        return i == null ? null : data[i];
    }

    /** The live array of a global tensor, or null when absent. */
    float[] global(String name) {
        Integer i = index.get(name);
        return i == null ? null : data[i];
    }

    /** Sets every value to zero. */
    public void zero() {
        for (float[] d : data) {
            Arrays.fill(d, 0f);
        }
    }

    /** this += o (same layout). */
    public void add(ParamSet o) {
        for (int i = 0; i < data.length; i++) {
            float[] a = data[i];
            float[] b = o.data[i];
            for (int j = 0; j < a.length; j++) {
                a[j] += b[j];
            }
        }
    }

    /** Multiplies every value by s. */
    public void scale(float s) {
        for (float[] d : data) {
            for (int j = 0; j < d.length; j++) {
                d[j] *= s;
            }
        }
    }

    /** The global L2 norm over every tensor (in double). */
    public double norm() {
        double s = 0;
        for (float[] d : data) {
            for (float v : d) {
                s += (double) v * v;
            }
        }
        return Math.sqrt(s);
    }

    /** Total number of values. */
    public long count() {
        long n = 0;
        for (float[] d : data) {
            n += d.length;
        }
        return n;
    }

    /** Whether all values are bit-identical to o's. */
    public boolean contentEquals(ParamSet o) {
        if (o.data.length != data.length) {
            return false;
        }
        for (int i = 0; i < data.length; i++) {
            if (!Arrays.equals(data[i], o.data[i])) {
                return false;
            }
        }
        return true;
    }
}
