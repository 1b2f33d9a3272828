package statescope.ui.session;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The status bar's state: where the computation runs, the model's summary, the step's deviation from the
 * reference forward,
 * the last message, and the long job in progress (its text and progress; {@link #cancel()} stops it).
 * All read-only to the view; the session writes them.
 */
public final class StatusViewModel {

    private final ReadOnlyStringWrapper backend = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper modelSummary = new ReadOnlyStringWrapper("no model");
    private final ReadOnlyStringWrapper deviation = new ReadOnlyStringWrapper("step vs reference: –");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failure = new ReadOnlyBooleanWrapper(false);
    private boolean aboutAJob;                                         // the message says how a job ended
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper analysing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper settled = new ReadOnlyIntegerWrapper(0);
    private final Runnable onCancel;
    private final Deque<Runnable> afterJobs = new ArrayDeque<>();    // whenSettled's steps still to run
    private boolean runningSettled;

    /** @param onCancel stops the running job (what was computed so far is kept) */
    public StatusViewModel(Runnable onCancel) {
        this.onCancel = onCancel;
    }

    /** Cancels the running job (the paste, load or projection). */
    public void cancel() {
        onCancel.run();
    }

    /** A long job starts: the bar shows {@code what} and its progress from 0. */
    void startJob(String what) {
        busy.set(true);
        busyText.set(what);
        progress.set(0);
    }

    /** A job's outcome has been applied to the trace and the views (its result or its failure). */
    void settled() {
        settled.set(settled.get() + 1);
        runSettled();
    }

    /**
     * Runs {@code r} now when no job runs, else once the jobs in progress have ended and their outcome has
     * been applied (a read's end moves the stepper: a position set at {@code busy} turning false was
     * overwritten). In the order asked; a step that starts a job holds the next ones until it settles.
     */
    public void whenSettled(Runnable r) {
        afterJobs.add(r);
        runSettled();
    }

    private void runSettled() {
        if (runningSettled) {
            return;                                                    // a step asked for another: the loop takes it
        }
        runningSettled = true;
        try {
            while (!afterJobs.isEmpty() && !busy.get()) {
                afterJobs.poll().run();
            }
        } finally {
            runningSettled = false;
        }
    }

    /** How many jobs have finished and been applied (a story's next step waits for it to change). */
    public ReadOnlyIntegerProperty settledProperty() {
        return settled.getReadOnlyProperty();
    }

    /** The long job ended (done, failed or cancelled). */
    void endJob() {
        busy.set(false);
        busyText.set("");
        progress.set(0);
    }

    /**
     * Says why the job {@code what} ended early: stopped by the user (the input is kept), or failed with a
     * reason (an unreadable file, a malformed input) or an unexpected error.
     */
    void reportFailure(String what, Throwable error) {
        if (error instanceof CancellationException c) {
            message.set("Stopped: " + c.getMessage() + ". The input is kept; edit it to continue.");
        } else {
            String why = error instanceof IOException || error instanceof IllegalArgumentException
                    ? error.getMessage() : error.toString();
            message.set(failed(what, why));
        }
        failure.set(!(error instanceof CancellationException));
        aboutAJob = true;
    }

    /**
     * The line for a job that failed, its outcome first: a line cut to its first words ("Loading file ·
     * fake.sa…") had read as a load still running. "Not loaded: " and the reason, which names the file where
     * the checkpoint reader gives one ("Not loaded: fake.safetensors: not a safetensors file …"), else the
     * model; "Failed: " and the job otherwise.
     */
    static String failed(String what, String why) {
        if (what.startsWith(LOADING)) {
            String model = what.substring(LOADING.length());
            boolean named = model.startsWith(FILE) && why != null && why.contains(model.substring(FILE.length()));
            return "Not loaded: " + (named ? why : model + ": " + why);
        }
        return "Failed: " + Character.toLowerCase(what.charAt(0)) + what.substring(1) + ": " + why;
    }

    /** The text of a job that loads a model ("Loading " and the model's label). */
    static final String LOADING = "Loading ";
    /** How the model picker labels a checkpoint file the user opened ({@link ModelChoice#checkpoint}). */
    static final String FILE = "file · ";

    /**
     * A job succeeded: a message about how an earlier one ended (a refused checkpoint, a stopped read) no
     * longer describes the app, so it goes (it stayed through compare mode and presentations).
     */
    void jobSucceeded() {
        if (aboutAJob) {
            message.set("");
            failure.set(false);
            aboutAJob = false;
        }
    }

    /** Shows one line in the status bar (an export written, a session opened, or why not). */
    public void report(String line) {
        message.set(line);
        failure.set(false);
        aboutAJob = false;
    }

    /**
     * Takes {@code line} off the status bar if it is still the one shown (a notice that no longer holds: the
     * window now shows the scale it waited for); returns whether it was.
     */
    public boolean withdraw(String line) {
        if (!message.get().equals(line)) {
            return false;
        }
        message.set("");
        failure.set(false);
        aboutAJob = false;
        return true;
    }

    /** Shows one line that says something went wrong (drawn as a warning). */
    public void reportProblem(String line) {
        message.set(line);
        failure.set(true);
        aboutAJob = false;
    }

    void setProgress(double fraction) {
        progress.set(fraction);
    }

    void setBackend(String text) {
        backend.set(text);
    }

    void setModelSummary(String text) {
        modelSummary.set(text);
    }

    void setDeviation(String text) {
        deviation.set(text);
    }

    void setAnalysing(boolean on) {
        analysing.set(on);
    }

    /**
     * The status bar's backend line: where the corpus scans run (the GPU, or the CPU with the reason the
     * GPU is not used) and where the single steps run.
     */
    public ReadOnlyStringProperty backendProperty() {
        return backend.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelSummaryProperty() {
        return modelSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deviationProperty() {
        return deviation.getReadOnlyProperty();
    }

    /** Whether the message says something went wrong (drawn as a warning; other messages are plain). */
    public ReadOnlyBooleanProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether a long job holds the trace (the panes that would change it take no input meanwhile). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Whether the corpus projection is being fitted in the background. */
    public ReadOnlyBooleanProperty analysingProperty() {
        return analysing.getReadOnlyProperty();
    }
}
