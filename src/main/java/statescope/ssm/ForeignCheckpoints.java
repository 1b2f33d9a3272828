package statescope.ssm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import statescope.io.JsonErrors;

/**
 * Models saved by the PyTorch world, loaded as {@link Checkpoint}s: a Hugging Face folder from
 * {@code MambaForCausalLM.save_pretrained} ({@code config.json} + {@code model.safetensors}, or shards
 * named by {@code model.safetensors.index.json}), a mamba_ssm {@code MambaLMHeadModel} state dict saved
 * as safetensors (with or without its {@code config.json}), or any manifest-less safetensors file.
 * Names are mapped by {@link ForeignNames}; the config comes from the shapes, checked against and
 * completed by {@code config.json} ({@link ForeignConfig}); a {@link VocabMap} saved beside the weights is
 * applied last. Pickled files ({@code .bin}, {@code .pt}, ...) are refused, never unpickled.
 *
 * <p>{@link Checkpoint#load} asks {@link #loadIfForeign} first; it answers null for this project's own
 * checkpoints (weights beside their manifest, or carrying one), which load as before.
 */
public final class ForeignCheckpoints {

    /** File endings of pickled PyTorch files. */
    static final Set<String> PICKLED = Set.of(".bin", ".pt", ".pth", ".ckpt", ".pkl", ".pickle");

