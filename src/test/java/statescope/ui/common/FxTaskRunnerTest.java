package statescope.ui.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class FxTaskRunnerTest {

    /**
     * While the app closes, a callback of a finished job may still ask for more work after the runner was
     * closed: that work does not run, and nothing is thrown into the FX thread (it printed a stack trace).
     */
    @Test
    void workAskedForAfterCloseIsDroppedQuietly() {
        var runner = new FxTaskRunner();
        runner.close();
        var ran = new AtomicBoolean();
        Job job = runner.start(p -> {
            ran.set(true);
            return 1;
        }, f -> { }, r -> ran.set(true), e -> ran.set(true));
        assertTrue(job.isDone(), "a job that will never run is done");
        job.cancel();
        assertFalse(ran.get());
    }
}
