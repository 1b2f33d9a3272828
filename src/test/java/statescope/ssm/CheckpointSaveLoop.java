package statescope.ssm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves one checkpoint over and over, for the second part of {@code bench/kill-train.sh}: a model of
 * about 32 MB (so a save takes long enough for kills to land inside it), step i with weights that
 * differ from save to save. {@code java ... statescope.ssm.CheckpointSaveLoop DIR} runs until killed.
 */
public final class CheckpointSaveLoop {

    private CheckpointSaveLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path w = Path.of(args[0]).resolve("big.safetensors");
        var cfg = SsmConfig.defaults(512, 4, 16, 8);
        SsmWeights base = SsmWeights.init(cfg, 1);
        long start = 0;
        try {
            start = Checkpoint.load(w).manifest().trainingStep() + 1;
        } catch (IOException e) {
            // first run
        }
        for (long i = start; ; i++) {
            var t = new LinkedHashMap<>(base.tensors());
            float[] d = t.get(WeightNames.HEAD).data().clone();
            d[0] = i;                                                  // other bytes, another hash
            t.put(WeightNames.HEAD, new Tensor(t.get(WeightNames.HEAD).shape(), d));
            var m = new Manifest(1, cfg, List.of(), List.of(), null, 0, i, Map.of("save", (double) i), "save loop");
            new Checkpoint(SsmWeights.fromTensors(cfg, t), m).save(w);
            System.out.println("saved " + i);
        }
    }
}
