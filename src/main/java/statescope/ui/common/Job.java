package statescope.ui.common;

/** A started job, so the UI can cancel it. */
public interface Job {

    void cancel();

    boolean isDone();
}
