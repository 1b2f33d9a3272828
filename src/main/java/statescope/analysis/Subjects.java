package statescope.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import statescope.inspect.CatalogLanguages;
import statescope.inspect.CustomLanguages;
import statescope.inspect.LanguageEntry;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Language;
import statescope.ssm.Checkpoint;
import statescope.ssm.CheckpointException;
import statescope.ssm.CheckpointFolder;

/**
 * Loads a {@link Subject} from files: a checkpoint and the language named by {@code --language},
 * {@code --regex} or {@code --dfa}, or else by the checkpoint's manifest. Every problem with the input is
 * an IllegalArgumentException with one readable line (a missing file stays an IOException).
 */
public final class Subjects {

    private Subjects() {
    }

    /**
     * @param model    NAME.safetensors or its manifest NAME.json
     * @param language a catalog language (id or alias), or null
     * @param regex    a regex over single-character symbols, or null
     * @param dfa      a DFA JSON or JFLAP file, or null
     */
    public static Subject load(Path model, String language, String regex, Path dfa) throws IOException {
        Checkpoint cp;
        Path weights = Checkpoint.weightsPath(model);
        if (!Files.exists(weights)) {
            throw new NoSuchFileException(weights.toString(), null, "no such checkpoint");
        }
        try {
            cp = Checkpoint.load(weights);
        } catch (CheckpointException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        String name = weights.getFileName().toString().replaceFirst("\\.safetensors$", "");
        String trainedOn = cp.manifest().languageId();
        if (regex != null) {
            return Subject.of(name, cp.weights(), CustomLanguages.fromRegex(regex), null);
        }
        if (dfa != null) {
            LanguageEntry e;
            try {
                e = CustomLanguages.fromFile(dfa);
            } catch (NoSuchFileException ex) {
                throw ex;
            } catch (IOException | RuntimeException ex) {
                throw new IllegalArgumentException(dfa.getFileName() + ": " + ex.getMessage(), ex);
            }
            return Subject.of(name, cp.weights(), e, null);
        }
        String id = language != null ? language : trainedOn;
        if (id == null) {
            throw new IllegalArgumentException(name + ": the manifest names no language; pass --language, --regex or --dfa");
        }
        Language l = Catalog.standard().get(id);                     // UnknownLanguageException: an IllegalArgumentException
        if (trainedOn != null && !trainedOn.equals(l.id())) {
            throw new IllegalArgumentException(name + " was trained on '" + trainedOn + "', not on '" + l.id()
                    + "' (use --regex or --dfa to check it against another reference)");
        }
        return Subject.of(name, cp.weights(), CatalogLanguages.entry(l), l);
    }

    /** The model files of a folder (resume states excluded), sorted by name; none is an error. */
    public static List<Path> suite(Path dir) throws IOException {
        List<Path> out = CheckpointFolder.models(dir);
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no .safetensors models in " + dir);
        }
        return out;
    }
}
