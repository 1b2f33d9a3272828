package statescope.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import statescope.ssm.CheckpointFolder;

/**
 * {@code --model FILE | --suite DIR}, the models {@code eval}, {@code probe} and {@code extract} work on:
 * mix in with {@code @Mixin ModelFiles models;} (a mixin, not a shared {@code @ArgGroup} type, which
 * picocli's annotation processor takes for one command only).
 */
final class ModelFiles {

    static final class Choice {
        @Option(names = "--model", paramLabel = "FILE", description = "One checkpoint (.safetensors beside its .json).")
        Path model;

        @Option(names = "--suite", paramLabel = "DIR", description = "Every checkpoint in a folder.")
        Path suite;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    /** The file of {@code --model}, or null with {@code --suite}. */
    Path model() {
        return choice.model;
    }

    /** The folder of {@code --suite}, or null with {@code --model}. */
    Path suite() {
        return choice.suite;
    }

    /** The checkpoint of {@code --model}, or every checkpoint of the {@code --suite} folder (maybe none). */
    List<Path> listed() throws IOException {
        return choice.model != null ? List.of(choice.model) : CheckpointFolder.models(choice.suite);
    }

    /** As {@link #listed}, but a folder without checkpoints is a one-line error. */
    List<Path> files() throws IOException {
        List<Path> files = listed();
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .safetensors models in " + choice.suite);
        }
        return files;
    }

    /** What {@code --json} prints: the one model's object with {@code --model}, else the list. */
    Object oneOrAll(List<?> perModel) {
        return perModel.size() == 1 && choice.model != null ? perModel.get(0) : perModel;
    }
}
