package statescope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import statescope.analysis.Control;
import statescope.analysis.Subject;
import statescope.analysis.Subjects;
import statescope.ssm.VectorSupport;
import statescope.ssm.gpu.Selection;

/**
 * The options {@code counterexample} and {@code lengths} share: which model (or folder of models), the
 * language it is checked against (else the manifest's), threads, seed and the scan backend; and the
 * progress line they draw on a terminal's standard error. Mix in with {@code @Mixin}.
 */
final class AnalysisOptions {

    static final class Models {
        @Option(names = "--model", paramLabel = "FILE", description = "A checkpoint (.safetensors beside its .json).")
        Path model;

        @Option(names = "--suite", paramLabel = "DIR", description = "Every checkpoint in a folder, each on its manifest's language.")
        Path suite;
    }

    static final class Language {
        @Option(names = "--language", paramLabel = "L", description = "A catalog language (default: the manifest's).")
        String language;

        @Option(names = "--regex", paramLabel = "R", description = "A regex; targets: may each symbol come next.")
        String regex;

        @Option(names = "--dfa", paramLabel = "FILE", description = "A DFA (JSON or JFLAP .jff); targets as --regex.")
        Path dfa;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Models models;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Language language;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: cores).")
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the sampled strings (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--quiet", description = "No progress line on standard error.")
    boolean quiet;

    @Mixin
    BackendOption backend;

    /** The subjects: one model, or every model of the suite on its own language. */
    List<Path> files() throws IOException {
        if (models.suite != null) {
            if (language != null) {
                throw new IllegalArgumentException("--suite checks each model on its manifest's language; drop --language, --regex, --dfa");
            }
            return Subjects.suite(models.suite);
        }
        return List.of(models.model);
    }

    boolean suite() {
        return models.suite != null;
    }

    Subject load(Path file) throws IOException {
        return language == null ? Subjects.load(file, null, null, null)
                : Subjects.load(file, language.language, language.regex, language.dfa);
    }

    /** The scan backend of {@code --backend}, its CPU kernel on {@code --threads}; its notice goes to {@code err}. */
    Selection backend(PrintWriter err) {
        return backend.select(VectorSupport.fastScan(threads), err);
    }

    void checkThreads() {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
    }

    /** A control with the time limit and, on a terminal, a redrawn progress line on {@code err}. */
    Control control(double seconds, PrintWriter err) {
        boolean draw = !quiet && System.console() != null;
        long[] last = {0};
        Consumer<Control.Progress> progress = p -> {
            long now = System.nanoTime();
            if (draw && now - last[0] > 200_000_000L) {
                last[0] = now;
                err.printf(Locale.ROOT, "\r%3.0f%% %-70s", 100 * p.fraction(), p.message());
                err.flush();
            }
        };
        return Control.within(seconds, () -> false, progress);
    }

    /** Clears the progress line. */
    void done(PrintWriter err) {
        if (!quiet && System.console() != null) {
            err.print("\r" + " ".repeat(76) + "\r");
            err.flush();
        }
    }
}
