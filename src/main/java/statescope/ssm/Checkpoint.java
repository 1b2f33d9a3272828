package statescope.ssm;

import static statescope.ssm.WeightNames.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import statescope.io.BoundedFiles;
import statescope.io.InputFiles;

/**
 * A model on disk: {@code NAME.safetensors} (the weights, reference state-dict names) beside
 * {@code NAME.json} (the {@link Manifest}). A safetensors file saved from the PyTorch reference
 * ({@code MambaLMHeadModel} / {@code MixerModel} + a linear head) loads unchanged; without a manifest
 * the config is inferred from the tensor shapes (see {@link #inferConfig}).
 *
 * <p>The two files are one unit. {@link #save} writes the weights first, with a copy of the manifest
 * in their safetensors metadata ({@value #EMBEDDED_MANIFEST}), then the manifest, which names the
 * SHA-256 of the weights file ({@code weightsSha256}); each file is written atomically
 * ({@link AtomicFiles}). {@link #load} reads the weights and uses the manifest beside them when it names
 * their hash (a manifest edited by hand still does); when it is missing or names other weights (a
 * save was stopped between the two files) the weights' own copy is used, which was written in the
 * same rename as the weights. A manifest that names other weights beside weights without a copy (only
 * a tool other than StateScope writes those) is refused. {@link #check} says which case a pair is in,
 * and {@link #repair} rewrites a missing or stale manifest from the copy.
 *
 * @param weights  the parameters
 * @param manifest what they are; {@code manifest.config()} equals {@code weights.config()}
 */
public record Checkpoint(SsmWeights weights, Manifest manifest) {

    /** The safetensors metadata key holding the manifest JSON the weights were saved with. */
    public static final String EMBEDDED_MANIFEST = "statescope.manifest.json";

    /** The weights' metadata key naming the manifest file they were saved with. */
    static final String MANIFEST_POINTER = "statescope.manifest";

    /** How the two files of a checkpoint relate (see the class comment). */
    public enum PairState {
        /** The manifest names the weights' hash. */
        MATCHED,
        /** No manifest beside the weights; the weights' own copy is used. */
        MANIFEST_MISSING,
        /** The manifest names other weights (an older save); the weights' own copy is used. */
        MANIFEST_STALE,
        /** Weights without a copy of the manifest (an older version, or another tool), with or without one beside. */
        UNCHECKED
    }

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

