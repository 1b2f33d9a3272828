package statescope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import statescope.lang.catalog.Catalog;
import statescope.ssm.Checkpoint;
import statescope.ssm.CheckpointException;
import statescope.ssm.ForeignCheckpoints;
import statescope.ssm.VocabMap;
import statescope.experiment.LanguageTask;

/**
 * {@code --vocab}, {@code --outputs} and {@code --save-vocab}, for every command that loads a model:
 * mix it in with {@code @Mixin VocabOptions vocab;} and load through {@link #load}. A model from the
 * PyTorch world has its own token ids; {@code --vocab a=3,b=4} says which id the app feeds for each
 * symbol, {@code --outputs NAME=ID,...} which head outputs it reads as which prediction (default: output
 * {@code next s} reads the logit at the id of s). See {@link VocabMap}.
 */
public final class VocabOptions {

    @Option(names = "--vocab", paramLabel = "SYM=ID,...",
            description = {"Map symbols to the model's token ids, e.g. a=3,b=4 (a model from Hugging Face or",
                "mamba_ssm has no vocabulary of the language). Default: the map saved beside the model, if any."})
    String vocab;

    @Option(names = "--outputs", paramLabel = "NAME=ID,...",
            description = {"Which head outputs are read as which prediction, e.g. reject=7,accept=8 (needs --vocab).",
                "Default: output 'next s' is the logit at the id of symbol s."})
    String outputs;

    @Option(names = "--save-vocab",
            description = "Save --vocab/--outputs (and --language) beside the model as NAME.vocab.json, "
                    + "applied whenever it is loaded from then on.")
    boolean save;

    /** Refuses, as a usage error (exit 2), {@code --outputs} or {@code --save-vocab} without {@code --vocab}. */
    void checkUsage(CommandLine commandLine) {
        if (vocab == null && (outputs != null || save)) {
            throw new CommandLine.ParameterException(commandLine, (outputs != null ? "--outputs" : "--save-vocab")
                    + " needs --vocab");
        }
    }

    /**
     * Loads {@code model}: as saved (with the map saved beside it) without {@code --vocab}, else with its
     * own ids mapped by {@code --vocab}/{@code --outputs}, ordered as {@code language} when given.
     * A bad checkpoint or map is an {@link IllegalArgumentException} (exit 3). The command has called
     * {@link #checkUsage} first.
     */
    public Checkpoint load(Path model, Checkpoint.Overrides overrides, String language, PrintWriter err)
            throws IOException {
        try {
            if (vocab == null) {
                Checkpoint ck = Checkpoint.load(model, overrides);
                if (language != null) {                                // a model scored on another language: refused
                    String trained = ck.manifest().languageId();
                    String id = Catalog.standard().get(language).id();
                    if (!id.equals(trained)) {
                        throw new IllegalArgumentException(model.getFileName() + (trained == null
                                ? "'s manifest names no language" : " was trained on '" + trained + "'") + ", not on '"
                                + id + "' (--language names the language of a model from elsewhere, with --vocab)");
                    }
                }
                return ck;
            }
            VocabMap map;
            if (language != null) {
                LanguageTask task = LanguageTask.of(language);
                map = VocabMap.forLanguage(vocab, outputs, task.vocabulary(), task.outputClasses(),
                        task.language().id());
            } else {
                map = VocabMap.parse(vocab, outputs, null);
            }
            Checkpoint ck = map.apply(ForeignCheckpoints.loadUnmapped(model, overrides));
            if (save) {
                if (ForeignCheckpoints.hasOwnManifest(model)) {
                    throw new IllegalArgumentException(model.getFileName() + " has this app's own manifest, which "
                            + "names its vocabulary; --save-vocab is for models from elsewhere");
                }
                Path p = map.saveBeside(model);
                err.println("statescope: vocabulary map saved to " + p);
                err.flush();
            }
            return ck;
        } catch (CheckpointException e) {
            throw new IllegalArgumentException(e.getMessage(), e);        // a malformed checkpoint is bad input (exit 3)
        }
    }
}
