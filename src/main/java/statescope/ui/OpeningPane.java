package statescope.ui;

import javafx.animation.AnimationTimer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * What the window shows while the app builds its views: the name and one line saying what is being opened.
 * A few labels, so that its first CSS pass and its first frame take a fraction of what the main window's
 * take (1.3-1.9 s with the views' building on a 2-core machine painting in software; docs/performance.md,
 * "Eleventh pass"). If building the views fails, the line says so, in words, instead of leaving the window
 * as it is.
 */
final class OpeningPane extends VBox {

    /** The line under the name. */
    static final String OPENING = "Opening the first language and its model…";

    private final Label line = new Label(OPENING);

    OpeningPane() {
        super(8);
        var name = new Label("StateScope");
        name.getStyleClass().add("opening-title");
        line.getStyleClass().add("opening-text");
        line.setId("opening-line");
        line.setWrapText(true);
        getChildren().addAll(name, line);
        setAlignment(Pos.CENTER);
        setId("opening");
    }

    /**
     * Runs {@code open} on the JavaFX thread once this pane's first frame is on the screen, by the rule
     * {@link StartupClock} reads the window with ({@link StartupClock#PAINTED_AFTER} pulses after the first;
     * call right after {@code show()}). Not at all when the
     * window was closed by then. When {@code open} throws, the pane names the failure and the details go to
     * standard error.
     */
    void openWhenPainted(Runnable open) {
        new AnimationTimer() {
            private int pulse;

            @Override
            public void handle(long now) {
                if (++pulse < 1 + StartupClock.PAINTED_AFTER) {
                    return;
                }
                stop();
                var scene = getScene();
                if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
                    return;                                            // closed before its views were built
                }
                try {
                    open.run();
                } catch (RuntimeException | Error e) {
                    if (scene.getRoot() != OpeningPane.this) {
                        scene.setRoot(OpeningPane.this);               // not a half-wired window: the message
                    }
                    failed(e);
                }
            }
        }.start();
    }

    /** Says that the window could not be built, and why. */
    void failed(Throwable e) {
        String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        line.setText("StateScope could not build its window: " + why
                + ". Close it and start again; the details are in the terminal it was started from.");
        line.getStyleClass().add("opening-failed");
        System.err.println("statescope: building the window failed");
        e.printStackTrace();
    }

    /** The line's text (for tests). */
    String line() {
        return line.getText();
    }
}
