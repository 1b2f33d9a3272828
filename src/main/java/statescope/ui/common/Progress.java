package statescope.ui.common;

/** What a background job sees of its runner: report progress, ask whether it was cancelled. */
public interface Progress {

    /** Reports progress in [0, 1]; cheap to call often (updates are coalesced). */
    void update(double fraction);

    boolean cancelled();
}
