package statescope.construct;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import statescope.lang.Dfa;
import statescope.lang.DfaJson;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.Metric;
import statescope.ssm.Checkpoint;
import statescope.ssm.CheckpointException;
import statescope.ssm.Manifest;

/**
 * Constructed models on disk: the checkpoint ({@code NAME.safetensors} + {@code NAME.json}, marked
 * {@code kind: constructed}) and, for a model of a DFA of the user's, that DFA beside it
 * ({@code NAME.dfa.json}), which the check reads as the reference.
 */
public final class ConstructedFiles {

    private static final String COMPILED = "constructed: compiled";

    private ConstructedFiles() {
    }

    /** The DFA side-car of a checkpoint path. */
    public static Path dfaPath(Path model) {
        Path w = Checkpoint.weightsPath(model);
        String n = w.getFileName().toString().replaceFirst("\\.safetensors$", "");
        return w.resolveSibling(n + ".dfa.json");
    }

    /** Writes the checkpoint (and the DFA side-car); the weights file gets a .safetensors suffix if missing. */
    public static Path save(Constructed c, Path out) throws IOException {
        String n = out.getFileName().toString();
        Path w = n.endsWith(".safetensors") ? out : out.resolveSibling(n.replaceFirst("\\.json$", "") + ".safetensors");
        if (w.getParent() != null) {
            Files.createDirectories(w.getParent());
        }
        c.checkpoint().save(w);
        if (c.dfa() != null) {
            DfaJson.write(c.dfa(), dfaPath(w));
        } else {
            Files.deleteIfExists(dfaPath(w));        // an earlier model's reference is not this one's
        }
        return w;
    }

    /** Loads a constructed model; a trained checkpoint or a missing reference is an IllegalArgumentException. */
    public static Constructed load(Path file) throws IOException {
        Checkpoint cp;
        try {
            cp = Checkpoint.load(file);
        } catch (CheckpointException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Manifest m = cp.manifest();
        if (!m.constructed()) {
            throw new IllegalArgumentException(file.getFileName() + " is a trained model, not a constructed one "
                    + "(its manifest has no \"kind\": \"constructed\"); statescope eval scores trained models");
        }
        boolean compiled = m.notes() != null && m.notes().startsWith(COMPILED);
        if (m.languageId() != null) {
            Language lang = Catalog.standard().get(m.languageId());
            var readout = lang.metric() == Metric.CLOSING_BRACKET ? Constructed.Readout.BITS : Constructed.Readout.CLASSES;
            return new Constructed(cp, lang.id(), null, readout, m.notes(), false);
        }
        Path side = dfaPath(file);
        if (!Files.isRegularFile(side)) {
            throw new IllegalArgumentException(file.getFileName() + " names no catalog language and has no "
                    + side.getFileName() + " beside it to check it against");
        }
        Dfa dfa = DfaJson.read(side);
        return new Constructed(cp, null, dfa, Constructed.Readout.BITS, m.notes(), compiled);
    }
}
