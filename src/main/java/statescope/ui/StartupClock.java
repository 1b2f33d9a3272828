package statescope.ui;

import java.io.PrintStream;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import statescope.ui.session.SessionViewModel;

/**
 * The start-up benchmark's probe ({@code bench/start.sh}), off unless {@code -Dstatescope.startup=report}
 * (or {@code =exit}, which also closes the app once it has measured). It prints, as wall-clock epoch
 * milliseconds so that the script can subtract its own launch time, {@code startup window=MS} when the
 * window's first frame has been painted (the {@link OpeningPane}, before the views are built), and
 * {@code startup step=MS} when the opening model's trace is in, one step forward has been taken and the
 * frame showing it has been painted. The app does the same work with or without it: the probe only
 * watches and, once, presses "step".
 */
final class StartupClock {

    private static final boolean ON = !System.getProperty("statescope.startup", "").isEmpty();

    /**
     * Pulses after a frame's own pulse until that frame is on the screen: the frame of pulse k has been
     * painted when pulse k + 2 starts ({@link #watch}). The window's first frame is pulse 1's; the
     * {@link OpeningPane} builds the views by the same rule.
     */
    static final int PAINTED_AFTER = 2;

    private final Stage stage;
    private SessionViewModel vm;                                  // set once the views are built (FX thread)
    private final boolean exit;
    private final PrintStream out = System.out;
    private AnimationTimer timer;

    private StartupClock(Stage stage, boolean exit) {
        this.stage = stage;
        this.exit = exit;
    }

    /**
     * Prints {@code startup phase NAME=MS} (wall-clock epoch milliseconds) when the probe is on, so that a
     * run with {@code -Dstatescope.startup=report} shows where the start-up's time goes; nothing otherwise.
     */
    static void mark(String phase) {
        if (ON) {
            System.out.println("startup phase " + phase + "=" + System.currentTimeMillis()
                    + " (" + Thread.currentThread().getName() + ")");
        }
    }

    /**
     * Installs the probe when the property asks for it (else returns null); call right before
     * {@code stage.show()}, and give it the session with {@link #watchSession} once the views are built.
     */
    static StartupClock installIfAsked(Stage stage) {
        String mode = System.getProperty("statescope.startup", "");
        if (mode.equals("report") || mode.equals("exit")) {
            var clock = new StartupClock(stage, mode.equals("exit"));
            clock.watch();
            return clock;
        }
        return null;
    }

    /** The session whose opening model's first step the probe waits for (FX thread). */
    void watchSession(SessionViewModel session) {
        this.vm = session;
    }

    /**
     * An {@link AnimationTimer} runs at the start of every pulse and keeps pulses coming. A pulse's frame is
     * painted on the render thread after the pulse has run on the FX thread, and the next pulse waits for
     * that painting before it hands over its own frame: so when pulse k + 2 starts, the frame of pulse k is
     * on the screen. (With the software pipeline under Xvfb the first frame takes 0.3-0.6 s to paint:
     * timing it at the start of its own pulse, as this probe did before 7 December 2026, read too early.)
     */
    private void watch() {
        timer = new AnimationTimer() {
            private int pulse;                                    // pulses seen, the window's first frame is 1
            private int stepPulse;                                // the pulse in which the step was taken

            @Override
            public void handle(long now) {
                pulse++;
                if (pulse == 1 + PAINTED_AFTER) {                 // the first frame has been painted
                    out.println("startup window=" + System.currentTimeMillis());
                }
                if (vm == null) {                                 // the views are not built yet
                    return;
                }
                if (stepPulse == 0) {                             // wait for the opening model's trace
                    var st = vm.views().stepper();
                    if (vm.trace() != null && !st.busyProperty().get() && st.lengthProperty().get() > 0) {
                        mark("trace-ready");
                        st.first();
                        st.forward();
                        mark("stepped");
                        stepPulse = pulse;
                    }
                } else if (pulse == Math.max(stepPulse, 1) + PAINTED_AFTER) {  // the step's frame is painted
                    out.println("startup step=" + System.currentTimeMillis());
                    out.flush();
                    stop();
                    done();
                }
            }
        };
        timer.start();
    }

    /** The window's views could not be built: says so and, in {@code exit} mode, closes the app (no step will come). */
    void failed(Throwable e) {
        out.println("startup failed: " + e);
        out.flush();
        timer.stop();
        done();
    }

    private void done() {
        if (exit) {
            Platform.runLater(() -> {
                stage.close();
                Platform.exit();
            });
        }
    }
}
