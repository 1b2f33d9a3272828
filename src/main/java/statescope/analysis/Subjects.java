package statescope.analysis;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import statescope.inspect.CatalogLanguages;
import statescope.inspect.CustomLanguages;
import statescope.inspect.LanguageEntry;
import statescope.io.InputFiles;
import statescope.lang.catalog.Catalog;
import statescope.lang.Equivalence;
import statescope.lang.catalog.Language;
import statescope.ssm.Checkpoint;
import statescope.ssm.CheckpointException;
import statescope.ssm.CheckpointFolder;
import statescope.ssm.Manifest;

/**
 * Loads a {@link Subject} from files: a checkpoint and the language named by {@code --language},
 * {@code --regex} or {@code --dfa}, or else by the checkpoint's manifest. A model is judged only where its
 * outputs mean the language's targets: its manifest's symbols must be the language's (in order) and its
 * outputs' names the ones the language is scored on; a model trained on a catalog language is checked on
 * that language (a regex or DFA that is that language is scored as it). Every problem with the input is an
 * IllegalArgumentException with one readable line (a missing file stays an IOException).
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
        return load(model, language, regex, dfa, true);
    }

    /**
     * {@link #load(Path, String, String, Path)} for a command that has {@code --regex} and {@code --dfa}
     * ({@code referenceOptions}) or only {@code --language}: its messages advise only the options it has.
     */
    public static Subject load(Path model, String language, String regex, Path dfa, boolean referenceOptions)
            throws IOException {
        Checkpoint cp;
        Path weights = Checkpoint.weightsPath(model);
        InputFiles.requireExists(weights);
        try {
            cp = Checkpoint.load(weights);
        } catch (CheckpointException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        String name = weights.getFileName().toString().replaceFirst("\\.safetensors$", "");
        Manifest manifest = cp.manifest();
        String trainedOn = manifest.languageId();
        if (regex != null || dfa != null) {
            LanguageEntry custom = regex != null ? CustomLanguages.fromRegex(regex) : customFile(dfa);
            String what = regex != null ? "the regex " + regex : dfa.getFileName().toString();
            Language trained = trainedOn == null ? null : Catalog.standard().find(trainedOn).orElse(null);
            List<String> scored = Judge.of(custom, null).outputNames();
            boolean meansOther = !manifest.outputClasses().isEmpty() && !manifest.outputClasses().equals(scored);
            if (meansOther && trained != null && sameLanguage(custom, trained)) {   // the trained language, typed:
                return fitted(name, cp, CatalogLanguages.entry(trained), trained);   // scored as it was trained
            }
            Subject s = Subject.of(name, cp.weights(), custom, null);
            checkVocabulary(name, manifest, custom.reference().alphabet().symbols(), what);
            if (meansOther) {
                throw new IllegalArgumentException(name + "'s outputs are " + manifest.outputClasses()
                        + (trainedOn != null ? " (trained on '" + trainedOn + "')" : "") + ", but " + what
                        + " is scored on " + scored + ": the outputs do not mean that"
                        + (trainedOn != null ? "; check it with --language " + trainedOn : "")
                        + ", or against a model built for it (statescope construct --regex or --dfa)");
            }
            return s;
        }
        String id = language != null ? language : trainedOn;
        if (id == null) {
            throw new IllegalArgumentException(name + ": the manifest names no language; pass --language"
                    + (referenceOptions ? ", --regex or --dfa" : ""));
        }
        Language l = Catalog.standard().get(id);                     // UnknownLanguageException: an IllegalArgumentException
        checkTrainedOn(name, manifest, l, referenceOptions);
        Subject s = fitted(name, cp, CatalogLanguages.entry(l), l);
        List<String> outputs = s.judge().outputNames();
        if (trainedOn == null && !manifest.outputClasses().isEmpty() && !outputs.isEmpty()
                && !manifest.outputClasses().equals(outputs)) {         // built for a regex or DFA, named no language
            throw new IllegalArgumentException(name + "'s outputs are " + manifest.outputClasses() + ", but '" + l.id()
                    + "' is scored on " + outputs + ": the outputs do not mean that (a model built for a regex or DFA"
                    + " is checked with that --regex or --dfa)");
        }
        return s;
    }

    /**
     * A model trained on a catalog language is analysed on that language only: another one is an
     * IllegalArgumentException naming both. {@code referenceOptions}: the command also has {@code --regex} and
     * {@code --dfa}, which the message then advises.
     */
    public static void checkTrainedOn(String name, Manifest manifest, Language l, boolean referenceOptions) {
        String trainedOn = manifest.languageId();
        if (trainedOn != null && !trainedOn.equals(l.id())) {
            throw new IllegalArgumentException(name + " was trained on '" + trainedOn + "', not on '" + l.id() + "' "
                    + (referenceOptions ? "(--regex or --dfa check a model with next-symbol outputs against another "
                    + "reference)" : "(it is checked on the language it was trained on: drop --language or pass "
                    + "--language " + trainedOn + ")"));
        }
    }

    private static Subject fitted(String name, Checkpoint cp, LanguageEntry entry, Language l) {
        Subject s = Subject.of(name, cp.weights(), entry, l);
        checkVocabulary(name, cp.manifest(), l.inputVocabulary().symbols(), "'" + l.id() + "'");
        return s;
    }

    /**
     * A model whose manifest names its symbols reads those, in that order (token id = index): else an
     * IllegalArgumentException naming both.
     */
    public static void checkVocabulary(String name, Manifest manifest, List<String> symbols, String what) {
        if (!manifest.vocabulary().isEmpty() && !manifest.vocabulary().equals(symbols)) {
            throw new IllegalArgumentException(name + " reads the symbols " + manifest.vocabulary() + ", but " + what
                    + " is over " + symbols + ": the model does not fit the language");
        }
    }

    private static boolean sameLanguage(LanguageEntry custom, Language catalog) {
        var d = custom.reference().dfa().orElse(null);
        var c = CatalogLanguages.entry(catalog).reference().dfa().orElse(null);
        return d != null && c != null && d.numStates() <= 5_000 && c.numStates() <= 5_000
                && Equivalence.sameLanguageOver(d, c);
    }

    private static LanguageEntry customFile(Path dfa) throws IOException {
        try {
            return CustomLanguages.fromFile(dfa);
        } catch (NoSuchFileException ex) {
            throw ex;
        } catch (IOException | RuntimeException ex) {
            throw new IllegalArgumentException(dfa.getFileName() + ": " + ex.getMessage(), ex);
        }
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
