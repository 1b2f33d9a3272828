package statescope.ssm;

import static statescope.ssm.WeightNames.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A model on disk: {@code NAME.safetensors} (the weights, reference state-dict names) beside
 * {@code NAME.json} (the {@link Manifest}). Both are written atomically. A safetensors file saved from
 * the PyTorch reference ({@code MambaLMHeadModel} / {@code MixerModel} + a linear head) loads unchanged;
 * without a manifest the config is inferred from the tensor shapes (see {@link #inferConfig}).
 *
 * @param weights  the parameters
 * @param manifest what they are; {@code manifest.config()} equals {@code weights.config()}
 */
public record Checkpoint(SsmWeights weights, Manifest manifest) {

    public Checkpoint {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(manifest, "manifest");
        if (!manifest.config().equals(weights.config())) {
            throw new IllegalArgumentException("manifest config " + manifest.config()
                    + " differs from the weights' config " + weights.config());
        }
    }

    /**
     * Settings that shapes cannot tell, applied when loading (null fields keep the manifest's or the
     * inferred default: [0,1] gates, RMSNorm unless a norm bias is present, eps 1e-5).
     */
    public record Overrides(GateRange gates, NormKind norm, Float normEps) {
        public static final Overrides NONE = new Overrides(null, null, null);

        SsmConfig apply(SsmConfig c) {
            SsmConfig out = c;
            if (gates != null) {
                out = out.withGates(gates);
            }
            if (norm != null || normEps != null) {
                out = out.withNorm(norm != null ? norm : out.norm(), normEps != null ? normEps : out.normEps());
            }
            return out;
        }
    }

    /** The weights file of a checkpoint given either of its two paths. */
    public static Path weightsPath(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".json") ? p.resolveSibling(n.substring(0, n.length() - 5) + ".safetensors") : p;
    }

    /** The manifest beside a weights file: {@code NAME.safetensors} → {@code NAME.json}. */
    public static Path manifestPath(Path p) {
        Path w = weightsPath(p);
        String n = w.getFileName().toString();
        String stem = n.endsWith(".safetensors") ? n.substring(0, n.length() - ".safetensors".length()) : n;
        return w.resolveSibling(stem + ".json");
    }

    /** Writes {@code NAME.safetensors} (F32) and {@code NAME.json}, each atomically. */
    public void save(Path file) throws IOException {
        Path w = weightsPath(file);
        Safetensors.write(w, weights.tensors(), Map.of("format", "pt", "statescope.manifest", manifestPath(w).getFileName().toString()));
        AtomicFiles.write(manifestPath(w), ManifestJson.write(manifest).getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #load(Path, Overrides)} without overrides. */
    public static Checkpoint load(Path file) throws IOException {
        return load(file, Overrides.NONE);
    }

    /**
     * Loads a checkpoint from its weights file or its manifest. Without a manifest the config is
     * inferred and the manifest holds only that config.
     *
     * @throws CheckpointException one message naming the file, the tensor and the problem
     */
    public static Checkpoint load(Path file, Overrides overrides) throws IOException {
        Checkpoint foreign = ForeignCheckpoints.loadIfForeign(file, overrides);   // Hugging Face, mamba_ssm, vocab maps
        if (foreign != null) {
            return foreign;
        }
        Path w = weightsPath(file);
        if (!Files.isRegularFile(w)) {
            throw new java.nio.file.NoSuchFileException(w.toString(), null, "model weights not found");
        }
        var contents = Safetensors.read(w);
        Path mp = manifestPath(w);
        Manifest manifest = null;
        if (Files.isRegularFile(mp)) {
            try {
                manifest = ManifestJson.read(Files.readString(mp, StandardCharsets.UTF_8));
            } catch (CheckpointException e) {
                throw new CheckpointException(mp.getFileName() + ": " + e.getMessage(), e);
            } catch (java.nio.charset.MalformedInputException e) {
                throw new CheckpointException(mp.getFileName() + ": manifest is not UTF-8 text");
            }
        }
        try {
            return fromContents(contents, manifest, overrides);
        } catch (CheckpointException e) {
            throw new CheckpointException(w.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Builds a checkpoint from parsed safetensors contents and an optional manifest (null: infer the
     * config from the shapes). Every problem is a {@link CheckpointException}.
     */
    public static Checkpoint fromContents(Safetensors.Contents contents, Manifest manifest, Overrides overrides)
            throws CheckpointException {
        Manifest m = manifest != null ? manifest : Manifest.of(inferConfig(contents.tensors()));
        try {
            m = m.withConfig(overrides.apply(m.config()));
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("override: " + e.getMessage());
        }
        Map<String, Tensor> tensors = contents.tensors();
        if (!tensors.containsKey(HEAD) && tensors.containsKey(EMBEDDING)
                && m.config().outputSize() == m.config().vocabSize()) {
            tensors = new LinkedHashMap<>(tensors);                    // tied head (MambaLMHeadModel default)
            tensors.put(HEAD, tensors.get(EMBEDDING));
        }
        try {
            return new Checkpoint(SsmWeights.fromTensors(m.config(), tensors), m);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(e.getMessage(), e);
        }
    }

    /**
     * The config implied by the tensor shapes: V, D from the embedding; L from the layer indices;
     * ED = expand·D from in_proj; K from conv1d; N from A_log; R from dt_proj; O from lm_head (or V when
     * the head is tied to the embedding); selective unless x_proj has one column; LayerNorm if the
     * norms have a bias, else RMSNorm; eps 1e-5; [0,1] gates.
     */
    public static SsmConfig inferConfig(Map<String, Tensor> t) throws CheckpointException {
        int[] emb = shape(t, EMBEDDING, 2);
        int vocab = emb[0];
        int dm = emb[1];
        if (vocab <= 0 || dm <= 0) {
            throw new CheckpointException("tensor " + EMBEDDING + ": shape " + java.util.Arrays.toString(emb) + " is empty");
        }
        var layerIds = new TreeSet<Integer>();
        for (String name : t.keySet()) {
            if (name.startsWith("backbone.layers.")) {
                String rest = name.substring("backbone.layers.".length());
                int dot = rest.indexOf('.');
                try {
                    layerIds.add(Integer.parseInt(dot < 0 ? rest : rest.substring(0, dot)));
                } catch (NumberFormatException e) {
                    throw new CheckpointException("tensor " + name + ": cannot read its layer index");
                }
            }
        }
        if (layerIds.isEmpty()) {
            throw new CheckpointException("no tensors named backbone.layers.N.*: not a Mamba state dict");
        }
        if (layerIds.first() != 0 || layerIds.last() != layerIds.size() - 1) {
            throw new CheckpointException("layer indices " + layerIds + " are not 0.." + (layerIds.size() - 1));
        }
        int[] in = shape(t, layer(0, IN_PROJ), 2);
        if (in[1] != dm || in[0] % 2 != 0 || in[0] / 2 % dm != 0) {
            throw new CheckpointException("tensor " + layer(0, IN_PROJ) + ": shape " + java.util.Arrays.toString(in)
                    + " is not [2·E·" + dm + ", " + dm + "] for an integer expand E");
        }
        int ed = in[0] / 2;
        int[] conv = shape(t, layer(0, CONV_W), -1);
        if (conv.length != 2 && conv.length != 3) {
            throw new CheckpointException("tensor " + layer(0, CONV_W) + ": shape " + java.util.Arrays.toString(conv)
                    + " is not [ED, 1, K]");
        }
        int k = conv[conv.length - 1];
        int[] aLog = shape(t, layer(0, A_LOG), 2);
        int n = aLog[1];
        int[] dt = shape(t, layer(0, DT_W), 2);
        int r = dt[1];
        int[] xp = shape(t, layer(0, X_PROJ), 2);
        boolean selective = xp[1] != 1 || ed == 1;
        int out = t.containsKey(HEAD) ? shape(t, HEAD, 2)[0] : vocab;
        NormKind norm = t.containsKey(layer(0, NORM_BIAS)) ? NormKind.LAYER : NormKind.RMS;
        try {
            return new SsmConfig(dm, layerIds.size(), n, ed / dm, k, r, vocab, out, GateRange.NONNEGATIVE,
                    selective, norm, 1e-5f);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("inferred config is invalid: " + e.getMessage());
        }
    }

    private static int[] shape(Map<String, Tensor> t, String name, int rank) throws CheckpointException {
        Tensor x = t.get(name);
        if (x == null) {
            throw new CheckpointException("tensor " + name + ": missing (needed to infer the config)");
        }
        if (rank >= 0 && x.shape().length != rank) {
            throw new CheckpointException("tensor " + name + ": shape " + x.shapeString() + " should have "
                    + rank + " dimensions");
        }
        return x.shape();
    }
}
