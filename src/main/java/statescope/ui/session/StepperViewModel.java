package statescope.ui.session;

import java.util.function.IntSupplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The stepper's state: the current position {@code t} in {@code 0 .. length}, playback and its speed.
 * Position, length and playing are read-only to the view; they change through the stepping actions,
 * which keep the position inside the trace. The session sets the length when the trace changes.
 */
public final class StepperViewModel {

    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper length = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final DoubleProperty speed = new SimpleDoubleProperty(4);
    private final BooleanProperty hideFuture = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanProperty busy;
    private final IntSupplier firstDivergence;

    /**
     * @param busy            whether a long job holds the trace (the bar then takes no input)
     * @param firstDivergence the first position where model and automaton disagree, or −1
     */
    public StepperViewModel(ReadOnlyBooleanProperty busy, IntSupplier firstDivergence) {
        this.busy = busy;
        this.firstDivergence = firstDivergence;
    }

    public void first() {
        position.set(0);
    }

    public void back() {
        position.set(Math.max(0, position.get() - 1));
    }

    public void forward() {
        position.set(Math.min(length.get(), position.get() + 1));
    }

    public void last() {
        position.set(length.get());
    }

    /** Moves to position {@code t}, clamped to {@code 0 .. length}. */
    public void jumpTo(int t) {
        position.set(Math.max(0, Math.min(length.get(), t)));
    }

    /** Jumps to the first position where the model and the automaton disagree, if any. */
    public void jumpToDivergence() {
        int d = firstDivergence.getAsInt();
        if (d > 0) {
            jumpTo(d);
        }
    }

    /** Starts playback (from the start when at the end) or pauses it; an empty trace does not play. */
    public void togglePlay() {
        if (!playing.get() && position.get() >= length.get()) {
            position.set(0);
        }
        playing.set(!playing.get() && length.get() > 0);
    }

    /** One tick of playback (the view's timer calls it at {@link #speedProperty()} ticks per second). */
    public void playTick() {
        if (position.get() < length.get()) {
            forward();
        }
        if (position.get() >= length.get()) {
            playing.set(false);
        }
    }

    /** Back to an empty trace at position 0 (a new model). */
    void reset() {
        position.set(0);
        length.set(0);
    }

    /**
     * The trace now has {@code n} positions: the position moves to the end when it {@code follow}s the
     * input or lies beyond the new end, else it stays. Returns whether this call moved it (a view bound
     * to the length may already have moved it while the length changed).
     */
    boolean resize(int n, boolean follow) {
        length.set(n);
        int before = position.get();
        if (follow || before > n) {
            position.set(n);
        }
        return position.get() != before;
    }

    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty lengthProperty() {
        return length.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** Playback speed in tokens per second (set by the user). */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /**
     * "Hide the future" (presentation mode): the views show verdicts and values only up to the current
     * position, so stepping reveals the model's predictions one position at a time.
     */
    public BooleanProperty hideFutureProperty() {
        return hideFuture;
    }

    /** The last position whose verdicts and values the views show: {@code t}, or the trace's end. */
    public int shownUpTo() {
        return hideFuture.get() ? Math.min(position.get(), length.get()) : length.get();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