    private static final String CONVERT = "this app never unpickles; convert it to safetensors first "
            + "(Hugging Face: model.save_pretrained(dir); a state dict: safetensors.torch.save_file; see docs/interop.md)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ForeignCheckpoints() {
    }

    /**
     * The model at {@code path} when it is not one of this project's own checkpoints, else null (then
     * {@link Checkpoint#load} reads it as before). A saved {@link VocabMap} is applied.
     *
     * @throws CheckpointException one line naming the file and the problem
     */
    public static Checkpoint loadIfForeign(Path path, Checkpoint.Overrides overrides) throws IOException {
        Source s = source(path);
        if (s == null) {
            return null;
        }
        Checkpoint ck = read(s, overrides);
        var map = VocabMap.readBeside(s.vocabAnchor);
        if (map.isEmpty()) {
            return ck;
        }
        try {
            return map.get().apply(ck);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(VocabMap.besideModel(s.vocabAnchor).getFileName() + ": " + e.getMessage());
        }
    }

    /**
     * The model at {@code path} as saved, without the {@link VocabMap} beside it (so ids are the
     * model's own): a foreign model read here, this project's own through {@link Checkpoint#load}.
     */
    public static Checkpoint loadUnmapped(Path path, Checkpoint.Overrides overrides) throws IOException {
        Source s = source(path);
        return s == null ? Checkpoint.load(path, overrides) : read(s, overrides);
    }

    /** Whether {@code path} is read here (foreign) rather than as the project's own checkpoint. */
    public static boolean isForeign(Path path) throws IOException {
        return source(path) != null;
    }

    /** Whether {@code path} is one of this project's checkpoints: weights beside a manifest, or carrying one. */
    public static boolean hasOwnManifest(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return false;
        }
        Path w = Checkpoint.weightsPath(path);
        if (Files.isRegularFile(Checkpoint.manifestPath(w))) {
            return true;
        }
        Header h = Files.isRegularFile(w) ? peek(w) : null;
        return h != null && h.own;
    }

    /** What to read: weights files (shards in order), an optional config.json, where a vocab map would be. */
    private record Source(List<Path> weights, Path config, Path vocabAnchor) {
    }

    private static Source source(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return folder(path);
        }
        String name = path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : PICKLED) {
            if (lower.endsWith(ext)) {
                throw new CheckpointException(name + ": a pickled PyTorch file; " + CONVERT);
            }
        }
        if (name.equals("config.json") && !Files.exists(path.resolveSibling("config.safetensors"))) {
            return folder(path.toAbsolutePath().getParent());
        }
        if (name.endsWith(".index.json")) {
            return folder(path.toAbsolutePath().getParent());
        }
        Path w = Checkpoint.weightsPath(path);
        if (!Files.isRegularFile(w) || Files.isRegularFile(Checkpoint.manifestPath(w))) {
            return null;                                                // missing (load says so) or our own pair
        }
        refusePickle(w);
        Header h = peek(w);
        if (h == null || h.own) {
            return null;                                                // unreadable (load says why) or ours
        }
        Path cfg = w.resolveSibling("config.json");
        boolean hasCfg = Files.isRegularFile(cfg);
        ForeignNames.refuseUnsupported(h.shapes);
        boolean foreign = hasCfg || ForeignNames.layoutOf(h.shapes.keySet()) == ForeignNames.Layout.HUGGING_FACE
                || Files.isRegularFile(VocabMap.besideModel(w));
        return foreign ? new Source(List.of(w), hasCfg ? cfg : null, w) : null;  // else: plain mamba_ssm names, as before
    }

    private static Source folder(Path dir) throws IOException {
        Path cfg = dir.resolve("config.json");
        Path config = Files.isRegularFile(cfg) ? cfg : null;
        Path single = dir.resolve("model.safetensors");
        if (Files.isRegularFile(single)) {
            refusePickle(single);
            return new Source(List.of(single), config, dir);
        }
        Path index = dir.resolve("model.safetensors.index.json");
        if (Files.isRegularFile(index)) {
            return new Source(shards(index), config, dir);
        }
        List<Path> st;
        List<String> pickled;
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.filter(Files::isRegularFile).sorted().toList();
            st = all.stream().filter(p -> p.getFileName().toString().endsWith(".safetensors")).toList();
            pickled = all.stream().map(p -> p.getFileName().toString())
                    .filter(n -> PICKLED.stream().anyMatch(e -> n.toLowerCase(Locale.ROOT).endsWith(e))).toList();
        }
        if (st.size() == 1) {
            Path w = st.get(0);
            refusePickle(w);
            Header h = peek(w);
            if (Files.isRegularFile(Checkpoint.manifestPath(w)) || (h != null && h.own)) {
                throw new CheckpointException(dir.getFileName() + ": holds this app's checkpoint " + w.getFileName()
                        + "; open that file");
            }
            return new Source(List.of(w), config, w);
        }
        if (!pickled.isEmpty()) {
            throw new CheckpointException(dir.getFileName() + ": holds " + String.join(", ", pickled)
                    + " but no model.safetensors; " + CONVERT);
        }
        if (st.isEmpty()) {                                            // not a model folder at all: an I/O error
            throw new IOException(dir + " is a directory, not a file, nor a Hugging Face model folder (no "
                    + "model.safetensors or model.safetensors.index.json in it)");
        }
        throw new CheckpointException(dir.getFileName() + ": no model.safetensors (or model.safetensors.index.json, "
                + "or a single .safetensors file: found " + st.size() + ") in this folder");
    }

    /** The shard files named by a Hugging Face index, each once, in order of first mention. */
    private static List<Path> shards(Path index) throws IOException {
        if (Files.size(index) > ForeignConfig.MAX_BYTES * 16L) {
            throw new CheckpointException(index.getFileName() + ": too large for a shard index");
        }
        JsonNode map;
        try {
            JsonNode root = JSON.readTree(Files.readString(index, StandardCharsets.UTF_8));
            map = root == null ? null : root.get("weight_map");
        } catch (JsonProcessingException e) {
            throw new CheckpointException(index.getFileName() + ": not valid JSON: " + JsonErrors.reason(e));
        }
        if (map == null || !map.isObject() || map.isEmpty()) {
            throw new CheckpointException(index.getFileName() + ": no weight_map object");
        }
        var files = new LinkedHashSet<Path>();
        for (JsonNode f : map) {
            String n = f.asText();
            if (!f.isTextual() || n.contains("/") || n.contains("\\") || !n.endsWith(".safetensors")) {
                throw new CheckpointException(index.getFileName() + ": shard '" + f + "' is not a .safetensors file "
                        + "of this folder");
            }
            files.add(index.resolveSibling(n));
        }
        return new ArrayList<>(files);
    }

    private static Checkpoint read(Source s, Checkpoint.Overrides overrides) throws IOException {
        var tensors = new LinkedHashMap<String, Tensor>();
        for (Path w : s.weights) {
            if (!Files.isRegularFile(w)) {
                throw new NoSuchFileException(w.toString(), null, "shard named by the index not found");
            }
            for (var e : Safetensors.read(w).tensors().entrySet()) {
                if (tensors.put(e.getKey(), e.getValue()) != null) {
                    throw new CheckpointException(w.getFileName() + ": tensor " + e.getKey() + " is in two shards");
                }
            }
        }
        String where = s.weights.size() == 1 ? s.weights.get(0).getFileName().toString()
                : s.weights.get(0).getParent().getFileName() + " (" + s.weights.size() + " shards)";
        try {
            ForeignNames.Renamed r = ForeignNames.toOwnNames(tensors);
            SsmConfig cfg = Checkpoint.inferConfig(r.tensors());
            String notes = r.layout().label();
            if (s.config != null) {
                ForeignConfig fc = readConfig(s.config);
                cfg = fc.reconcile(cfg);
                if (!fc.tied() && !r.tensors().containsKey(WeightNames.HEAD)) {
                    throw new CheckpointException("config.json says the head is not tied to the embedding, but there "
                            + "is no lm_head.weight");
                }
                notes += ", config.json (" + (fc.dialect() == ForeignConfig.Dialect.HUGGING_FACE ? "Hugging Face"
                        : "mamba_ssm") + ")";
            } else {
                notes += ", config inferred from the shapes";
            }
            Manifest m = new Manifest(Manifest.FORMAT_VERSION, cfg, List.of(), List.of(), null, 0, 0, null, notes);
            var contents = new Safetensors.Contents(r.tensors(), Map.of());
            return Checkpoint.fromContents(contents, m, overrides);
        } catch (CheckpointException e) {
            throw new CheckpointException(where + ": " + e.getMessage(), e);
        }
    }

    private static ForeignConfig readConfig(Path p) throws IOException {
        if (Files.size(p) > ForeignConfig.MAX_BYTES) {
            throw new CheckpointException("config.json is larger than " + ForeignConfig.MAX_BYTES + " bytes");
        }
        try {
            return ForeignConfig.parse(Files.readString(p, StandardCharsets.UTF_8));
        } catch (MalformedInputException e) {
            throw new CheckpointException("config.json is not UTF-8 text");
        }
    }

    /** Refuses a file whose first bytes are a zip (torch.save) or a pickle stream, whatever its name. */
    private static void refusePickle(Path w) throws IOException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(w)) {
            n = in.readNBytes(head, 0, 4);
        }
        boolean zip = n == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        boolean pickle = n >= 2 && (head[0] & 0xff) == 0x80 && head[1] >= 2 && head[1] <= 5;
        if (zip || pickle) {
            throw new CheckpointException(w.getFileName() + ": a pickled PyTorch file (" + (zip ? "torch.save zip" : "pickle")
                    + "), not safetensors; " + CONVERT);
        }
    }

    /** A safetensors header: tensor shapes by name, and whether its metadata has this project's keys. */
    private record Header(Map<String, int[]> shapes, boolean own) {
    }

    /** The header of a safetensors file, or null when it cannot be read (then {@link Safetensors} says why). */
    private static Header peek(Path w) throws IOException {
        try (InputStream in = Files.newInputStream(w)) {
            byte[] len = in.readNBytes(8);
            if (len.length < 8) {
                return null;
            }
            long n = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (n < 2 || n > Safetensors.MAX_HEADER_BYTES || n > Files.size(w) - 8) {
                return null;
            }
            JsonNode root = JSON.readTree(new String(in.readNBytes((int) n), StandardCharsets.UTF_8));
            if (root == null || !root.isObject()) {
                return null;
            }
            var shapes = new LinkedHashMap<String, int[]>();
            boolean own = false;
            for (var it = root.properties().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (e.getKey().equals("__metadata__")) {
                    for (var k = e.getValue().fieldNames(); k.hasNext(); ) {
                        own |= k.next().startsWith("statescope.");
                    }
                    continue;
                }
                JsonNode sh = e.getValue().get("shape");
                if (sh == null || !sh.isArray()) {
                    return null;
                }
                int[] s = new int[sh.size()];
                for (int i = 0; i < s.length; i++) {
                    s[i] = sh.get(i).asInt();
                }
                shapes.put(e.getKey(), s);
            }
            return new Header(shapes, own);
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }
}
