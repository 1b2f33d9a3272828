package statescope.ui.prediction;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import statescope.inspect.AlignedTrace;

/**
 * Per position the model's prediction against the reference target, over a window of positions that
 * keeps the current one in view; also feeds the token chips. Positions are 1-based.
 */
public final class PredictionStripViewModel {

    /**
     * One frame: cells for positions {@code start .. start + tokens.length - 1}.
     *
     * @param start           first position shown
     * @param tokens          token text per cell
     * @param targets         reference target label per cell
     * @param predictions     model prediction label per cell
     * @param agree           agreement per cell (true where the verdict is hidden or the position not scored)
     * @param current         current position (0 = before the first token)
     * @param firstDivergence first disagreeing position of the whole trace, or −1
     * @param length          trace length
     * @param encoding        the target encoding's name
     * @param shownUpTo       the last position whose verdict is shown (the current one when the future is
     *                        hidden, else the length); later cells show {@link #UNREAD}, not their token
     * @param firstDead       the first position whose prefix is dead (not scored from there on), or −1
     */
    public record Frame(int start, String[] tokens, String[] targets, String[] predictions, boolean[] agree,
                        int current, int firstDivergence, int length, String encoding, int shownUpTo, int firstDead) {

        /** Whether {@code position} is scored ({@link AlignedTrace#scored}); an unscored one is shown neutral. */
        public boolean scored(int position) {
            return firstDead < 0 || position < firstDead;
        }

        /** Whether the verdict at {@code position} is hidden (it lies in the hidden future). */
        public boolean hidden(int position) {
            return position > shownUpTo;
        }

        public int size() {
            return tokens.length;
        }
    }

    /** The token text of a position in the hidden future: the cell is there, its symbol not yet read. */
    public static final String UNREAD = "?";

    private final IntegerProperty capacity = new SimpleIntegerProperty(32);
    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>();

    /** How many cells fit (set by the view from its width). */
    public IntegerProperty capacityProperty() {
        return capacity;
    }

    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public Frame frame() {
        return frame.get();
    }

    public void update(AlignedTrace trace, int t) {
        update(trace, t, trace.length());
    }

    /**
     * The frame for position {@code t}, verdicts shown up to position {@code shown} only: a later
     * position gets no token ({@link #UNREAD}), empty target and prediction, and a first divergence past it is not reported.
     */
    public void update(AlignedTrace trace, int t, int shown) {
        int n = trace.length();
        int cap = Math.max(1, capacity.get());
        int start = Math.max(1, Math.min(t - cap / 2, n - cap + 1));
        int end = Math.min(n, start + cap - 1);
        int size = Math.max(0, end - start + 1);
        var tokens = new String[size];
        var targets = new String[size];
        var preds = new String[size];
        var agree = new boolean[size];
        var alphabet = trace.machine().alphabet();
        for (int i = 0; i < size; i++) {
            int p = start + i;
            boolean seen = p <= shown;
            tokens[i] = seen ? alphabet.symbol(trace.token(p)) : UNREAD;
            targets[i] = seen ? trace.target(p).label() : "";
            preds[i] = seen ? trace.prediction(p).label() : "";
            agree[i] = !seen || !trace.scored(p) || trace.agrees(p);
        }
        int first = trace.firstDivergence();
        int dead = trace.firstDead();
        frame.set(new Frame(start, tokens, targets, preds, agree, t, first > shown ? -1 : first, n,
                trace.reference().encodingName(), Math.min(shown, n), dead > shown ? -1 : dead));
    }
}