    /**
     * Writes {@code NAME.safetensors} (F32, with the manifest in its metadata), then {@code NAME.json}
     * naming the weights' SHA-256; each atomically.
     */
    public void save(Path file) throws IOException {
        Path w = weightsPath(file);
        Path mp = manifestPath(w);
        byte[] bytes = Safetensors.toBytes(weights.tensors(), Map.of("format", "pt",
                MANIFEST_POINTER, mp.getFileName().toString(), EMBEDDED_MANIFEST, ManifestJson.write(manifest)));
        String sha = Safetensors.sha256(bytes);
        AtomicFiles.write(w, bytes);
        AtomicFiles.write(mp, ManifestJson.write(manifest, sha).getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #load(Path, Overrides)} without overrides. */
    public static Checkpoint load(Path file) throws IOException {
        return load(file, Overrides.NONE);
    }

    /**
     * Loads a checkpoint from its weights file or its manifest. Without a manifest the config is
     * inferred and the manifest holds only that config. See the class comment for which manifest is used.
     *
     * @throws CheckpointException one message naming the file, the tensor and the problem
     */
    public static Checkpoint load(Path file, Overrides overrides) throws IOException {
        Checkpoint foreign = ForeignCheckpoints.loadIfForeign(file, overrides);   // Hugging Face, mamba_ssm, vocab maps
        if (foreign != null) {
            return foreign;
        }
        Path w = weightsPath(file);
        InputFiles.requireExists(w);
        Safetensors.Hashed h = Safetensors.readHashed(w);
        Manifest manifest = pair(w, h).manifest;
        try {
            return fromContents(h.contents(), manifest, overrides);
        } catch (CheckpointException e) {
            throw new CheckpointException(w.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private record Pair(PairState state, Manifest manifest, String embeddedJson, String sha256) {
    }

    /** Which manifest goes with the weights {@code w} read as {@code h}. */
    private static Pair pair(Path w, Safetensors.Hashed h) throws IOException {
        Path mp = manifestPath(w);
        ManifestJson.Sidecar beside = Files.exists(mp) ? readManifestFile(mp) : null;
        String embedded = h.contents().metadata().get(EMBEDDED_MANIFEST);
        String named = h.contents().metadata().get(MANIFEST_POINTER);
        if (embedded == null && beside == null && named != null) {   // saved before manifests were embedded
            throw new CheckpointException(w.getFileName() + " was saved with its manifest " + named + ", which is not "
                    + "beside it as " + mp.getFileName() + ": the gate range, vocabulary and language are there, not in "
                    + "the weights; copy " + named + " to " + mp + "");
        }
        if (embedded == null) {
            if (beside != null && beside.weightsSha256() != null && !beside.weightsSha256().equals(h.sha256())) {
                throw new CheckpointException(mp.getFileName() + " belongs to other weights than " + w.getFileName()
                        + " (SHA-256 " + beside.weightsSha256().substring(0, 12) + "… named, "
                        + h.sha256().substring(0, 12) + "… found): the two files come from different saves; "
                        + "restore the matching pair, or, when the weights were replaced on purpose, delete the weightsSha256 "
                        + "line of " + mp.getFileName());
            }
            return new Pair(PairState.UNCHECKED, beside == null ? null : beside.manifest(), null, h.sha256());
        }
        if (beside != null && h.sha256().equals(beside.weightsSha256())) {
            return new Pair(PairState.MATCHED, beside.manifest(), embedded, h.sha256());
        }
        Manifest own;
        try {
            own = ManifestJson.read(embedded);
        } catch (CheckpointException e) {
            throw new CheckpointException(w.getFileName() + ": the manifest in its metadata: " + e.getMessage(), e);
        }
        return new Pair(beside == null ? PairState.MANIFEST_MISSING : PairState.MANIFEST_STALE, own, embedded, h.sha256());
    }

    /** Reads a manifest file within {@link ManifestJson#MAX_BYTES}; problems name the file. */
    public static ManifestJson.Sidecar readManifestFile(Path mp) throws IOException {
        try {
            return ManifestJson.readSidecar(BoundedFiles.readUtf8(mp, ManifestJson.MAX_BYTES, "the manifest"));
        } catch (BoundedFiles.TooLargeException | BoundedFiles.NotUtf8Exception e) {
            throw new CheckpointException(e.getMessage(), e);
        } catch (CheckpointException e) {
            throw new CheckpointException(mp.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * How the weights at {@code file} and the manifest beside them relate.
     *
     * @throws CheckpointException when the weights cannot be read or the pair is refused (see {@link #load})
     */
    public static PairState check(Path file) throws IOException {
        Path w = weightsPath(file);
        return pair(w, Safetensors.readHashed(w)).state;
    }

    /**
     * Rewrites a missing or stale manifest from the weights' own copy (atomically); returns the state
     * the pair was in. Leaves other pairs alone.
     */
    public static PairState repair(Path file) throws IOException {
        Path w = weightsPath(file);
        Pair p = pair(w, Safetensors.readHashed(w));
        if (p.state == PairState.MANIFEST_MISSING || p.state == PairState.MANIFEST_STALE) {
            AtomicFiles.write(manifestPath(w), ManifestJson.write(p.manifest, p.sha256).getBytes(StandardCharsets.UTF_8));
        }
        return p.state;
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
            throw new CheckpointException("tensor " + EMBEDDING + ": shape " + Arrays.toString(emb) + " is empty");
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
            throw new CheckpointException("tensor " + layer(0, IN_PROJ) + ": shape " + Arrays.toString(in)
                    + " is not [2·E·" + dm + ", " + dm + "] for an integer expand E");
        }
        int ed = in[0] / 2;
        int[] conv = shape(t, layer(0, CONV_W), -1);
        if (conv.length != 2 && conv.length != 3) {
            throw new CheckpointException("tensor " + layer(0, CONV_W) + ": shape " + Arrays.toString(conv)
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
