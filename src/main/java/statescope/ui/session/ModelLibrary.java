package statescope.ui.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import statescope.ssm.GateRange;
import statescope.ssm.ManifestJson;
import statescope.inspect.LanguageEntry;
import statescope.inspect.EngineModel;
import statescope.inspect.ShippedModels;
import statescope.inspect.TraceModel;

/**
 * Finds and loads models for a language: trained checkpoints shipped under {@code assets/models/}
 * whose manifest names the language (the best one is the default), then random models of a few shapes.
 */
public class ModelLibrary {

    /** Reads a checkpoint manifest into a model; the engine supplies the real one. */
    @FunctionalInterface
    public interface CheckpointLoader {
        TraceModel load(Path manifest, LanguageEntry language) throws IOException;
    }

    private final Path modelsDir;
    private final CheckpointLoader loader;

    public ModelLibrary(Path modelsDir, CheckpointLoader loader) {
        this.modelsDir = modelsDir;
        this.loader = loader;
    }

    /**
     * Shipped checkpoints for the language first: constructed ones (exact models built from the language's
     * definition, manifest kind "constructed"), then trained ones, so the default is a shipped model when
     * one exists.
     */
    public List<ModelChoice> choices(LanguageEntry language) {
        var out = new ArrayList<ModelChoice>();
        var trained = new ArrayList<ModelChoice>();
        for (Path p : ShippedModels.find(modelsDir, language.id())) {
            String name = p.getFileName().toString().replaceFirst("\\.json$", "");
            if (constructed(p)) {
                out.add(ModelChoice.checkpoint("constructed · " + name, p));
            } else {
                trained.add(ModelChoice.checkpoint("trained · " + name, p));
            }
        }
        out.addAll(trained);
        out.add(ModelChoice.random(1, 16, true, 1));
        out.add(ModelChoice.random(2, 32, true, 1));
        out.add(ModelChoice.random(3, 64, true, 1));
        out.add(ModelChoice.random(2, 32, false, 1));
        return out;
    }

    private static boolean constructed(Path manifest) {
        try {
            return ManifestJson.read(Files.readString(manifest, StandardCharsets.UTF_8)).constructed();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Builds or loads the model; may be slow (call it off the FX thread). */
    public TraceModel load(ModelChoice choice, LanguageEntry language) throws IOException {
        if (choice.isCheckpoint()) {
            return loader.load(choice.checkpoint(), language);
        }
        int vocab = language.vocabularySize();
        return EngineModel.random(vocab, language.reference().width(), choice.layers(), choice.dModel(),
                choice.signed() ? GateRange.SIGNED : GateRange.NONNEGATIVE, choice.seed());
    }
}
