package statescope.ui.main;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.SVGPath;
import javafx.util.Duration;
import statescope.ui.session.StepperViewModel;

/** First / back / play-pause / forward / last, a scrub slider, the position and the playback speed. */
final class StepperBar extends HBox {

    private final Timeline timer = new Timeline();

    StepperBar(StepperViewModel vm) {
        super(8);
        getStyleClass().add("stepper-bar");
        setId("stepper");
        setAlignment(Pos.CENTER_LEFT);
        var first = button(FIRST, "first-button", "First (Home)", vm::first);
        var back = button(BACK, "back-button", "Back one token (←)", vm::back);
        var play = button(PLAY, "play-button", "Play / pause (space)", vm::togglePlay);
        var fwd = button(FORWARD, "forward-button", "Forward one token (→)", vm::forward);
        var last = button(LAST, "last-button", "Last (End)", vm::last);
        vm.playingProperty().addListener((o, a, b) -> {
            ((SVGPath) play.getGraphic()).setContent(b ? PAUSE : PLAY);
            if (b) {
                restart(vm);
            } else {
                timer.stop();
            }
        });
        var scrub = new Slider(0, 1, 0);
        scrub.setId("scrub");
        scrub.setMinWidth(80);
        HBox.setHgrow(scrub, Priority.ALWAYS);
        scrub.maxProperty().bind(vm.lengthProperty());
        scrub.setBlockIncrement(1);
        scrub.valueProperty().addListener((o, a, b) -> {
            int t = (int) Math.round(b.doubleValue());
            if (t != vm.positionProperty().get()) {
                vm.jumpTo(t);
            }
        });
        vm.positionProperty().addListener((o, a, b) -> scrub.setValue(b.intValue()));
        var pos = new Label();
        pos.setId("position-label");
        pos.getStyleClass().add("position-label");
        pos.textProperty().bind(vm.positionProperty().asString("t = %d").concat(vm.lengthProperty().asString(" / %d")));
        var speed = new Slider(1, 30, vm.speedProperty().get());
        speed.setId("speed");
        speed.setMinWidth(60);
        speed.setPrefWidth(110);
        speed.valueProperty().bindBidirectional(vm.speedProperty());
        speed.valueProperty().addListener((o, a, b) -> {
            if (vm.playingProperty().get()) {
                restart(vm);
            }
        });
        var speedLabel = new Label();
        speedLabel.getStyleClass().add("muted");
        speedLabel.setId("speed-label");
        speedLabel.setMinWidth(Region.USE_PREF_SIZE);
        speedLabel.textProperty().bind(vm.speedProperty().asString("%.0f tok/s"));
        var speedTitle = new Label("speed");
        speedTitle.getStyleClass().add("muted");
        getChildren().addAll(first, back, play, fwd, last, pos, scrub, speedTitle, speed, speedLabel);
        // not disable(): toggling :disabled restyles the whole subtree (hundreds of ms with the software
        // pipeline); a busy pane just stops taking the mouse and dims
        mouseTransparentProperty().bind(vm.busyProperty());
        opacityProperty().bind(Bindings.when(vm.busyProperty()).then(0.55).otherwise(1.0));
    }

    private void restart(StepperViewModel vm) {
        timer.stop();
        timer.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1 / Math.max(0.5, vm.speedProperty().get())),
                e -> vm.playTick()));
        timer.setCycleCount(Timeline.INDEFINITE);
        timer.play();
    }

    private static final String FIRST = "M2 2h2v12H2z M14 2v12L5 8z";
    private static final String BACK = "M12 2v12L3 8z";
    private static final String PLAY = "M4 2v12l10-6z";
    private static final String PAUSE = "M3 2h4v12H3z M9 2h4v12H9z";
    private static final String FORWARD = "M4 2v12l9-6z M13 2h2v12h-2z";
    private static final String LAST = "M2 2v12l9-6z M12 2h2v12h-2z";

    private static Button button(String path, String id, String tip, Runnable action) {
        var icon = new SVGPath();
        icon.setContent(path);
        icon.getStyleClass().add("step-icon");
        var b = new Button(null, icon);
        b.setId(id);
        b.getStyleClass().add("step-button");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }
}
