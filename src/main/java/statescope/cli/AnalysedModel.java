package statescope.cli;

import java.io.IOException;
import java.nio.file.Path;
import statescope.analysis.SsmModel;
import statescope.analysis.Subject;
import statescope.analysis.Subjects;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Language;
import statescope.ssm.Checkpoint;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmWeights;

/**
 * A checkpoint with the catalog language it is analysed on ({@code probe}, {@code extract}): the
 * language named on the command line, else the one in its manifest; a model trained on another language,
 * or one that does not fit the language's vocabulary (its size, or the symbols its manifest names), is a
 * one-line error.
 */
record AnalysedModel(String name, SsmWeights weights, Language language) {

    /**
     * For a command that reads the model's outputs as the language's targets ({@code extract}): also
     * refused when its outputs mean something else ({@link Subjects#load}'s checks). A probe reads only
     * hidden states, so {@link #load} does not look at the outputs; both refuse a language the model was not
     * trained on, as every analysis command does ({@link Subjects#checkTrainedOn}).
     */
    static AnalysedModel loadScored(Path file, String languageName) throws IOException {
        Subject s = Subjects.load(file, languageName, null, null, false);   // a catalog language: catalog() is set
        return new AnalysedModel(s.modelName(), ((SsmModel) s.model()).weights(), s.catalog());
    }

    static AnalysedModel load(Path file, String languageName) throws IOException {
        Checkpoint cp = Checkpoint.load(Checkpoint.weightsPath(file));
        String lang = languageName != null ? languageName : cp.manifest().languageId();
        if (lang == null) {
            throw new IllegalArgumentException(file + ": the manifest names no language; give --language");
        }
        Language language = Catalog.standard().get(lang);
        String name = Checkpoint.weightsPath(file).getFileName().toString().replace(".safetensors", "");
        Subjects.checkTrainedOn(name, cp.manifest(), language, false);
        SsmConfig c = cp.weights().config();
        if (c.vocabSize() != language.inputVocabulary().size()) {
            throw new IllegalArgumentException(file.getFileName() + " reads " + c.vocabSize() + " token ids, but "
                    + language.id() + " has " + language.inputVocabulary().size());
        }
        Subjects.checkVocabulary(file.getFileName().toString(), cp.manifest(), language.inputVocabulary().symbols(),
                language.id());
        return new AnalysedModel(name, cp.weights(), language);
    }
}
