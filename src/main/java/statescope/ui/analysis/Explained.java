package statescope.ui.analysis;

import statescope.analysis.Model;
import statescope.analysis.SsmModel;
import statescope.inspect.LanguageEntry;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Language;
import statescope.ssm.SsmWeights;

/**
 * What the Probes and Extraction pages explain: a trained SSM and the catalog language it is read on,
 * taken from the session, or a one-line reason why there is none.
 *
 * @param name     the model's name
 * @param weights  its weights
 * @param language the catalog language
 * @param entry    the session's language it was found for
 */
record Explained(String name, SsmWeights weights, Language language, LanguageEntry entry) {

    /** Thrown with the reason the session has nothing to explain. */
    static final class Missing extends Exception {
        Missing(String message) {
            super(message, null, false, false);
        }
    }

    static Explained of(AnalysisViewModel.Session session) throws Missing {
        LanguageEntry lang = session.language();
        Model m = session.model();
        if (lang == null) {
            throw new Missing("choose a language first");
        }
        if (!(m instanceof SsmModel ssm)) {
            throw new Missing("load a trained model of " + lang.name() + " first (the model picker)");
        }
        Language l = Catalog.standard().find(lang.id()).filter(x -> x.id().equals(lang.id())).orElse(null);
        if (l == null) {
            throw new Missing(lang.name() + " is not a catalog language: probes and extraction need its samples"
                    + " and targets");
        }
        if (ssm.vocabSize() < lang.vocabularySize() || ssm.outputSize() != l.targets().numClasses()) {
            throw new Missing(ssm.name() + " does not fit " + lang.name() + " (vocabulary or outputs)");
        }
        return new Explained(ssm.name(), ssm.weights(), l, lang);
    }

    /**
     * Whether the session still has this model and language (its word and position may have changed):
     * compared by identity, with no catalog lookup, as it is asked at every step.
     */
    boolean stillIn(AnalysisViewModel.Session session) {
        return session.language() == entry && session.model() instanceof SsmModel m && m.weights() == weights;
    }
}
