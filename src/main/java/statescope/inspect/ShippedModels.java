package statescope.inspect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;
import statescope.ssm.Checkpoint;
import statescope.ssm.CheckpointException;
import statescope.ssm.Manifest;

/**
 * Finds trained checkpoints for a language (manifests under a models folder whose {@code languageId}
 * names it) and loads one as an {@link EngineModel}, checking that it fits the language (vocabulary and
 * output classes). Every problem is an IOException with one readable message.
 */
public final class ShippedModels {

    private ShippedModels() {
    }

    /** Manifests under {@code dir} (any depth ≤ 3) for {@code languageId}, best bin-2 accuracy first. */
    public static List<Path> find(Path dir, String languageId) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        var found = new ArrayList<Path>();
        var score = new HashMap<Path, Double>();
        try (Stream<Path> files = Files.walk(dir, 3)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".json"))::iterator) {
                try {
                    Manifest m = Checkpoint.readManifestFile(p).manifest(); // ≤ 1 MiB, checked first
                    if (languageId.equals(m.languageId())) {
                        found.add(p);
                        score.put(p, m.metrics().getOrDefault("acc_bin2", m.metrics().getOrDefault("acc_bin1", 0.0)));
                    }
                } catch (IOException | RuntimeException e) {
                    // not a manifest: skip it
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        found.sort(Comparator.comparing((Path p) -> -score.get(p)).thenComparing(Path::toString));
        return found;
    }

    /** Loads a checkpoint for {@code language}; a corrupt or mismatched file is an IOException. */
    public static EngineModel load(Path manifest, LanguageEntry language) throws IOException {
        Checkpoint cp;
        try {
            cp = Checkpoint.load(manifest);
        } catch (CheckpointException e) {
            throw new IOException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException(manifest.getFileName() + ": not a readable checkpoint (" + e.getMessage() + ")", e);
        }
        Manifest m = cp.manifest();
        var c = cp.weights().config();
        if (m.languageId() != null && !m.languageId().equals(language.id())) {
            throw new IOException(manifest.getFileName() + " was trained on '" + m.languageId() + "', not on '"
                    + language.id() + "'");
        }
        if (c.vocabSize() != language.vocabularySize()) {
            throw new IOException(manifest.getFileName() + " reads " + c.vocabSize() + " token ids, but "
                    + language.name() + " has " + language.vocabularySize());
        }
        if (c.outputSize() != language.reference().width()) {
            throw new IOException(manifest.getFileName() + " has " + c.outputSize() + " outputs, but "
                    + language.name() + "'s targets need " + language.reference().width());
        }
        List<String> scored = language.reference().outputNames();
        if (m.languageId() == null && !m.outputClasses().isEmpty() && !m.outputClasses().equals(scored)) {
            throw new IOException(manifest.getFileName() + " was built for another language: its outputs are "
                    + m.outputClasses() + ", but " + language.name() + " is scored on " + scored);
        }
        String name = manifest.getFileName().toString().replaceFirst("\\.(json|safetensors)$", "");
        return new EngineModel(cp.weights(), name, true, m.constructed(), m.channels());
    }
}
